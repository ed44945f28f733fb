package com.instainstru.search.retrieval;

import java.util.List;

/**
 * Which catalog services a query's service text asks for: one service, several named services or a
 * subject spanning several rows, a whole category, everything (no service text), or nothing known.
 */
public record ServiceMatch(Kind kind, Category category, List<Scored> services) {

    public enum Kind {
        SERVICE, SERVICES, CATEGORY, ALL, NONE
    }

    public record Category(String slug, String name) {
    }

    public record Scored(CatalogEntry service, double score) {
    }

    static ServiceMatch none() {
        return new ServiceMatch(Kind.NONE, null, List.of());
    }

    static ServiceMatch all() {
        return new ServiceMatch(Kind.ALL, null, List.of());
    }
}
