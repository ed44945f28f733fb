package com.instainstru.gateway.routing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.openapi.api.OpenApiConfig;
import io.smallrye.openapi.runtime.io.Format;
import io.smallrye.openapi.runtime.io.OpenApiParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * The services' own OpenAPI documents, as their builds wrote them ({@code target/openapi/<module>.json}, copied into
 * the gateway's classpath under {@value #DIRECTORY} by the gateway's build), reduced to the operations the gateway
 * routes and merged into one set of component schemas: a schema two services name alike but describe differently is
 * renamed after its service ({@code Result} of booking-service becomes {@code BookingResult}), references included.
 */
final class ServiceDocuments {

    static final String DIRECTORY = "META-INF/openapi-services/";
    private static final String SCHEMA_REF = "#/components/schemas/";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Each routed service's document (only the routed operations and the schemas they use), by service key. */
    private final Map<String, OpenAPI> documents = new LinkedHashMap<>();

    private ServiceDocuments() {
    }

    /**
     * Loads the document of every service {@code routes} name that is on the classpath; a service whose document is
     * missing (a build without the services, e.g. dev mode) is left out.
     *
     * @param ownSchemas the gateway's own component schemas (JSON), whose names the services' schemas must respect
     */
    static ServiceDocuments load(List<Route> routes, Map<String, JsonNode> ownSchemas) {
        ServiceDocuments loaded = new ServiceDocuments();
        Map<String, JsonNode> schemas = new HashMap<>(ownSchemas);
        Set<String> services = new java.util.LinkedHashSet<>();
        routes.forEach(route -> services.add(route.service()));
        for (String service : services) {
            Optional<ObjectNode> document = read(service + "-service.json");
            if (document.isEmpty()) {
                continue;
            }
            ObjectNode reduced = reduce(document.get(), routes.stream().filter(r -> r.service().equals(service)).toList());
            renameClashes(reduced, capitalized(service), schemas);
            loaded.documents.put(service, parse(reduced));
        }
        return loaded;
    }

    boolean isEmpty() {
        return documents.isEmpty();
    }

    /** The service's operation for a route (the same method and path, path parameters named alike or not). */
    Optional<Operation> operation(Route route) {
        OpenAPI document = documents.get(route.service());
        if (document == null || document.getPaths() == null || document.getPaths().getPathItems() == null) {
            return Optional.empty();
        }
        List<String> wanted = shape(route.template());
        for (Map.Entry<String, PathItem> item : document.getPaths().getPathItems().entrySet()) {
            if (shape(item.getKey()).equals(wanted)) {
                Operation operation = item.getValue().getOperations().get(PathItem.HttpMethod.valueOf(route.method()));
                if (operation != null) {
                    return Optional.of(operation);
                }
            }
        }
        return Optional.empty();
    }

    /** Every service's schemas (after renaming), for the gateway's components. */
    Map<String, Schema> schemas() {
        Map<String, Schema> all = new LinkedHashMap<>();
        for (OpenAPI document : documents.values()) {
            if (document.getComponents() != null && document.getComponents().getSchemas() != null) {
                document.getComponents().getSchemas().forEach(all::putIfAbsent);
            }
        }
        return all;
    }

    private static Optional<ObjectNode> read(String name) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = ServiceDocuments.class.getClassLoader();
        }
        try (InputStream in = loader.getResourceAsStream(DIRECTORY + name)) {
            return in == null ? Optional.empty() : Optional.of((ObjectNode) JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("The OpenAPI document " + DIRECTORY + name + " cannot be read", e);
        }
    }

    /** Only the routed operations, and only the schemas they reach. */
    private static ObjectNode reduce(ObjectNode document, List<Route> routes) {
        ObjectNode paths = JSON.createObjectNode();
        JsonNode all = document.path("paths");
        for (Iterator<Map.Entry<String, JsonNode>> it = all.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> item = it.next();
            ObjectNode kept = JSON.createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> ops = item.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                boolean routed = routes.stream().anyMatch(r -> r.method().equalsIgnoreCase(op.getKey())
                        && shape(r.template()).equals(shape(item.getKey())));
                if (routed) {
                    kept.set(op.getKey(), op.getValue());
                }
            }
            if (!kept.isEmpty()) {
                paths.set(item.getKey(), kept);
            }
        }
        ObjectNode reduced = JSON.createObjectNode();
        reduced.put("openapi", document.path("openapi").asText("3.1.0"));
        reduced.set("info", document.path("info"));
        reduced.set("paths", paths);
        JsonNode schemas = document.path("components").path("schemas");
        ObjectNode used = JSON.createObjectNode();
        Deque<JsonNode> todo = new ArrayDeque<>(List.of(paths));
        Set<String> seen = new TreeSet<>();
        while (!todo.isEmpty()) {
            for (String name : references(todo.pop())) {
                if (seen.add(name) && schemas.has(name)) {
                    used.set(name, schemas.get(name));
                    todo.push(schemas.get(name));
                }
            }
        }
        reduced.putObject("components").set("schemas", used);
        return reduced;
    }

    private static Set<String> references(JsonNode node) {
        Set<String> names = new TreeSet<>();
        Deque<JsonNode> todo = new ArrayDeque<>(List.of(node));
        while (!todo.isEmpty()) {
            JsonNode next = todo.pop();
            if (next.isObject()) {
                JsonNode ref = next.get("$ref");
                if (ref != null && ref.isTextual() && ref.asText().startsWith(SCHEMA_REF)) {
                    names.add(ref.asText().substring(SCHEMA_REF.length()));
                }
            }
            next.elements().forEachRemaining(todo::push);
        }
        return names;
    }

    /** Renames the schemas that another service (or the gateway) already names with a different meaning. */
    private static void renameClashes(ObjectNode document, String prefix, Map<String, JsonNode> known) {
        ObjectNode schemas = (ObjectNode) document.path("components").path("schemas");
        Map<String, String> renamed = new HashMap<>();
        schemas.fieldNames().forEachRemaining(name -> {
            JsonNode other = known.get(name);
            if (other != null && !other.equals(schemas.get(name))) {
                String fresh = prefix + name;
                while (known.containsKey(fresh) || schemas.has(fresh)) {
                    fresh = prefix + fresh;
                }
                renamed.put(name, fresh);
            }
        });
        if (!renamed.isEmpty()) {
            rewriteReferences(document, renamed);
            ObjectNode copy = JSON.createObjectNode();
            schemas.fields().forEachRemaining(e -> copy.set(renamed.getOrDefault(e.getKey(), e.getKey()), e.getValue()));
            ((ObjectNode) document.get("components")).set("schemas", copy);
        }
        document.path("components").path("schemas").fields().forEachRemaining(e -> known.putIfAbsent(e.getKey(), e.getValue()));
    }

    private static void rewriteReferences(JsonNode node, Map<String, String> renamed) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            JsonNode ref = object.get("$ref");
            if (ref != null && ref.isTextual() && ref.asText().startsWith(SCHEMA_REF)) {
                String name = ref.asText().substring(SCHEMA_REF.length());
                if (renamed.containsKey(name)) {
                    object.set("$ref", TextNode.valueOf(SCHEMA_REF + renamed.get(name)));
                }
            }
        }
        node.elements().forEachRemaining(child -> rewriteReferences(child, renamed));
    }

    private static OpenAPI parse(ObjectNode document) {
        try {
            byte[] bytes = JSON.writeValueAsBytes(document);
            OpenApiConfig config = OpenApiConfig.fromConfig(new SmallRyeConfigBuilder().build());
            return OpenApiParser.parse(new ByteArrayInputStream(bytes), Format.JSON, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The path's segments with every parameter written alike: /a/{id} and /a/{key} have one shape. */
    private static List<String> shape(String template) {
        return Route.segments(template).stream().map(s -> Route.isParameter(s) ? "{}" : s).toList();
    }

    private static String capitalized(String service) {
        return Character.toUpperCase(service.charAt(0)) + service.substring(1);
    }
}
