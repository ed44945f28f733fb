package com.instainstru.search.search;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/**
 * What the offerings must satisfy: the matched services (with their relevance; null means every
 * service) and each constraint the query gave. {@code without} drops one, for relaxation.
 */
public record Filters(Map<UUID, Double> services, BigDecimal minPrice, BigDecimal maxPrice, Integer durationMinutes,
        String level, String ageGroup, String area, String borough, Boolean online, AskedTime time) {

    /**
     * The constraints that can be relaxed, in the order they are given up when nothing matches: the asked
     * day and time last, so that it is never given up while someone is free then.
     */
    public enum Constraint {
        DURATION("duration"), LEVEL("level"), AGE_GROUP("ageGroup"), PRICE("price"), ONLINE("online"),
        LOCATION("location"), TIME("time");

        public final String label;

        Constraint(String label) {
            this.label = label;
        }
    }

    public boolean has(Constraint c) {
        return switch (c) {
            case TIME -> time != null;
            case DURATION -> durationMinutes != null;
            case LEVEL -> level != null;
            case AGE_GROUP -> ageGroup != null;
            case LOCATION -> area != null || borough != null;
            case PRICE -> minPrice != null || maxPrice != null;
            case ONLINE -> online != null;
        };
    }

    public Filters without(Constraint c) {
        return switch (c) {
            case TIME -> new Filters(services, minPrice, maxPrice, durationMinutes, level, ageGroup, area, borough, online, null);
            case DURATION -> new Filters(services, minPrice, maxPrice, null, level, ageGroup, area, borough, online, time);
            case LEVEL -> new Filters(services, minPrice, maxPrice, durationMinutes, null, ageGroup, area, borough, online, time);
            case AGE_GROUP -> new Filters(services, minPrice, maxPrice, durationMinutes, level, null, area, borough, online, time);
            case LOCATION -> new Filters(services, minPrice, maxPrice, durationMinutes, level, ageGroup, null, null, online, time);
            case PRICE -> new Filters(services, null, null, durationMinutes, level, ageGroup, area, borough, online, time);
            case ONLINE -> new Filters(services, minPrice, maxPrice, durationMinutes, level, ageGroup, area, borough, null, time);
        };
    }
}
