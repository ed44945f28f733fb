package com.instainstru.booking.reservation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.instainstru.platform.web.Amounts;
import io.vertx.mutiny.sqlclient.Row;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A booking as stored and as answered; times are shown in the instructor's time zone. {@code blockedUntil}
 * (the end of the instructor's buffer after it) goes out in events, not in answers.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Booking")
public record Booking(UUID id, UUID studentId, UUID instructorId, UUID instructorServiceId, UUID serviceId,
        String serviceName, String instructorName, OffsetDateTime startTime, OffsetDateTime endTime,
        int durationMinutes, BigDecimal hourlyRate, BigDecimal totalPrice, String locationType, String meetingLocation,
        String note, String timeZone, String status, OffsetDateTime cancelledAt, String cancelledBy,
        String cancelReason, boolean lateCancellation, UUID rescheduledFrom, OffsetDateTime createdAt,
        @JsonIgnore @Schema(hidden = true) OffsetDateTime blockedUntil) {

    /** The currency of hourlyRate and totalPrice; a getter, so that Jackson and OpenAPI list it. */
    @Schema(description = Amounts.CURRENCY_DESCRIPTION, example = Amounts.CURRENCY, enumeration = Amounts.CURRENCY)
    public String getCurrency() {
        return Amounts.CURRENCY;
    }

    static final String CONFIRMED = "confirmed";

    static Booking of(Row r) {
        ZoneId zone = ZoneId.of(r.getString("time_zone"));
        return new Booking(r.getUUID("id"), r.getUUID("student_id"), r.getUUID("instructor_id"), r.getUUID("offering_id"),
                r.getUUID("service_id"), r.getString("service_name"), r.getString("instructor_name"),
                local(r.getOffsetDateTime("start_at"), zone), local(r.getOffsetDateTime("end_at"), zone),
                r.getInteger("duration_minutes"), r.getBigDecimal("hourly_rate"), r.getBigDecimal("total_price"),
                r.getString("location_type"), r.getString("meeting_location"), r.getString("note"), zone.getId(),
                r.getString("status"), local(r.getOffsetDateTime("cancelled_at"), zone), r.getString("cancelled_by"),
                r.getString("cancel_reason"), r.getBoolean("late_cancellation"), r.getUUID("rescheduled_from"),
                local(r.getOffsetDateTime("created_at"), zone), local(r.getOffsetDateTime("blocked_until"), zone));
    }

    private static OffsetDateTime local(OffsetDateTime t, ZoneId zone) {
        return t == null ? null : t.atZoneSameInstant(zone).toOffsetDateTime();
    }

    boolean involves(UUID user) {
        return studentId.equals(user) || instructorId.equals(user);
    }
}
