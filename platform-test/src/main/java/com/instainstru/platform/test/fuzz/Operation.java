package com.instainstru.platform.test.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One operation of an OpenAPI document: its method, path template, parameters, JSON body schema (null when it
 * takes none; {@code $ref}s resolved lazily by {@link OpenApi#resolve}) and the roles its security asks for.
 */
public record Operation(String method, String path, List<Param> params, JsonNode body, boolean bodyRequired,
        List<String> roles) {

    /** A path, query or header parameter. */
    public record Param(String name, String in, JsonNode schema, boolean required) {
    }

    public boolean writes() {
        return !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
