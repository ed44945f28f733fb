package com.instainstru.platform.test;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A {@link MailDev} of the test's own for a Quarkus test: the application's mailer ({@code quarkus.mailer.host},
 * {@code quarkus.mailer.port}) sends to it; {@link #inbox()} is it, to read, stop and start again.
 */
public class MailDevResource implements QuarkusTestResourceLifecycleManager {

    private static MailDev inbox;

    @Override
    public Map<String, String> start() {
        inbox = MailDev.start();
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", Integer.toString(inbox.smtpPort()));
    }

    @Override
    public void stop() {
        if (inbox != null) {
            inbox.close();
            inbox = null;
        }
    }

    public static MailDev inbox() {
        return inbox;
    }
}
