package com.instainstru.booking.infra;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Settings of booking-service (prefix {@code booking}; each can be set by environment, e.g. BOOKING_OUTBOX_STREAM). */
@ConfigMapping(prefix = "booking")
public interface BookingConfig {

    Outbox outbox();

    Rules rules();

    DemoData demoData();

    ClockSettings clock();

    interface ClockSettings {
        /**
         * Added to the system's time wherever booking-service asks what time it is (bookings, lessons, availability).
         * Only end-to-end tests set it (BOOKING_CLOCK_OFFSET, e.g. PT190H) to see a lesson booked for next week as
         * started; never set in production.
         */
        @WithDefault("PT0S")
        Duration offset();
    }

    interface DemoData {
        /** Whether the admin demo-data endpoint exists (local platform and benchmarks only). */
        @WithDefault("false")
        boolean enabled();
    }

    interface Outbox {
        /** The Redis stream booking events go to. */
        @WithDefault("booking-events")
        String stream();

        /** Approximate maximum length of the stream (XADD MAXLEN ~). */
        @WithDefault("500000")
        long maxLength();

        /** Events published per relay round trip. */
        @WithDefault("500")
        int batchSize();

        /** How long published outbox rows are kept before they are purged. */
        @WithDefault("P7D")
        Duration retention();

        /** How often the relay looks for events missed by the wake-up after each commit. */
        @WithDefault("1s")
        String interval();
    }

    Completion completion();

    interface Completion {
        /** How often lessons that have ended are marked completed. */
        @WithDefault("5m")
        String interval();
    }

    CatalogEvents catalogEvents();

    interface CatalogEvents {
        /** How often catalog-events is read. */
        @WithDefault("1s")
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
