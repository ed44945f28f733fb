package com.instainstru.platform.test.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi31;
import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Every answer a test receives checked against the OpenAPI document of the server that gave it
 * ({@code /q/openapi}, read once per server): its status must be declared for the operation, and its body must
 * have a declared media type and match that media type's schema (JSON Schema 2020-12, the dialect of OpenAPI
 * 3.1, with the document's components). A request to a path the document does not have (health, pages, an
 * unknown route) is not checked. An answer outside its document fails the test with what is wrong.
 *
 * <p>On a test class: {@code @ExtendWith(OpenApiContract.class)} checks every RestAssured request of the class;
 * or add {@code new OpenApiContract()} as a RestAssured filter.
 */
public class OpenApiContract implements Filter, BeforeAllCallback, AfterAllCallback {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, JsonNode> DOCUMENTS = new ConcurrentHashMap<>();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** JSON Schema 2020-12 in OpenAPI 3.1's dialect (its keywords and formats: int32, double, ...). */
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
            builder -> builder.metaSchema(OpenApi31.getInstance()).defaultMetaSchemaIri(OpenApi31.getInstance().getIri()));

    private List<Filter> before;

    @Override
    public void beforeAll(ExtensionContext context) {
        before = new ArrayList<>(RestAssured.filters());
        RestAssured.filters(this);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        RestAssured.replaceFiltersWith(before);
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
                           FilterContext context) {
        Response response = context.next(request, responseSpec);
        URI uri = URI.create(request.getURI());
        if (uri.getPath().startsWith("/q/")) {
            return response;
        }
        List<String> wrong = check(document(uri), request.getMethod(), uri.getPath(), response);
        if (!wrong.isEmpty()) {
            throw new AssertionError(request.getMethod() + " " + uri.getPath() + " answered " + response.statusCode()
                    + " outside its OpenAPI document: " + String.join("; ", wrong) + "\nbody: " + abbreviated(response.asString()));
        }
        return response;
    }

    /** What is wrong with an answer to {@code method path} under {@code document} (nothing: it matches). */
    public static List<String> check(JsonNode document, String method, String path, Response response) {
        List<String> wrong = new ArrayList<>();
        Map.Entry<String, JsonNode> item = pathItem(document, path);
        JsonNode operation = item == null ? null : item.getValue().get(method.toLowerCase(Locale.ROOT));
        if (operation == null) {
            return wrong; // not an operation of the document: the routing's answer, not the contract's
        }
        String status = String.valueOf(response.statusCode());
        JsonNode responses = operation.path("responses");
        JsonNode declared = responses.has(status) ? responses.get(status)
                : responses.has(status.charAt(0) + "XX") ? responses.get(status.charAt(0) + "XX") : responses.get("default");
        if (declared == null) {
            wrong.add("status " + status + " is not declared (declared: " + names(responses) + ")");
            return wrong;
        }
        declared = resolve(document, declared);
        String body = response.asString();
        if (body == null || body.isEmpty() || "HEAD".equalsIgnoreCase(method)) {
            return wrong;
        }
        String contentType = response.contentType() == null ? "" : response.contentType().split(";")[0].trim();
        JsonNode content = declared.path("content");
        if (!content.has(contentType)) {
            wrong.add("media type " + contentType + " is not declared for " + status + " (declared: " + names(content) + ")");
            return wrong;
        }
        JsonNode schema = content.get(contentType).get("schema");
        if (schema == null || !(contentType.endsWith("json"))) {
            return wrong;
        }
        JsonNode value;
        try {
            value = JSON.readTree(body);
        } catch (IOException e) {
            wrong.add("the body is not JSON");
            return wrong;
        }
        Set<ValidationMessage> messages = schema(document, schema).validate(value);
        messages.stream().map(ValidationMessage::getMessage).sorted().limit(20).forEach(wrong::add);
        return wrong;
    }

    private static JsonSchema schema(JsonNode document, JsonNode schema) {
        String key = System.identityHashCode(document) + schema.toString();
        return SCHEMAS.computeIfAbsent(key, k -> {
            // The schema with the document's components beside it, so #/components/schemas/... resolves.
            ObjectNode root = schema.deepCopy();
            root.set("components", document.path("components"));
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return FACTORY.getSchema(root, config);
        });
    }

    /** The document's path item for a request path: the most literal template that matches it. */
    static Map.Entry<String, JsonNode> pathItem(JsonNode document, String path) {
        String[] segments = trimmed(path).split("/", -1);
        Map.Entry<String, JsonNode> best = null;
        int bestLiterals = -1;
        for (Iterator<Map.Entry<String, JsonNode>> it = document.path("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> item = it.next();
            String[] template = trimmed(item.getKey()).split("/", -1);
            if (template.length != segments.length) {
                continue;
            }
            int literals = 0;
            boolean matches = true;
            for (int i = 0; i < template.length && matches; i++) {
                boolean parameter = template[i].startsWith("{") && template[i].endsWith("}");
                if (parameter) {
                    matches = !segments[i].isEmpty();
                } else {
                    matches = template[i].equals(segments[i]);
                    literals++;
                }
            }
            if (matches && literals > bestLiterals) {
                best = item;
                bestLiterals = literals;
            }
        }
        return best;
    }

    private static String trimmed(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static JsonNode resolve(JsonNode document, JsonNode node) {
        JsonNode ref = node.get("$ref");
        if (ref == null || !ref.asText().startsWith("#/")) {
            return node;
        }
        return resolve(document, document.at(ref.asText().substring(1)));
    }

    private static String names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names.stream().filter(n -> !METHODS.contains(n)).collect(Collectors.joining(", "));
    }

    private static String abbreviated(String body) {
        return body == null ? "" : body.length() > 600 ? body.substring(0, 600) + "…" : body;
    }

    /** The document of the server at {@code uri}'s scheme, host and port, read once. */
    private static JsonNode document(URI uri) {
        String server = uri.getScheme() + "://" + uri.getAuthority();
        return DOCUMENTS.computeIfAbsent(server, s -> {
            try {
                HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(s + "/q/openapi?format=json"))
                        .header("Accept", "application/json").timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() != 200) {
                    throw new IllegalStateException(s + "/q/openapi answered " + answer.statusCode());
                }
                return JSON.readTree(answer.body());
            } catch (IOException e) {
                throw new IllegalStateException(s + "/q/openapi cannot be read", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }
}
