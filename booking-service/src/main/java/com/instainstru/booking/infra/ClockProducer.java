package com.instainstru.booking.infra;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;

/**
 * The service's clock: the system's, one bean so a test can see time as it is everywhere. End-to-end tests may
 * run it ahead of the system's ({@code booking.clock.offset}) to act on a lesson "once it has started".
 */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @ApplicationScoped
    Clock clock(BookingConfig config) {
        Duration offset = config.clock().offset();
        if (offset.isZero()) {
            return Clock.systemUTC();
        }
        Log.warnf("booking-service's clock runs %s ahead of the system's (booking.clock.offset): a test setting", offset);
        return Clock.offset(Clock.systemUTC(), offset);
    }
}
