package com.instainstru.gateway.web.client;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What the pages read of search-service's answer. */
public final class SearchViews {

    private SearchViews() {
    }

    public record DateRange(String keyword, LocalDate from, LocalDate to) {
    }

    public record Location(String text, String borough, boolean nearMe) {
    }

    /** The constraints search-service understood in the query (null: not said). */
    public record Parsed(String serviceText, BigDecimal minPrice, BigDecimal maxPrice, DateRange date, String timeOfDay,
            LocalTime timeAfter, LocalTime timeBefore, Integer durationMinutes, String level, String ageGroup,
            Location location, Boolean online) {

        public static final Parsed NOTHING = new Parsed("", null, null, null, null, null, null, null, null, null, null, null);
    }

    public record MatchedService(UUID id, String slug, String name) {
    }

    public record MatchedCategory(String slug, String name) {
    }

    public record Match(String kind, MatchedCategory category, List<MatchedService> services) {
    }

    public record Result(UUID instructorId, String instructorName, UUID serviceId, String serviceName, String category,
            BigDecimal hourlyRate, List<Integer> durations, List<String> areas, boolean online,
            OffsetDateTime nextAvailable, UUID offeringId, List<String> locationTypes, List<OffsetDateTime> nextStarts,
            String currency) {

        public Result {
            durations = durations == null ? List.of() : durations;
            areas = areas == null ? List.of() : areas;
            locationTypes = locationTypes == null ? List.of() : locationTypes;
            nextStarts = nextStarts == null ? List.of() : nextStarts.stream().limit(3).toList();
        }
    }

    /** GET /api/v1/search. */
    public record Answer(String query, UUID searchId, Parsed parsed, Match match, List<Result> results, long total,
            List<String> relaxed, String nextCursor) {

        public Answer {
            parsed = parsed == null ? Parsed.NOTHING : parsed;
            results = results == null ? List.of() : results;
            relaxed = relaxed == null ? List.of() : relaxed;
        }
    }
}
