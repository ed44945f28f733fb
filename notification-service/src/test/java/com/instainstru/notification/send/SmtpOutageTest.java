package com.instainstru.notification.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.instainstru.notification.mail.Messages;
import com.instainstru.notification.support.Inbox;
import com.instainstru.notification.support.Streams;
import com.instainstru.notification.support.Streams.Lesson;
import com.instainstru.notification.support.Streams.Person;
import com.instainstru.platform.test.MailDev;
import com.instainstru.platform.test.MailDevResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The SMTP server down during a burst of bookings: every message is tried, refused and kept; once the server is back
 * every one of them arrives, and none twice.
 */
@QuarkusTest
@QuarkusTestResource(MailDevResource.class)
class SmtpOutageTest {

    private static final int BOOKINGS = 12;

    @Inject
    Streams streams;

    @Inject
    Pool pool;

    @Test
    void messagesOfABurstDuringAnOutageAllArriveOnceWhenTheServerIsBack() throws Exception {
        MailDev inbox = MailDevResource.inbox();
        Person instructor = streams.register("Ada Park", "instructor");
        List<Person> students = new ArrayList<>();
        UUID[] bookings = new UUID[BOOKINGS];
        inbox.stopSmtp();
        try {
            for (int i = 0; i < BOOKINGS; i++) {
                Person student = streams.register("Student " + i, "student");
                students.add(student);
                Lesson lesson = Lesson.of(student, instructor, Instant.now().plus(Duration.ofDays(3)).plus(Duration.ofHours(i)), 60);
                bookings[i] = lesson.bookingId();
                streams.publish("booking-events", lesson.created());
            }
            // Every confirmation tried at least once, refused, and still pending.
            await().atMost(Duration.ofSeconds(20)).until(() -> confirmations(bookings, "attempts > 0 AND status = 'pending'") == 2L * BOOKINGS);
            assertThat(confirmations(bookings, "status = 'sent'")).isZero();
        } finally {
            inbox.startSmtp();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> confirmations(bookings, "status = 'sent'") == 2L * BOOKINGS);
        await().atMost(Duration.ofSeconds(10)).until(() -> Inbox.count(instructor.email(), "booking-confirmed") == BOOKINGS);
        Thread.sleep(2000); // a second copy would come now
        List<JsonNode> toInstructor = Inbox.of(instructor.email(), "booking-confirmed");
        assertThat(toInstructor).hasSize(BOOKINGS);
        Set<String> aboutBookings = new HashSet<>();
        toInstructor.forEach(m -> aboutBookings.add(MailDev.header(m, Messages.BOOKING_HEADER)));
        assertThat(aboutBookings).hasSize(BOOKINGS);
        for (Person student : students) {
            assertThat(Inbox.count(student.email(), "booking-confirmed")).as(student.name()).isEqualTo(1);
        }
    }

    private long confirmations(UUID[] bookings, String condition) {
        return pool.preparedQuery("SELECT count(*) FROM notification WHERE kind = 'booking-confirmed' AND subject_id = ANY($1) AND "
                        + condition).execute(Tuple.of(bookings)).map(rows -> rows.iterator().next().getLong(0))
                .await().atMost(Duration.ofSeconds(5));
    }
}
