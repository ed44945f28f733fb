package com.instainstru.search.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * The constraints read out of a natural-language query, and the text left for finding the
 * service. A null field means the query said nothing about it: nothing is invented.
 */
public record ParsedQuery(
        String serviceText,
        BigDecimal minPrice,
        BigDecimal maxPrice,
        DateRange date,
        String timeOfDay,
        LocalTime timeAfter,
        LocalTime timeBefore,
        Integer durationMinutes,
        String level,
        String ageGroup,
        Location location,
        Boolean online) {

    /** A date constraint: the words' meaning ({@code tomorrow}, {@code weekend}, {@code saturday}, {@code date}) and its dates. */
    public record DateRange(String keyword, LocalDate from, LocalDate to) {
    }

    /** Where: a borough or neighbourhood (lower case) with its borough, or near the student. */
    public record Location(String text, String borough, boolean nearMe) {
    }
}
