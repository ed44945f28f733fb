package com.instainstru.platform.test.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/** Values for a schema: one that fits it, and ones that must not (wrong types, bad ids, dates and times). */
final class Values {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final OpenApi api;
    private final Random random;

    Values(OpenApi api, Random random) {
        this.api = api;
        this.random = random;
    }

    /** A JSON value written as text, and whether every reader of the schema must refuse it. */
    record Bad(String label, String json, boolean definite) {
    }

    static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!"null".equals(t.asText())) {
                    return t.asText();
                }
            }
        }
        if (type.isTextual()) {
            return type.asText();
        }
        return schema.has("properties") ? "object" : schema.has("items") ? "array" : "";
    }

    static String format(JsonNode schema) {
        return schema.path("format").asText("");
    }

    /** A value that fits the schema (the first enum constant, the minimum, a fresh id...). */
    JsonNode valid(JsonNode raw, int depth) {
        JsonNode schema = api.resolve(raw);
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            return firstNotNull(schema.get("enum"));
        }
        switch (type(schema)) {
            case "string":
                return JSON.textNode(validText(schema));
            case "integer":
                return JSON.numberNode(bounded(schema, 1));
            case "number":
                return JSON.numberNode(bounded(schema, 1));
            case "boolean":
                return JSON.booleanNode(true);
            case "array": {
                ArrayNode array = JSON.arrayNode();
                int items = Math.max(1, schema.path("minItems").asInt(1));
                for (int i = 0; i < items && depth < 6; i++) {
                    array.add(valid(schema.path("items"), depth + 1));
                }
                return array;
            }
            case "object": {
                ObjectNode object = JSON.objectNode();
                if (depth < 6) {
                    for (Iterator<Map.Entry<String, JsonNode>> p = schema.path("properties").fields(); p.hasNext(); ) {
                        Map.Entry<String, JsonNode> property = p.next();
                        if (!property.getValue().path("readOnly").asBoolean(false)) {
                            object.set(property.getKey(), valid(property.getValue(), depth + 1));
                        }
                    }
                }
                return object;
            }
            default:
                return JSON.textNode("fuzz");
        }
    }

    String validText(JsonNode schema) {
        return switch (format(schema)) {
            case "uuid" -> new UUID(random.nextLong(), random.nextLong()).toString();
            case "date" -> "2026-03-02";
            case "date-time" -> "2026-03-02T18:00:00-05:00";
            case "local-time", "time", "partial-time" -> "18:00";
            case "email" -> "fuzz-" + Integer.toHexString(random.nextInt()) + "@example.com";
            case "duration" -> "PT1H";
            default -> "x".repeat(Math.max(1, schema.path("minLength").asInt(4)));
        };
    }

    private static long bounded(JsonNode schema, long preferred) {
        long value = schema.has("minimum") ? (long) Math.ceil(schema.get("minimum").asDouble()) : preferred;
        return schema.has("maximum") ? Math.min(value, (long) Math.floor(schema.get("maximum").asDouble())) : value;
    }

    /** Values the schema's readers must refuse: wrong JSON types, ids, dates and enum constants that are none. */
    List<Bad> bad(JsonNode raw) {
        JsonNode schema = api.resolve(raw);
        List<Bad> bad = new ArrayList<>();
        if (schema.has("enum") && schema.get("enum").size() > 0) {
            String first = firstNotNull(schema.get("enum")).asText();
            String other = first.equals(first.toUpperCase(Locale.ROOT)) ? first.toLowerCase(Locale.ROOT)
                    : first.toUpperCase(Locale.ROOT);
            bad.add(new Bad("a number for an enum", "0", true));
            bad.add(new Bad("an unknown enum value", "\"NOT_A_VALUE\"", true));
            bad.add(new Bad("an enum value in the wrong case", quote(other), !other.equals(first)));
            return bad;
        }
        switch (type(schema)) {
            case "integer" -> {
                bad.add(new Bad("a float for a whole number", "1.5", true));
                bad.add(new Bad("a string for a whole number", "\"1\"", true));
                bad.add(new Bad("true for a whole number", "true", true));
                bad.add(new Bad("an overflowing whole number", "99999999999999999999999", true));
            }
            case "number" -> {
                bad.add(new Bad("a word for a number", "\"abc\"", true));
                bad.add(new Bad("an object for a number", "{}", true));
            }
            case "boolean" -> {
                bad.add(new Bad("a string for true/false", "\"true\"", true));
                bad.add(new Bad("a number for true/false", "1", true));
            }
            case "array" -> {
                bad.add(new Bad("an object for an array", "{}", true));
                bad.add(new Bad("a string for an array", "\"x\"", true));
            }
            case "object" -> {
                bad.add(new Bad("an array for an object", "[]", true));
                bad.add(new Bad("a string for an object", "\"x\"", true));
            }
            case "string" -> bad.addAll(badText(schema));
            default -> { }
        }
        return bad;
    }

    private static List<Bad> badText(JsonNode schema) {
        List<Bad> bad = new ArrayList<>();
        bad.add(new Bad("a number for a string", "7", true));
        bad.add(new Bad("an object for a string", "{}", true));
        switch (format(schema)) {
            case "uuid" -> {
                bad.add(new Bad("a bad id", "\"not-a-uuid\"", true));
                bad.add(new Bad("a short id", "\"1-1-1-1-1\"", true));
                bad.add(new Bad("an id with a non-hex digit", "\"00000000-0000-0000-0000-00000000000g\"", true));
            }
            case "date" -> {
                bad.add(new Bad("February 30th", "\"2026-02-30\"", true));
                bad.add(new Bad("month 13", "\"2026-13-01\"", true));
                bad.add(new Bad("a word for a date", "\"tomorrow\"", true));
                bad.add(new Bad("a number for a date", "20260301", true));
            }
            case "date-time" -> {
                bad.add(new Bad("hour 25", "\"2026-03-01T25:00:00Z\"", true));
                bad.add(new Bad("offset +25:00", "\"2026-03-01T18:00:00+25:00\"", true));
                bad.add(new Bad("an unknown time zone", "\"2026-03-01T18:00:00+01:00[Mars/Olympus]\"", true));
                bad.add(new Bad("a number for a date-time", "1772409600", true));
            }
            case "local-time", "time", "partial-time" -> {
                bad.add(new Bad("hour 25", "\"25:00\"", true));
                bad.add(new Bad("minute 60", "\"12:60\"", true));
            }
            default -> {
                bad.add(new Bad("a control character", "\"a\\u0001b\"", true));
                bad.add(new Bad("an unescaped control character", "\"a\u0002b\"", true));
            }
        }
        return bad;
    }

    /** Raw values for a path or query parameter the schema's readers must refuse (definite) or may take. */
    static List<Bad> badParameter(JsonNode schema) {
        List<Bad> bad = new ArrayList<>();
        if (schema.has("enum")) {
            bad.add(new Bad("an unknown enum value", "NOT_A_VALUE", true));
            return bad;
        }
        switch (type(schema) + ":" + format(schema)) {
            case "string:uuid" -> {
                bad.add(new Bad("a bad id", "not-a-uuid", true));
                bad.add(new Bad("a short id", "1-1-1-1-1", true));
                bad.add(new Bad("a NUL", "\u0000", true));
                bad.add(new Bad("a long id", "a".repeat(300), true));
            }
            case "string:date" -> {
                bad.add(new Bad("February 30th", "2026-02-30", true));
                bad.add(new Bad("a word for a date", "someday", true));
            }
            case "string:date-time" -> {
                bad.add(new Bad("hour 25", "2026-03-01T25:00:00Z", true));
                bad.add(new Bad("offset +25:00", "2026-03-01T18:00:00+25:00", true));
                bad.add(new Bad("a word for a date-time", "soon", true));
            }
            default -> {
                if (type(schema).equals("integer") || type(schema).equals("number")) {
                    bad.add(new Bad("a word for a number", "abc", true));
                    bad.add(new Bad("an overflowing number", "99999999999999999999999", true));
                    if (type(schema).equals("integer")) {
                        bad.add(new Bad("a float for a whole number", "1.5", true));
                    }
                } else if (type(schema).equals("boolean")) {
                    bad.add(new Bad("a word for true/false", "perhaps", true));
                } else {
                    bad.add(new Bad("a control character", "a\u0001b", false));
                    bad.add(new Bad("a NUL", "\u0000", false));
                    bad.add(new Bad("a long text", "x".repeat(2000), false));
                    bad.add(new Bad("an emoji", "\uD83C\uDFB9", false));
                    bad.add(new Bad("quotes and a comment", "'; select 1; --", false));
                }
            }
        }
        return bad;
    }

    private static JsonNode firstNotNull(JsonNode values) {
        for (JsonNode v : values) {
            if (!v.isNull()) {
                return v;
            }
        }
        return values.get(0);
    }

    static String quote(String text) {
        return JSON.textNode(text).toString();
    }
}
