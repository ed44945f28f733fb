package com.instainstru.gateway.routing;

import com.instainstru.platform.problem.ProblemDocumentation;
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
 * routes with who may call them and the gateway's own answers (401, 403, 429, 503). The request and
 * answer bodies of each route are described in its service's own document.
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
        Map<String, PathItem> items = new TreeMap<>();
        for (Route route : RouteTable.routes()) {
            PathItem item = items.computeIfAbsent(route.template(), t -> OASFactory.createPathItem());
            item.setOperation(PathItem.HttpMethod.valueOf(route.method()), operation(route));
        }
        items.forEach(openAPI.getPaths()::addPathItem);
        SERVICE_TAGS.values().stream().sorted().forEach(name -> openAPI.addTag(OASFactory.createTag().name(name)
                .description("Proxied by the gateway to the service")));
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
