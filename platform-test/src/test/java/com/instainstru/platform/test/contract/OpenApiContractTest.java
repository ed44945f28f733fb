package com.instainstru.platform.test.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.builder.ResponseBuilder;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/** The checker itself: what it finds wrong in an answer, against a small document of one operation. */
class OpenApiContractTest {

    private static final String DOCUMENT = """
            {"openapi": "3.1.0", "paths": {
              "/lessons/{id}": {"get": {"responses": {
                "200": {"description": "OK", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Lesson"}}}},
                "404": {"description": "No such lesson", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}}}},
              "/lessons/next": {"get": {"responses": {"204": {"description": "None"}}}}},
             "components": {"schemas": {
              "Lesson": {"type": "object", "properties": {"start": {"type": "string", "format": "date-time"},
                "price": {"type": "number"}, "note": {"type": ["string", "null"]}}},
              "Problem": {"type": "object", "properties": {"status": {"type": "integer", "format": "int32"}}}}}}
            """;

    private final JsonNode document = read(DOCUMENT);

    @Test
    void anAnswerAsDocumentedPasses() {
        assertThat(check("/lessons/7", 200, "application/json;charset=UTF-8",
                "{\"start\": \"2026-11-27T17:00:00-05:00\", \"price\": 60, \"note\": null}")).isEmpty();
        assertThat(check("/lessons/7", 404, "application/problem+json", "{\"status\": 404}")).isEmpty();
        assertThat(check("/lessons/next", 204, null, "")).isEmpty(); // the literal path wins over /lessons/{id}
    }

    @Test
    void anUndeclaredStatusFails() {
        assertThat(check("/lessons/7", 409, "application/problem+json", "{\"status\": 409}"))
                .singleElement().asString().contains("status 409 is not declared");
    }

    @Test
    void anUndeclaredMediaTypeFails() {
        assertThat(check("/lessons/7", 404, "text/plain", "Not Found")).singleElement().asString()
                .contains("media type text/plain is not declared");
    }

    @Test
    void aBodyOutsideItsSchemaFails() {
        assertThat(check("/lessons/7", 200, "application/json", "{\"start\": \"2026-11-27T17:00:00\", \"price\": null}"))
                .hasSize(2).anyMatch(m -> m.contains("/start")).anyMatch(m -> m.contains("/price"));
    }

    @Test
    void aPathOrMethodTheDocumentDoesNotHaveIsNotChecked() {
        assertThat(check("/q/health", 200, "application/json", "{}")).isEmpty();
        assertThat(OpenApiContract.check(document, "DELETE", "/lessons/7", answer(405, "application/problem+json", "{}"))).isEmpty();
    }

    private java.util.List<String> check(String path, int status, String contentType, String body) {
        return OpenApiContract.check(document, "GET", path, answer(status, contentType, body));
    }

    private static Response answer(int status, String contentType, String body) {
        ResponseBuilder builder = new ResponseBuilder().setStatusCode(status).setBody(body);
        if (contentType != null) {
            builder.setContentType(contentType);
        }
        return builder.build();
    }

    private static JsonNode read(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
