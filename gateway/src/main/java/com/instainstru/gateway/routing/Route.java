package com.instainstru.gateway.routing;

import java.util.List;

/**
 * One public endpoint of a service behind the gateway.
 *
 * @param id       a stable name (key of its timeout in gateway.route-timeouts)
 * @param method   the HTTP method
 * @param template the path, with {@code {name}} for one path segment
 * @param service  the service answering it (a key of gateway.services)
 * @param access   who may pass the gateway
 * @param summary  what it does, for the OpenAPI document
 */
public record Route(String id, String method, String template, String service, Access access, String summary) {

    public Route {
        segments(template); // fails early on a malformed template
    }

    List<String> segments() {
        return segments(template);
    }

    /** Literal segments count more than parameters, so /instructors/me wins over /instructors/{id}. */
    int specificity() {
        return (int) segments().stream().filter(s -> !isParameter(s)).count();
    }

    boolean matchesPath(List<String> path) {
        List<String> own = segments();
        if (own.size() != path.size()) {
            return false;
        }
        for (int i = 0; i < own.size(); i++) {
            String segment = own.get(i);
            if (!isParameter(segment) && !segment.equals(path.get(i)) || path.get(i).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    static boolean isParameter(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }

    static List<String> segments(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with /: " + path);
        }
        String trimmed = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return List.of(trimmed.substring(1).split("/", -1));
    }
}
