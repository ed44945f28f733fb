package com.instainstru.gateway.web.client;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What the pages read of booking-service's answers. */
public final class BookingViews {

    private BookingViews() {
    }

    public record BookableDay(LocalDate date, List<OffsetDateTime> startTimes) {

        public BookableDay {
            startTimes = startTimes == null ? List.of() : startTimes;
        }
    }

    /** GET /api/v1/availability/{instructorId}. */
    public record BookableTimes(UUID instructorId, String timeZone, int durationMinutes, List<BookableDay> days) {

        public BookableTimes {
            days = days == null ? List.of() : days;
        }

        public List<OffsetDateTime> on(LocalDate date) {
            return days.stream().filter(d -> d.date().equals(date)).findFirst().map(BookableDay::startTimes)
                    .orElse(List.of());
        }
    }

    /** A page of bookings as booking-service answers it (a page shows the first; the rest follow nextCursor). */
    public record BookingPage(List<Booking> items, String nextCursor) {

        public BookingPage {
            items = items == null ? List.of() : items;
        }
    }

    /** A booking as booking-service answers it (times in the instructor's zone; hourlyRate and totalPrice in currency). */
    public record Booking(UUID id, UUID studentId, UUID instructorId, UUID instructorServiceId, UUID serviceId,
            String serviceName, String instructorName, OffsetDateTime startTime, OffsetDateTime endTime,
            int durationMinutes, BigDecimal hourlyRate, BigDecimal totalPrice, String locationType,
            String meetingLocation, String note, String timeZone, String status, OffsetDateTime cancelledAt,
            String cancelledBy, String cancelReason, boolean lateCancellation, UUID rescheduledFrom,
            OffsetDateTime createdAt, String currency) {

        /** A short reference to quote: the first eight characters of the id, upper case. */
        public String reference() {
            return id.toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
        }

        public boolean confirmed() {
            return "confirmed".equals(status);
        }

        public boolean cancelled() {
            return "cancelled".equals(status);
        }
    }
}
