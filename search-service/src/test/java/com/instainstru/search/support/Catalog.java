package com.instainstru.search.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.mutiny.redis.client.Redis;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Test data as catalog-service would publish it: the seeded catalog (a copy of catalog.json, the
 * same name-based ids as catalog-service's seeder) and instructors with offerings.
 */
public final class Catalog {

    private Catalog() {
    }

    public static UUID serviceId(String slug) {
        return UUID.nameUUIDFromBytes(("catalog-service:" + slug).getBytes(StandardCharsets.UTF_8));
    }

    /** Publishes every catalog service (fixed event ids, so publishing again is applied once). */
    public static int publishCatalog(Redis redis) {
        JsonNode catalog;
        try (InputStream in = Catalog.class.getClassLoader().getResourceAsStream("catalog.json")) {
            catalog = new ObjectMapper().readTree(in);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> categories = new LinkedHashMap<>();
        catalog.get("categories").forEach(c -> categories.put(c.get("slug").asText(), c.get("name").asText()));
        int n = 0;
        for (JsonNode s : catalog.get("services")) {
            String slug = s.get("slug").asText();
            List<String> terms = new ArrayList<>();
            s.get("search_terms").forEach(t -> terms.add(t.asText()));
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("serviceId", serviceId(slug));
            p.put("slug", slug);
            p.put("name", s.get("name").asText());
            p.put("categorySlug", s.get("category").asText());
            p.put("categoryName", categories.get(s.get("category").asText()));
            p.put("searchTerms", terms);
            p.put("relatedSlugs", List.of());
            p.put("onlineCapable", s.get("online_capable").asBoolean());
            p.put("active", true);
            Streams.publish(redis, "catalog-events", UUID.nameUUIDFromBytes(("test-seed:" + slug).getBytes()),
                    "catalog-service.upserted", Instant.parse("2026-01-01T00:00:00Z"), p);
            n++;
        }
        return n;
    }

    public static UUID instructor(Redis redis, String name, List<String> areas, boolean online) {
        return instructor(redis, UUID.randomUUID(), name, areas, online);
    }

    public static UUID instructor(Redis redis, UUID id, String name, List<String> areas, boolean online) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("instructorId", id);
        p.put("name", name);
        p.put("bio", "test");
        p.put("yearsExperience", 5);
        p.put("timeZone", "America/New_York");
        p.put("areas", areas);
        p.put("teachesOnline", online);
        p.put("status", "active");
        Streams.publish(redis, "catalog-events", "instructor.upserted", p);
        return id;
    }

    public static Map<String, Object> offering(UUID offeringId, UUID instructorId, String serviceSlug, String rate,
            List<Integer> durations, List<String> levels, List<String> ageGroups, List<String> locationTypes) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("offeringId", offeringId);
        p.put("instructorId", instructorId);
        p.put("serviceId", serviceId(serviceSlug));
        p.put("hourlyRate", new BigDecimal(rate));
        p.put("durationOptions", durations);
        p.put("levels", levels);
        p.put("ageGroups", ageGroups);
        p.put("locationTypes", locationTypes);
        p.put("active", true);
        return p;
    }

    /** An instructor offering one service in person and online, to every level and age. */
    public static UUID offer(Redis redis, UUID instructorId, String serviceSlug, String rate) {
        UUID id = UUID.randomUUID();
        Streams.publish(redis, "catalog-events", "offering.upserted", offering(id, instructorId, serviceSlug, rate,
                List.of(30, 60), List.of("beginner", "intermediate", "advanced"), List.of("kids", "teens", "adults"),
                List.of("online", "studio")));
        return id;
    }
}
