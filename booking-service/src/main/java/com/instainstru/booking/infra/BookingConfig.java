package com.instainstru.booking.infra;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of booking-service (prefix {@code booking}; each can be set by environment, e.g. BOOKING_RULES_LATE_CANCELLATION). */
@ConfigMapping(prefix = "booking")
public interface BookingConfig {

    Rules rules();

    Completion completion();

    interface Completion {
        /** How often lessons that have ended are marked completed. */
        @WithDefault("5m")
        String interval();
    }

    interface Rules {
        /** A cancellation closer to the start than this is recorded as late. */
        @WithDefault("PT12H")
        Duration lateCancellation();

        /** How long a stored Idempotency-Key answer is kept. */
        @WithDefault("P1D")
        Duration idempotencyRetention();

        /** Longest date range one availability query may ask for. */
        @WithDefault("120")
        int maxQueryDays();

        /** Most instructors one free-time search (POST /availability/search) may ask for; more is a 400. */
        @WithDefault("100")
        int maxFreeTimeInstructors();

        /** Most days (from..to inclusive) one free-time search may cover; more is a 400. */
        @WithDefault("31")
        int maxFreeTimeDays();

        /** Most future lessons one student may hold with one instructor on one day (the instructor's date). */
        @WithDefault("2")
        int maxFutureLessonsPerDayWithInstructor();

        /** Most future lessons one student may hold with one instructor in all. */
        @WithDefault("10")
        int maxFutureLessonsWithInstructor();
    }
}
