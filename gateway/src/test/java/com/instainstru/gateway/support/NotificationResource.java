package com.instainstru.gateway.support;

import com.instainstru.platform.test.LaunchedServices;
import com.instainstru.platform.test.MailDev;
import com.instainstru.platform.test.ServiceJvm;
import java.util.Map;

/**
 * notification-service (the jar the same build packaged, on free ports, its test database, the gateway's Redis
 * database 5) sending to a MailDev of the test's own: the account emails the gateway asks for on user-events arrive
 * in {@link #inbox()}.
 */
public class NotificationResource extends LaunchedServices {

    private static final int REDIS_DATABASE = 5;
    private static volatile MailDev inbox;

    @Override
    public Map<String, String> start() {
        inbox = MailDev.start();
        ServiceJvm notification = ServiceJvm.onFreePorts("notification-service");
        notification.env(Map.of("QUARKUS_REDIS_HOSTS", redisUrl(REDIS_DATABASE), "PG_DATABASE", "notification_test",
                "SMTP_HOST", "127.0.0.1", "SMTP_PORT", Integer.toString(inbox.smtpPort())));
        launch(notification);
        return Map.of("gateway.services.notification.urls", notification.baseUrl());
    }

    @Override
    public void stop() {
        super.stop();
        if (inbox != null) {
            inbox.close();
            inbox = null;
        }
    }

    public static MailDev inbox() {
        return inbox;
    }
}
