package com.instainstru.search.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.instainstru.platform.web.Amounts;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The constraints read out of a natural-language query, and the text left for finding the
 * service. A null field means the query said nothing about it: nothing is invented (in JSON it is
 * left out, as its document says: no field is required).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
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
        Boolean online,
        @Schema(description = "Where the lesson takes place when the query says: student_home (\"can come to us\") "
                + "or studio", enumeration = {"student_home", "studio"}) String locationType,
        @Schema(description = "\"low\" when the query asked for a low price without naming one (cheap, reasonably "
                + "priced): cheaper offerings rank first, no cap is invented") String budget) {

    /** The currency of minPrice and maxPrice (also when no price was named: the field is always there); a getter, so that Jackson and OpenAPI list it. */
    @Schema(description = Amounts.CURRENCY_DESCRIPTION, example = Amounts.CURRENCY, enumeration = Amounts.CURRENCY)
    public String getCurrency() {
        return Amounts.CURRENCY;
    }

    /**
     * A date constraint: the words' meaning ({@code tomorrow}, {@code weekend}, {@code saturday},
     * {@code weekdays}, {@code date}...) and its dates; {@code weekdays}, when not null, the only days of
     * the week meant between them ("weekdays except monday").
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DateRange(String keyword, LocalDate from, LocalDate to, List<String> weekdays) {

        public DateRange(String keyword, LocalDate from, LocalDate to) {
            this(keyword, from, to, null);
        }

        /** Whether a date of the range is meant. */
        public boolean includes(LocalDate day) {
            return !day.isBefore(from) && !day.isAfter(to)
                    && (weekdays == null || weekdays.contains(day.getDayOfWeek().name().toLowerCase(java.util.Locale.ROOT)));
        }
    }

    /**
     * Where: one or more New York areas (lower case, {@code areas}; {@code borough} when they share one), or
     * near the student, or a place outside the city ({@code outside}: nobody there is served).
     * {@code text} is what to show: the area, "a or b", a landmark or the place outside.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Location(String text, String borough, boolean nearMe, List<String> areas, boolean outside) {

        public static Location nearTheStudent() {
            return new Location("near_me", null, true, List.of(), false);
        }
    }
}
