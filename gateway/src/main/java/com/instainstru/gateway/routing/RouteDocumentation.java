package com.instainstru.gateway.routing;

import com.instainstru.platform.problem.ProblemDocumentation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.openapi.runtime.io.Format;
import io.smallrye.openapi.runtime.io.OpenApiSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Adds every route of {@link RouteTable} to the gateway's OpenAPI document, so /q/openapi and the
 * Swagger UI cover the whole public API: the gateway's own endpoints (code-first) and the services'
 * routes. Each route is its service's own operation, taken from the service's generated document
 * ({@link ServiceDocuments}: parameters, bodies, examples, every status it answers), with who may call it
 * and the gateway's own answers added (401, 403, 408, 413, 429, 503). A build without the services'
 * documents (dev mode) documents each route with the gateway's answers only.
 */
public class RouteDocumentation implements OASFilter {

    private static final Map<String, String> SERVICE_TAGS = Map.of(
            "catalog", "Catalog (catalog-service)",
            "search", "Search (search-service)",
            "booking", "Bookings and availability (booking-service)",
            "analytics", "Analytics (analytics-service, admin)",
            "notification", "Notifications (notification-service)");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            openAPI.setPaths(OASFactory.createPaths());
        }
        ServiceDocuments services = ServiceDocuments.load(RouteTable.routes(), ownSchemas(openAPI));
        Map<String, PathItem> items = new TreeMap<>();
        for (Route route : RouteTable.routes()) {
            PathItem item = items.computeIfAbsent(route.template(), t -> OASFactory.createPathItem());
            Operation operation = services.operation(route).map(own -> documented(route, own)).orElseGet(() -> operation(route));
            item.setOperation(PathItem.HttpMethod.valueOf(route.method()), operation);
        }
        items.forEach(openAPI.getPaths()::addPathItem);
        if (!services.isEmpty()) {
            if (openAPI.getComponents() == null) {
                openAPI.setComponents(OASFactory.createComponents());
            }
            Map<String, Schema> own = openAPI.getComponents().getSchemas();
            services.schemas().forEach((name, schema) -> {
                if (own == null || !own.containsKey(name)) {
                    openAPI.getComponents().addSchema(name, schema);
                }
            });
        }
        SERVICE_TAGS.values().stream().sorted().forEach(name -> openAPI.addTag(OASFactory.createTag().name(name)
                .description("Proxied by the gateway to the service")));
    }

    /** The gateway's own components' schemas as JSON, which the services' schemas are compared with. */
    private static Map<String, JsonNode> ownSchemas(OpenAPI openAPI) {
        try {
            JsonNode document = new ObjectMapper().readTree(OpenApiSerializer.serialize(openAPI, Format.JSON));
            Map<String, JsonNode> schemas = new TreeMap<>();
            document.path("components").path("schemas").fields().forEachRemaining(e -> schemas.put(e.getKey(), e.getValue()));
            return schemas;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The service's own operation, as the gateway answers it. */
    private static Operation documented(Route route, Operation own) {
        StringBuilder description = new StringBuilder();
        if (own.getSummary() != null && !own.getSummary().equals(route.summary())) {
            description.append(own.getSummary()).append(".\n\n");
        }
        if (own.getDescription() != null) {
            description.append(own.getDescription()).append("\n\n");
        }
        description.append("Answered by ").append(route.service()).append("-service through the gateway; ")
                .append(who(route.access())).append('.');
        own.setOperationId(route.id());
        own.setSummary(route.summary());
        own.setDescription(description.toString());
        own.setTags(List.of(SERVICE_TAGS.getOrDefault(route.service(), route.service())));
        own.setSecurity(null);
        if (route.access().needsToken()) {
            own.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("jwt"));
        } else {
            // Anyone may call it; a signed-in caller's token is sent (and must be valid) when there is one.
            own.addSecurityRequirement(OASFactory.createSecurityRequirement());
            own.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("jwt"));
        }
        List<String> names = route.segments().stream().filter(Route::isParameter)
                .map(s -> s.substring(1, s.length() - 1)).toList();
        if (own.getParameters() != null) {
            List<Parameter> path = own.getParameters().stream().filter(p -> p.getIn() == Parameter.In.PATH).toList();
            for (int i = 0; i < path.size() && i < names.size(); i++) {
                path.get(i).setName(names.get(i));
            }
        }
        if (own.getResponses() == null) {
            own.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = own.getResponses();
        addIfAbsent(responses, "401", route.access().needsToken() ? "No valid bearer token" : "A token was sent and is not valid");
        if (!route.access().roles().isEmpty()) {
            addIfAbsent(responses, "403", "Roles allowed: " + String.join(", ", route.access().roles().stream().sorted().toList()));
        }
        if (own.getRequestBody() != null) {
            addIfAbsent(responses, "408", "The request's body did not arrive in time");
            addIfAbsent(responses, "413", "The request's body is over 64 KB");
        }
        addIfAbsent(responses, "429", "Too many requests; see Retry-After");
        addIfAbsent(responses, "503", "The " + route.service() + " service is down, too slow or its breaker is open");
        return own;
    }

    private static String who(Access access) {
        if (!access.needsToken()) {
            return "anyone may call it (a token that is sent must be valid)";
        }
        if (access.roles().isEmpty()) {
            return "any signed-in user may call it";
        }
        return "roles allowed: " + String.join(", ", access.roles().stream().sorted().toList());
    }

    private static void addIfAbsent(APIResponses responses, String status, String description) {
        if (responses.getAPIResponse(status) == null) {
            responses.addAPIResponse(status, problem(description));
        }
    }

    private static Operation operation(Route route) {
        APIResponses responses = OASFactory.createAPIResponses()
                .addAPIResponse("200", OASFactory.createAPIResponse()
                        .description("The " + route.service() + " service's answer (2xx or 4xx problem), passed through"))
                .addAPIResponse("404", problem("No such route, or no such resource"))
                .addAPIResponse("429", problem("Too many requests; see Retry-After"))
                .addAPIResponse("503", problem("The " + route.service() + " service is down, too slow or its breaker is open"));
        if (route.access().needsToken()) {
            responses.addAPIResponse("401", problem("No valid bearer token"));
        } else {
            responses.addAPIResponse("401", problem("A token was sent and is not valid"));
        }
        if (!route.access().roles().isEmpty()) {
            responses.addAPIResponse("403", problem("Roles allowed: " + String.join(", ",
                    route.access().roles().stream().sorted().toList())));
        }
        Operation operation = OASFactory.createOperation().operationId(route.id()).summary(route.summary())
                .tags(List.of(SERVICE_TAGS.getOrDefault(route.service(), route.service()))).responses(responses);
        if (route.access().needsToken()) {
            operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme("jwt"));
        }
        for (String segment : route.segments()) {
            if (Route.isParameter(segment)) {
                operation.addParameter(OASFactory.createParameter().name(segment.substring(1, segment.length() - 1))
                        .in(Parameter.In.PATH).required(true)
                        .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
            }
        }
        return operation;
    }

    private static org.eclipse.microprofile.openapi.models.responses.APIResponse problem(String description) {
        return OASFactory.createAPIResponse().description(description).content(ProblemDocumentation.problemContent());
    }

}
