package com.instainstru.booking.reservation;

import com.instainstru.platform.web.Amounts;
import java.math.BigDecimal;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One instructor's lessons by status over a range of start times (GET /bookings/instructors/stats). */
@Schema(name = "InstructorStats")
public record InstructorStats(
        UUID instructorId,
        @Schema(description = "Confirmed lessons (ahead, or started and not yet marked)") long confirmed,
        @Schema(description = "Confirmed lessons that have not started") long upcoming,
        long completed,
        long cancelled,
        long noShows,
        @Schema(description = "Total price of the completed lessons", example = "240.00") BigDecimal earnings) {

    /** The currency of earnings; a getter, so that Jackson and OpenAPI list it. */
    @Schema(description = Amounts.CURRENCY_DESCRIPTION, example = Amounts.CURRENCY, enumeration = Amounts.CURRENCY)
    public String getCurrency() {
        return Amounts.CURRENCY;
    }

}
