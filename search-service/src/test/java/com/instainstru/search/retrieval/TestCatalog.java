package com.instainstru.search.retrieval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.instainstru.search.embedding.Embedder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The seeded catalog (a copy of catalog-service's src/main/resources/seed/catalog.json) as a matcher over the
 * real model, built once (embedding every service) and shared by the tests.
 */
final class TestCatalog {

    private static ServiceMatcher matcher;

    private TestCatalog() {
    }

    static synchronized ServiceMatcher matcher(Embedder embedder) {
        if (matcher == null) {
            matcher = build(embedder);
        }
        return matcher;
    }

    private static ServiceMatcher build(Embedder embedder) {
        JsonNode catalog;
        try (InputStream in = TestCatalog.class.getClassLoader().getResourceAsStream("catalog.json")) {
            catalog = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> categoryNames = new LinkedHashMap<>();
        catalog.get("categories").forEach(c -> categoryNames.put(c.get("slug").asText(), c.get("name").asText()));
        List<CatalogEntry> entries = new ArrayList<>();
        for (JsonNode s : catalog.get("services")) {
            List<String> terms = new ArrayList<>();
            s.get("search_terms").forEach(t -> terms.add(t.asText()));
            String category = s.get("category").asText();
            entries.add(new CatalogEntry(UUID.nameUUIDFromBytes(s.get("slug").asText().getBytes()),
                    s.get("slug").asText(), s.get("name").asText(), category, categoryNames.get(category), terms));
        }
        return ServiceMatcher.inMemory(entries, embedder).withCategories(categoryNames);
    }
}
