package com.instainstru.search.search;

import com.instainstru.search.query.NycAreas;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the offerings must satisfy: the matched services (with their relevance; null means every
 * service) and each constraint the query gave. {@code areas}: null when no place was asked; an area
 * that is a borough means the whole borough; empty when the place asked is outside New York (nobody
 * matches). {@code place}: student_home or studio when the query said where the lesson happens.
 * {@code cheapFirst}: the query asked for low prices without a number. {@code without} drops one
 * constraint, for relaxation.
 */
public record Filters(Map<UUID, Double> services, BigDecimal minPrice, BigDecimal maxPrice, Integer durationMinutes,
        String level, String ageGroup, List<NycAreas.Area> areas, Boolean online, String place, AskedTime time,
        boolean cheapFirst) {

    /**
     * The constraints that can be relaxed, in the order they are given up when nothing matches: the asked
     * day and time last, so that it is never given up while someone is free then.
     */
    public enum Constraint {
        DURATION("duration"), LEVEL("level"), AGE_GROUP("ageGroup"), PRICE("price"), PLACE("place"), ONLINE("online"),
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
            case LOCATION -> areas != null;
            case PRICE -> minPrice != null || maxPrice != null;
            case PLACE -> place != null;
            case ONLINE -> online != null;
        };
    }

    public Filters without(Constraint c) {
        return new Filters(services, c == Constraint.PRICE ? null : minPrice, c == Constraint.PRICE ? null : maxPrice,
                c == Constraint.DURATION ? null : durationMinutes, c == Constraint.LEVEL ? null : level,
                c == Constraint.AGE_GROUP ? null : ageGroup, c == Constraint.LOCATION ? null : areas,
                c == Constraint.ONLINE ? null : online, c == Constraint.PLACE ? null : place,
                c == Constraint.TIME ? null : time, cheapFirst);
    }
}
