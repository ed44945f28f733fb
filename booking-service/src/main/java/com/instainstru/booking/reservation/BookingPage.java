package com.instainstru.booking.reservation;

import com.instainstru.platform.web.Cursors;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a list of bookings, by start time. No total: counting an admin's every booking on
 * each page is not worth it; a client pages until nextCursor is null.
 */
@Schema(name = "BookingPage", description = "One page of bookings by start time; the next is asked with cursor=nextCursor")
public record BookingPage(List<Booking> items,
        @Schema(description = "Cursor of the next page, null on the last", nullable = true) String nextCursor) {

    private static final String KIND = "bookings";

    /** The page of the first {@code limit} of {@code found} (which holds one more when there is a next page). */
    static BookingPage of(List<Booking> found, int limit) {
        if (found.size() <= limit) {
            return new BookingPage(found, null);
        }
        Booking last = found.get(limit - 1);
        return new BookingPage(found.subList(0, limit), Cursors.encode(KIND,
                last.startTime().withOffsetSameInstant(ZoneOffset.UTC).toString(), last.id().toString()));
    }

    /** Where a page continues: after the booking starting at {@code start} with {@code id}. */
    record After(OffsetDateTime start, UUID id) {

        static After parse(String cursor) {
            List<String> parts = Cursors.decode(KIND, 2, cursor);
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
