package com.instainstru.platform.test.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** What the service answered: its status, media type and body. */
public record Answer(int status, String contentType, String body) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * What is wrong with the answer, or null when nothing is: never a 5xx; an error is an RFC 9457 problem
     * ({@code application/problem+json} with {@code type}, {@code title}, {@code status} and a {@code detail}).
     */
    public String fault() {
        if (status >= 500) {
            return "answered " + status + " " + snippet();
        }
        if (status < 400) {
            return null;
        }
        if (contentType == null || !contentType.startsWith("application/problem+json")) {
            return "answered " + status + " as " + contentType + ", not application/problem+json " + snippet();
        }
        try {
            JsonNode problem = JSON.readTree(body);
            for (String member : new String[] {"type", "title", "detail"}) {
                if (!problem.path(member).isTextual() || problem.path(member).asText().isBlank()) {
                    return "a problem without " + member + " " + snippet();
                }
            }
            return problem.path("status").asInt() == status ? null : "a problem whose status is not " + status;
        } catch (IOException e) {
            return "a problem that is not JSON " + snippet();
        }
    }

    /** The last segment of the problem's {@code type} ({@code validation}, {@code http-415}), or null. */
    public String kind() {
        try {
            String type = body == null ? "" : JSON.readTree(body).path("type").asText("");
            return type.isEmpty() ? null : type.substring(type.lastIndexOf('/') + 1);
        } catch (IOException e) {
            return null;
        }
    }

    private String snippet() {
        String text = body == null ? "" : body.replaceAll("\\s+", " ");
        return "«" + (text.length() > 200 ? text.substring(0, 200) + "…" : text) + "»";
    }
}
