package com.instainstru.notification.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.instainstru.notification.support.Inbox;
import com.instainstru.notification.support.Streams;
import com.instainstru.notification.support.Streams.Person;
import com.instainstru.platform.test.MailDevResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The account messages the gateway asks for on user-events: each sent once to the address the event names, with its
 * link (the gateway's token) and when it expires; the token is dropped from the row once sent; a link that has
 * already expired is not sent.
 */
@QuarkusTest
@QuarkusTestResource(MailDevResource.class)
class AccountMessagesTest {

    @Inject
    Streams streams;

    @Inject
    Pool pool;

    @Test
    void verificationResetAndExistingAccountMessagesCarryTheirLinksOnce() throws Exception {
        Person ada = streams.register("Ada Park", "student");
        String verifyToken = "verify-" + UUID.randomUUID();
        String resetToken = "reset-" + UUID.randomUUID();
        String existsToken = "exists-" + UUID.randomUUID();
        Instant expires = Instant.now().plus(Duration.ofHours(1));
        ObjectNode verification = account("user.email-verification-requested", ada, verifyToken, expires);
        streams.publish("user-events", verification);
        streams.publish("user-events", verification); // delivered twice: one message
        streams.publish("user-events", account("user.password-reset-requested", ada, resetToken, expires));
        streams.publish("user-events", account("user.registration-repeated", ada, existsToken, expires));

        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100)).until(() ->
                Inbox.count(ada.email(), "email-verification") >= 1 && Inbox.count(ada.email(), "password-reset") >= 1
                        && Inbox.count(ada.email(), "account-exists") >= 1);
        Thread.sleep(1500); // a second copy would come now
        assertThat(Inbox.count(ada.email(), "email-verification")).isEqualTo(1);

        JsonNode verify = Inbox.of(ada.email(), "email-verification").get(0);
        assertThat(verify.path("subject").asText()).isEqualTo("Confirm your email address for InstaInstru");
        assertThat(verify.path("text").asText()).contains("/verify-email?token=" + verifyToken).contains("works once");
        assertThat(verify.path("html").asText()).contains("/verify-email?token=" + verifyToken);

        JsonNode reset = Inbox.of(ada.email(), "password-reset").get(0);
        assertThat(reset.path("subject").asText()).isEqualTo("Reset your InstaInstru password");
        assertThat(reset.path("text").asText()).contains("/reset-password?token=" + resetToken);

        JsonNode exists = Inbox.of(ada.email(), "account-exists").get(0);
        assertThat(exists.path("subject").asText()).isEqualTo("You already have an InstaInstru account");
        assertThat(exists.path("text").asText()).contains("already have an account")
                .contains("/reset-password?token=" + existsToken);

        // Sent: the rows no longer hold the tokens.
        long holding = pool.preparedQuery("SELECT count(*) FROM notification WHERE recipient_id = $1 AND data ? 'token'")
                .execute(Tuple.of(ada.id())).map(rows -> rows.iterator().next().getLong(0)).await().atMost(Duration.ofSeconds(5));
        assertThat(holding).isZero();
    }

    @Test
    void aLinkThatHasExpiredIsNotSent() throws Exception {
        Person late = streams.register("Lee Late", "student");
        streams.publish("user-events", account("user.password-reset-requested", late, "late-" + UUID.randomUUID(),
                Instant.now().minusSeconds(1)));
        streams.publish("user-events", account("user.email-verification-requested", late, "fresh-" + UUID.randomUUID(),
                Instant.now().plus(Duration.ofHours(1))));
        await().atMost(Duration.ofSeconds(10)).until(() -> Inbox.count(late.email(), "email-verification") == 1);
        Thread.sleep(500);
        assertThat(Inbox.count(late.email(), "password-reset")).isZero();
    }

    private static ObjectNode account(String type, Person person, String token, Instant expires) {
        return Streams.envelope(type, Instant.now(), Map.of("userId", person.id().toString(), "email", person.email(),
                "name", person.name(), "token", token, "expiresAt", expires.toString()));
    }
}
