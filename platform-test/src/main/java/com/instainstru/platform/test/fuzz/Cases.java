package com.instainstru.platform.test.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The malformed requests for one operation: each breaks one thing of an otherwise well-formed request (a
 * parameter, a field of the body at any depth, the body's syntax, nesting or media type), so a refusal says the
 * service found exactly that. At most {@code limit} per operation, chosen by the seeded random.
 */
final class Cases {

    private final OpenApi api;
    private final Values values;
    private final Random random;

    Cases(OpenApi api, Random random) {
        this.api = api;
        this.values = new Values(api, random);
        this.random = random;
    }

    List<FuzzCase> of(Operation op, int limit) {
        List<FuzzCase> cases = new ArrayList<>(parameterCases(op));
        if (op.body() != null) {
            cases.addAll(bodyCases(op));
        }
        if (cases.size() > limit) {
            Collections.shuffle(cases, random);
            return cases.subList(0, limit);
        }
        return cases;
    }

    // -- parameters -------------------------------------------------------------------------------------------

    private List<FuzzCase> parameterCases(Operation op) {
        List<FuzzCase> cases = new ArrayList<>();
        String validBody = op.body() == null ? null : values.valid(op.body(), 0).toString();
        for (Operation.Param param : op.params()) {
            if (param.in().equals("header") || param.in().equals("cookie")) {
                continue;
            }
            for (Values.Bad bad : Values.badParameter(param.schema())) {
                if (!bad.definite() && op.writes()) {
                    continue; // an odd text may be legitimate: a write must not be fuzzed with it
                }
                String uri = uri(op, Map.of(param.name(), bad.json()));
                String label = param.in() + " parameter " + param.name() + ": " + bad.label();
                cases.add(validBody == null ? FuzzCase.noBody(label, op, uri, bad.definite())
                        : FuzzCase.json(label, op, uri, validBody, bad.definite()));
            }
            if (param.in().equals("query") && param.required()) {
                Map<String, String> missing = new LinkedHashMap<>();
                missing.put(param.name(), null);
                cases.add(FuzzCase.noBody("query parameter " + param.name() + " missing", op, uri(op, missing), op.writes()));
            }
        }
        return cases;
    }

    /** The operation's path and query with valid values, except those given (null: left out). */
    String uri(Operation op, Map<String, String> replaced) {
        String path = op.path();
        StringBuilder query = new StringBuilder();
        for (Operation.Param param : op.params()) {
            boolean swapped = replaced.containsKey(param.name());
            String value = swapped ? replaced.get(param.name()) : validParameter(param.schema());
            if (param.in().equals("path")) {
                path = path.replace("{" + param.name() + "}", encode(value == null ? "" : value).replace("+", "%20"));
            } else if (param.in().equals("query") && value != null && (swapped || param.required())) {
                query.append(query.isEmpty() ? "?" : "&").append(encode(param.name())).append('=').append(encode(value));
            }
        }
        return path + query;
    }

    private String validParameter(JsonNode raw) {
        JsonNode valid = values.valid(raw, 0);
        return valid.isTextual() ? valid.asText() : valid.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    // -- bodies -----------------------------------------------------------------------------------------------

    private List<FuzzCase> bodyCases(Operation op) {
        List<FuzzCase> cases = new ArrayList<>();
        String uri = uri(op, Map.of());
        JsonNode schema = api.resolve(op.body());
        JsonNode valid = values.valid(schema, 0);
        String text = valid.toString();
        cases.add(FuzzCase.json("body: empty", op, uri, "", op.bodyRequired()));
        cases.add(FuzzCase.json("body: null", op, uri, "null", op.bodyRequired()));
        for (String[] broken : List.of(new String[] {"a bare number", "12"}, new String[] {"a bare string", "\"text\""},
                new String[] {"an unclosed object", "{"}, new String[] {"a trailing brace", text + "}"},
                new String[] {"a comment", "/* hi */" + text}, new String[] {"a trailing comma", "[1,]"})) {
            cases.add(FuzzCase.json("body: " + broken[0], op, uri, broken[1], true));
        }
        if (text.contains("\"")) {
            cases.add(FuzzCase.json("body: single quotes", op, uri, text.replace('"', '\''), true));
        }
        cases.add(new FuzzCase("body: bytes that are not UTF-8", op.method(), uri, "application/json",
                new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'}, FuzzCase.role(op), true, 0, null));
        cases.add(FuzzCase.json("body: 3000 nested arrays", op, uri, "[".repeat(3000) + "]".repeat(3000), true));
        cases.add(new FuzzCase("body: text/plain", op.method(), uri, "text/plain",
                text.getBytes(StandardCharsets.UTF_8), FuzzCase.role(op), true, 415, "http-415"));
        if (valid instanceof ObjectNode object && object.size() > 0) {
            String first = object.fieldNames().next();
            cases.add(FuzzCase.json("body: " + first + " repeated", op, uri,
                    "{" + Values.quote(first) + ":" + object.get(first) + "," + text.substring(1), true)
                    .expecting(400, "validation"));
            cases.add(FuzzCase.json("body: 3000 nested objects in " + first, op, uri, "{" + Values.quote(first) + ":"
                    + "{\"a\":".repeat(3000) + "1" + "}".repeat(3000) + "}", true));
            if (schema.path("required").size() > 0) {
                cases.add(FuzzCase.json("body: every required field missing", op, uri, "{}", true));
            }
        }
        for (Map.Entry<String, String> mutation : mutations(schema, valid, "", 0).entrySet()) {
            cases.add(FuzzCase.json("body: " + mutation.getKey(), op, uri, mutation.getValue(), true));
        }
        return cases;
    }

    /** The value's JSON with one thing broken, for every field at any depth: what is wrong, and the JSON. */
    private Map<String, String> mutations(JsonNode raw, JsonNode valid, String where, int depth) {
        JsonNode schema = api.resolve(raw);
        Map<String, String> result = new LinkedHashMap<>();
        for (Values.Bad bad : values.bad(schema)) {
            if (bad.definite()) {
                result.put((where.isEmpty() ? "the body" : where) + " is " + bad.label(), bad.json());
            }
        }
        if (depth >= 4) {
            return result;
        }
        if (valid instanceof ObjectNode object) {
            for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                JsonNode propertySchema = schema.path("properties").path(name);
                String path = where.isEmpty() ? name : where + "." + name;
                mutations(propertySchema, object.get(name), path, depth + 1).forEach((label, json) ->
                        result.put(label, replaced(object, name, json)));
            }
            if (depth == 0) {
                result.entrySet().stream().filter(m -> m.getValue().startsWith("{\"")).findFirst().ifPresent(m ->
                        result.put(m.getKey() + ", with an extra field", "{\"unexpectedField\":1," + m.getValue().substring(1)));
            }
        } else if (valid != null && valid.isArray() && valid.size() > 0) {
            mutations(schema.path("items"), valid.get(0), where + "[0]", depth + 1)
                    .forEach((label, json) -> result.put(label, "[" + json + "]"));
        }
        return result;
    }

    private static String replaced(ObjectNode object, String name, String json) {
        StringBuilder sb = new StringBuilder("{");
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            sb.append(sb.length() > 1 ? "," : "").append(Values.quote(field.getKey())).append(':')
                    .append(field.getKey().equals(name) ? json : field.getValue().toString());
        }
        return sb.append('}').toString();
    }
}
