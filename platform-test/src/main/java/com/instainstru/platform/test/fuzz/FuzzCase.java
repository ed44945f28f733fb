package com.instainstru.platform.test.fuzz;

import java.nio.charset.StandardCharsets;

/**
 * One malformed request: what is wrong with it, the request itself, whether the service must refuse it
 * ({@code definite}: a 2xx answer is a finding) or may take it (an odd but acceptable text, say), the status
 * it must answer (0: any refusal) and the kind of problem it must be (the last segment of its {@code type}; null:
 * any). A status and kind are given where every service must answer the same failure the same way.
 */
public record FuzzCase(String label, String method, String uri, String contentType, byte[] body, String role,
        boolean definite, int expect, String kind) {

    static FuzzCase json(String label, Operation op, String uri, String json, boolean definite) {
        return new FuzzCase(label, op.method(), uri, "application/json", json.getBytes(StandardCharsets.UTF_8),
                role(op), definite, 0, null);
    }

    static FuzzCase noBody(String label, Operation op, String uri, boolean definite) {
        return new FuzzCase(label, op.method(), uri, null, null, role(op), definite, 0, null);
    }

    /** The same request, to be refused with this status and kind of problem in every service. */
    FuzzCase expecting(int status, String problemKind) {
        return new FuzzCase(label, method, uri, contentType, body, role, true, status, problemKind);
    }

    /** The role the operation asks for; null when any signed-in caller (or none) may call it. */
    static String role(Operation op) {
        return op.roles().isEmpty() ? null : op.roles().get(0);
    }

    @Override
    public String toString() {
        return method + " " + (uri.length() > 120 ? uri.substring(0, 120) + "…" : uri) + " [" + label + "]";
    }
}
