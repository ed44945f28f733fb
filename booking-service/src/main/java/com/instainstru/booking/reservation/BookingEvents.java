package com.instainstru.booking.reservation;

import com.instainstru.platform.web.Amounts;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The booking-events payloads (docs/ARCHITECTURE.md), as past-tense records. {@code blockedUntil}: the instructor's time
 * is taken until then (the lesson and their buffer after it). Each says the {@code currency} of its amounts beside
 * them (ISO 4217; an event written before it was sent has none: USD).
 */
final class BookingEvents {

    private BookingEvents() {
    }

    record BookingCreated(UUID bookingId, UUID studentId, UUID instructorId, UUID offeringId, UUID serviceId,
            String serviceName, OffsetDateTime startTime, OffsetDateTime endTime, int durationMinutes,
            BigDecimal hourlyRate, BigDecimal totalPrice, String locationType, String timeZone,
            OffsetDateTime blockedUntil) implements Amounts.Priced {
        static final String TYPE = "booking.created";

        static BookingCreated of(Booking b) {
            return new BookingCreated(b.id(), b.studentId(), b.instructorId(), b.instructorServiceId(), b.serviceId(),
                    b.serviceName(), b.startTime(), b.endTime(), b.durationMinutes(), b.hourlyRate(), b.totalPrice(),
                    b.locationType(), b.timeZone(), b.blockedUntil());
        }
    }

    record BookingCancelled(UUID bookingId, UUID studentId, UUID instructorId, UUID offeringId, UUID serviceId,
            OffsetDateTime startTime, OffsetDateTime endTime, int durationMinutes, BigDecimal hourlyRate,
            BigDecimal totalPrice, String locationType, String cancelledBy, boolean late, String reason)
            implements Amounts.Priced {
        static final String TYPE = "booking.cancelled";

        static BookingCancelled of(Booking b) {
            return new BookingCancelled(b.id(), b.studentId(), b.instructorId(), b.instructorServiceId(), b.serviceId(),
                    b.startTime(), b.endTime(), b.durationMinutes(), b.hourlyRate(), b.totalPrice(), b.locationType(),
                    b.cancelledBy(), b.lateCancellation(), b.cancelReason());
        }
    }

    record BookingRescheduled(UUID previousBookingId, UUID bookingId, UUID studentId, UUID instructorId,
            UUID offeringId, UUID serviceId, OffsetDateTime startTime, OffsetDateTime endTime, int durationMinutes,
            BigDecimal hourlyRate, BigDecimal totalPrice, String locationType, OffsetDateTime blockedUntil,
            OffsetDateTime previousStartTime, OffsetDateTime previousEndTime) implements Amounts.Priced {
        static final String TYPE = "booking.rescheduled";

        static BookingRescheduled of(Booking previous, Booking b) {
            return new BookingRescheduled(previous.id(), b.id(), b.studentId(), b.instructorId(),
                    b.instructorServiceId(), b.serviceId(), b.startTime(), b.endTime(), b.durationMinutes(),
                    b.hourlyRate(), b.totalPrice(), b.locationType(), b.blockedUntil(), previous.startTime(),
                    previous.endTime());
        }
    }

    /** {@code booking.completed} and {@code booking.no-show}. */
    record BookingConcluded(UUID bookingId, UUID studentId, UUID instructorId, UUID serviceId, OffsetDateTime startTime,
            BigDecimal totalPrice) implements Amounts.Priced {
        static final String COMPLETED = "booking.completed";
        static final String NO_SHOW = "booking.no-show";

        static BookingConcluded of(Booking b) {
            return new BookingConcluded(b.id(), b.studentId(), b.instructorId(), b.serviceId(), b.startTime(),
                    b.totalPrice());
        }
    }
}
