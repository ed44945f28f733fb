package com.instainstru.platform.time;

import io.quarkus.arc.DefaultBean;
import io.quarkus.logging.Log;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;

/**
 * The service's clock: the system's, one bean so that every "now" comes from one place. End-to-end tests may
 * run it ahead of the system's ({@code clock.offset}, e.g. {@code CLOCK_OFFSET=PT190H}) to act on a lesson
 * "once it has started" or a reminder "once it is due"; never set in production.
 */
@ApplicationScoped
public class ClockProducer {

    /** Settings (prefix {@code clock}). */
    @ConfigMapping(prefix = "clock")
    public interface Settings {
        /** Added to the system's time wherever the service asks what time it is. */
        @WithDefault("PT0S")
        Duration offset();
    }

    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock clock(Settings settings) {
        Duration offset = settings.offset();
        if (offset.isZero()) {
            return Clock.systemUTC();
        }
        Log.warnf("This service's clock runs %s ahead of the system's (clock.offset): a test setting", offset);
        return Clock.offset(Clock.systemUTC(), offset);
    }
}
