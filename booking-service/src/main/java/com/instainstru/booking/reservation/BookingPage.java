package com.instainstru.booking.reservation;

import com.instainstru.platform.problem.ApiException;
import com.instainstru.platform.web.Cursors;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a list of bookings, by start time (soonest or latest first). No total: counting an admin's every
 * booking on each page is not worth it; a client pages until nextCursor is null.
 */
@Schema(name = "BookingPage", description = "One page of bookings by start time; the next is asked with cursor=nextCursor")
public record BookingPage(List<Booking> items,
        @Schema(description = "Cursor of the next page, null on the last", nullable = true) String nextCursor) {

    /**
     * Which bookings a list holds and in which order: {@code status} one status or several, comma-separated (none:
     * every status); {@code order} {@code start} (soonest first, the default) or {@code -start} (latest first). A
     * cursor continues the order it was given in (another order's is refused).
     */
    record Filter(List<String> statuses, boolean latestFirst) {

        static final String STATUS = "confirmed, completed, cancelled or no_show; several comma-separated, such as "
                + "completed,no_show (none: every status)";
        static final String ORDER = "start: soonest first (the default); -start: latest first";
        /** A range of start times (instants: `from`/`to` are dates wherever they appear in this API). */
        static final String STARTS_FROM = "Lessons starting at or after this time (ISO-8601 with an offset); "
                + "none: no lower bound";
        static final String STARTS_BEFORE = "Lessons starting before this time (ISO-8601 with an offset); "
                + "none: no upper bound";
        private static final List<String> KNOWN = List.of("confirmed", "completed", "cancelled", "no_show");

        static Filter of(String status, String order) {
            List<String> statuses = null;
            if (status != null && !status.isBlank()) {
                statuses = Arrays.stream(status.split(",", -1)).map(String::strip).distinct().toList();
                if (!KNOWN.containsAll(statuses)) {
                    throw ApiException.invalid("status", "must be one or more of " + KNOWN + ", comma-separated");
                }
            }
            boolean latestFirst = switch (order == null || order.isBlank() ? "start" : order.strip()) {
                case "start" -> false;
                case "-start" -> true;
                default -> throw ApiException.invalid("order", "must be start or -start");
            };
            return new Filter(statuses, latestFirst);
        }

        String kind() {
            return latestFirst ? "bookings-latest-first" : "bookings";
        }
    }

    /** The page of the first {@code limit} of {@code found} (which holds one more when there is a next page). */
    static BookingPage of(List<Booking> found, int limit, Filter filter) {
        if (found.size() <= limit) {
            return new BookingPage(found, null);
        }
        Booking last = found.get(limit - 1);
        return new BookingPage(found.subList(0, limit), Cursors.encode(filter.kind(),
                last.startTime().withOffsetSameInstant(ZoneOffset.UTC).toString(), last.id().toString()));
    }

    /** Where a page continues: after (in its order) the booking starting at {@code start} with {@code id}. */
    record After(OffsetDateTime start, UUID id) {

        static After parse(String cursor, Filter filter) {
            List<String> parts = Cursors.decode(filter.kind(), 2, cursor);
            if (parts == null) {
                return null;
            }
            try {
                return new After(OffsetDateTime.parse(parts.get(0)), UUID.fromString(parts.get(1)));
            } catch (DateTimeParseException | IllegalArgumentException e) {
                throw Cursors.invalid();
            }
        }
    }
}
