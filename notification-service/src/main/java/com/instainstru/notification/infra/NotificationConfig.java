package com.instainstru.notification.infra;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;

/** Settings of notification-service (prefix {@code notification}; each can be set by environment, e.g. NOTIFICATION_REMINDERS). */
@ConfigMapping(prefix = "notification")
public interface NotificationConfig {

    /** Where the web app is, for the links in messages ({@code PUBLIC_BASE_URL}). */
    String baseUrl();

    /** How long before a lesson its reminders go out, e.g. {@code PT24H,PT1H}. */
    @WithDefault("PT24H,PT1H")
    List<Duration> reminders();

    /**
     * A booking event older than this sends no confirmation, cancellation or reschedule message (a new database
     * reading the streams' history must not write about last week's bookings).
     */
    @WithDefault("PT24H")
    Duration maxEventAge();

    /** The time zone of a student's messages and of account emails, for users who have not chosen one. */
    @WithDefault("America/New_York")
    String defaultTimeZone();

    /** How long a message waits for its recipient's address (user-events) before it is given up as undeliverable. */
    @WithDefault("PT10M")
    Duration recipientWait();

    Sender sender();

    interface Sender {
        /** How often due messages are looked for. */
        @WithDefault("1s")
        String interval();

        /** Messages one pod sends at once (each in its own transaction, holding its row's lock). */
        @WithDefault("4")
        int concurrency();

        /** Most messages one round sends. */
        @WithDefault("100")
        int batchSize();

        /** The first retry after a failed send; each further failure doubles it, up to {@link #maxBackoff}. */
        @WithDefault("PT1S")
        Duration minBackoff();

        @WithDefault("PT5M")
        Duration maxBackoff();

        /** How long the SMTP server gets to accept one message. */
        @WithDefault("PT20S")
        Duration sendTimeout();
    }
}
