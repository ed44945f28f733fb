package com.instainstru.platform.test.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** A service's OpenAPI document ({@code /q/openapi?format=json}) read as the list of its operations. */
public final class OpenApi {

    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    private final JsonNode document;

    private OpenApi(JsonNode document) {
        this.document = document;
    }

    public static OpenApi parse(String json) {
        try {
            return new OpenApi(new ObjectMapper().readTree(json));
        } catch (IOException e) {
            throw new IllegalArgumentException("not an OpenAPI document in JSON", e);
        }
    }

    public List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        eachOperation((method, path, op) -> operations.add(operation(method, path, document.path("paths").path(path), op)));
        return operations;
    }

    private interface OperationVisitor {
        void visit(String method, String path, JsonNode operation);
    }

    /** Every operation of the document: its method in capitals, its path and its object. */
    private void eachOperation(OperationVisitor visitor) {
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (String method : METHODS) {
                JsonNode op = path.getValue().get(method);
                if (op != null) {
                    visitor.visit(method.toUpperCase(), path.getKey(), op);
                }
            }
        }
    }

    /**
     * The error answers (4xx, 5xx) the document gives without an {@code application/problem+json} body of the
     * {@code Problem} schema, as {@code "GET /path 404"}: every error a service answers is one.
     */
    public List<String> errorsNotDocumentedAsProblems() {
        List<String> missing = new ArrayList<>();
        eachOperation((method, path, op) -> op.path("responses").fields().forEachRemaining(answer -> {
            JsonNode problem = resolve(answer.getValue()).path("content").path("application/problem+json");
            boolean error = answer.getKey().startsWith("4") || answer.getKey().startsWith("5");
            if (error && !resolve(problem.path("schema")).path("properties").has("type")) {
                missing.add(method + " " + path + " " + answer.getKey());
            }
        }));
        return missing;
    }

    private Operation operation(String method, String path, JsonNode pathItem, JsonNode op) {
        List<Operation.Param> params = new ArrayList<>();
        for (JsonNode list : List.of(pathItem.path("parameters"), op.path("parameters"))) {
            for (JsonNode p : list) {
                JsonNode param = resolve(p);
                params.add(new Operation.Param(param.path("name").asText(), param.path("in").asText(),
                        resolve(param.path("schema")), param.path("required").asBoolean(false)));
            }
        }
        JsonNode requestBody = resolve(op.path("requestBody"));
        JsonNode body = null;
        for (Iterator<Map.Entry<String, JsonNode>> media = requestBody.path("content").fields(); media.hasNext(); ) {
            Map.Entry<String, JsonNode> type = media.next();
            if (type.getKey().contains("json")) {
                body = resolve(type.getValue().path("schema"));
            }
        }
        List<String> roles = new ArrayList<>();
        JsonNode security = op.has("security") ? op.get("security") : document.path("security");
        for (JsonNode requirement : security) {
            requirement.fields().forEachRemaining(scheme -> scheme.getValue().forEach(role -> roles.add(role.asText())));
        }
        return new Operation(method, path, params, body, requestBody.path("required").asBoolean(false), roles);
    }

    /** The schema or object a {@code $ref} points at (itself when it is none), and the first branch of a choice. */
    public JsonNode resolve(JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; hops < 20 && current != null; hops++) {
            if (current.has("$ref")) {
                String ref = current.get("$ref").asText();
                current = document.at(ref.substring(ref.indexOf('#') + 1));
            } else if (current.has("allOf") && current.get("allOf").size() == 1) {
                current = current.get("allOf").get(0);
            } else if (current.has("oneOf") || current.has("anyOf")) {
                current = firstNotNull(current.has("oneOf") ? current.get("oneOf") : current.get("anyOf"));
            } else {
                return current;
            }
        }
        return current == null ? node : current;
    }

    private static JsonNode firstNotNull(JsonNode choices) {
        for (JsonNode choice : choices) {
            if (!"null".equals(choice.path("type").asText())) {
                return choice;
            }
        }
        return choices.get(0);
    }
}
