package com.instainstru.search.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.instainstru.platform.web.Amounts;
import com.instainstru.search.query.ParsedQuery;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a search: what was understood, which services it means, and the instructors. */
@Schema(name = "SearchResponse")
public record SearchResponse(
        @Schema(example = "piano lessons under $50 tomorrow evening") String query,
        @Schema(description = "Identifies this search in click reports") UUID searchId,
        @Schema(description = "The constraints read from the query (null: the query said nothing about it)", nullable = true) ParsedQuery parsed,
        Match match,
        List<Result> results,
        @Schema(description = "How many offerings match in all (results is one page)") long total,
        @Schema(description = "Constraints given up because nothing matched them all", example = "[\"time\"]") List<String> relaxed,
        @Schema(description = "Cursor of the next page, null on the last", nullable = true) String nextCursor,
        Timings timings) {

    @Schema(name = "SearchMatch", description = "The services the query means; category is there only when kind is category")
    public record Match(@Schema(example = "service", enumeration = {"service", "services", "category", "all", "none"}) String kind,
            // Left out unless kind is category: a property that names a schema (SearchCategory) is a bare $ref in
            // the document, which cannot say null.
            @JsonInclude(JsonInclude.Include.NON_NULL) Category category,
            List<MatchedService> services) {
    }

    @Schema(name = "SearchCategory")
    public record Category(@Schema(example = "music") String slug, @Schema(example = "Music") String name) {
    }

    @Schema(name = "MatchedService")
    public record MatchedService(UUID id, @Schema(example = "piano") String slug, @Schema(example = "Piano") String name,
            @Schema(example = "Music") String category, double score) {
    }

    @Schema(name = "SearchResult", description = "An active instructor offering a matched service, meeting every constraint")
    public record Result(UUID instructorId, String instructorName,
            @Schema(description = "The offering (instructor × service) to book: POST /api/v1/bookings takes it as instructorServiceId")
            UUID offeringId,
            UUID serviceId, String serviceName, String category,
            @Schema(example = "45.00") BigDecimal hourlyRate,
            @Schema(description = "Lesson lengths offered, in minutes", example = "[30, 60]") List<Integer> durations,
            @Schema(description = "Where the lessons take place, each online, studio or student_home (a booking's "
                    + "locationType is one of these)", example = "[\"studio\", \"online\"]")
            List<String> locationTypes,
            List<String> areas, boolean online,
            @Schema(description = "The first of nextStarts (null when there is none)", nullable = true,
                    example = "2026-11-27T17:00:00-05:00") OffsetDateTime nextAvailable,
            @Schema(description = "Up to 3 bookable start times, soonest first, in New York time: on the 15-minute "
                    + "grid, for a lesson of the asked length (else the offering's shortest), inside the asked "
                    + "day and time when one was asked (and not relaxed), otherwise the soonest from now; "
                    + "respecting the instructor's minimum notice as far as search knows it",
                    example = "[\"2026-11-27T17:00:00-05:00\", \"2026-11-27T17:15:00-05:00\", \"2026-11-27T17:30:00-05:00\"]")
            List<OffsetDateTime> nextStarts,
            double score) {

        /** The currency of hourlyRate; a getter, so that Jackson and OpenAPI list it. */
        @Schema(description = Amounts.CURRENCY_DESCRIPTION, example = Amounts.CURRENCY, enumeration = Amounts.CURRENCY)
        public String getCurrency() {
            return Amounts.CURRENCY;
        }

    }

    @Schema(name = "SearchTimings", description = "Server time per stage, in milliseconds")
    public record Timings(double parseMs, double embedMs, double retrieveMs, double filterMs, double totalMs,
            @Schema(description = "Whether the answer came from the repeated-query cache") boolean cached) {
    }
}
