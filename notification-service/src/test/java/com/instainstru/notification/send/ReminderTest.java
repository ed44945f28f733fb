package com.instainstru.notification.send;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.instainstru.platform.test.MailDev;
import com.instainstru.platform.test.Tokens;
import com.instainstru.platform.test.contract.OpenApiContract;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.instainstru.notification.support.Inbox;
import com.instainstru.notification.support.Streams;
import com.instainstru.notification.support.Streams.Lesson;
import com.instainstru.notification.support.Streams.Person;
import com.instainstru.platform.test.MailDevResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Reminders on a clock moved two days ahead by configuration ({@code clock.offset}): a lesson 24 hours away (on that
 * clock) gets one 24-hour reminder to each party when it falls due, and only one although several senders race for
 * it the whole time (each over its own database connection, as separate pods would); its 1-hour reminder waits.
 */
@QuarkusTest
@QuarkusTestResource(MailDevResource.class)
@TestProfile(ReminderTest.MovedClock.class)
@ExtendWith(OpenApiContract.class)
class ReminderTest {

    public static class MovedClock implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("clock.offset", "PT48H");
        }
    }

    @Inject
    Streams streams;

    @Inject
    Sender sender;

    @Inject
    Clock clock;

    @Inject
    Pool pool;

    @Test
    void aLessonDueIn24HoursGetsOneReminderToEachPartyWhateverTheSendersRacing() throws Exception {
        assertThat(Duration.between(Instant.now(), clock.instant())).isGreaterThan(Duration.ofHours(47));
        Person student = streams.register("Sam Lee", "student");
        Person instructor = streams.register("Ada Park", "instructor");
        Lesson lesson = Lesson.of(student, instructor, clock.instant().plus(Duration.ofHours(24)).plusSeconds(8), 60);

        AtomicBoolean racing = new AtomicBoolean(true);
        AtomicInteger rounds = new AtomicInteger();
        List<Thread> racers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Thread racer = new Thread(() -> {
                while (racing.get()) {
                    sender.sendDue().onFailure().recoverWithItem(0).await().atMost(Duration.ofSeconds(30));
                    rounds.incrementAndGet();
                }
            }, "racing-sender-" + i);
            racer.start();
            racers.add(racer);
        }
        try {
            streams.publish("booking-events", lesson.created());
            await().atMost(Duration.ofSeconds(25)).pollInterval(Duration.ofMillis(100)).until(() ->
                    Inbox.count(student.email(), "reminder-24h") >= 1 && Inbox.count(instructor.email(), "reminder-24h") >= 1);
            Thread.sleep(2000); // a second copy would come now
        } finally {
            racing.set(false);
            for (Thread racer : racers) {
                racer.join(30_000);
            }
        }
        assertThat(rounds.get()).as("the senders raced").isGreaterThan(10);
        assertThat(Inbox.count(student.email(), "reminder-24h")).isEqualTo(1);
        assertThat(Inbox.count(instructor.email(), "reminder-24h")).isEqualTo(1);
        assertThat(Inbox.of(student.email(), "reminder-24h").get(0).path("subject").asText())
                .startsWith("Reminder: Piano lesson with Ada Park in 24 hours");
        assertThat(Inbox.of(student.email(), "reminder-24h").get(0).path("html").asText()).contains("Unsubscribe from reminders");
        assertThat(Inbox.count(student.email(), "reminder-1h")).isZero();
        assertThat(count(lesson, "reminder-1h", "pending")).isEqualTo(2);
        assertThat(count(lesson, "reminder-24h", "sent")).isEqualTo(2);
        // The booking event is two days old on this clock: past notification.max-event-age, so no confirmation.
        assertThat(Inbox.count(student.email(), "booking-confirmed")).isZero();
    }

    /**
     * A student who turned reminders off gets none (withdrawn); the instructor's reminder carries an unsubscribe link
     * (List-Unsubscribe too) whose token turns the instructor's reminders off without a sign-in, and an unknown token
     * changes nothing.
     */
    @Test
    void remindersOffAreWithdrawnAndTheUnsubscribeLinkTurnsThemOff() {
        Person student = streams.register("Kim Ro", "student");
        Person instructor = streams.register("Lou Ma", "instructor");
        given().auth().oauth2(Tokens.student(student.id())).contentType("application/json").body("{\"reminders\": false}")
                .put("/api/v1/notifications/preferences").then().statusCode(200);
        Lesson lesson = Lesson.of(student, instructor, clock.instant().plus(Duration.ofHours(24)).plusSeconds(3), 45);
        streams.publish("booking-events", lesson.created());

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() ->
                Inbox.count(instructor.email(), "reminder-24h") == 1 && count(lesson, "reminder-24h", "withdrawn") == 1);
        assertThat(Inbox.count(student.email(), "reminder-24h")).isZero();

        JsonNode reminder = Inbox.of(instructor.email(), "reminder-24h").get(0);
        Matcher link = Pattern.compile("/unsubscribe\\?token=([A-Za-z0-9_-]{43})").matcher(reminder.path("text").asText());
        assertThat(link.find()).as("an unsubscribe link in " + reminder.path("text").asText()).isTrue();
        assertThat(MailDev.header(reminder, "List-Unsubscribe")).contains("/unsubscribe?token=" + link.group(1));
        String token = link.group(1);
        assertThat(reminder.path("html").asText()).contains("/unsubscribe?token=" + token);

        given().contentType("application/json").body("{\"token\": \"" + token.substring(1) + "x\"}")
                .post("/api/v1/notifications/unsubscribe").then().statusCode(404);
        given().auth().oauth2(Tokens.instructor(instructor.id())).get("/api/v1/notifications/preferences").then()
                .statusCode(200).body("reminders", equalTo(true));
        given().contentType("application/json").body("{\"token\": \"" + token + "\"}")
                .post("/api/v1/notifications/unsubscribe").then().statusCode(200).body("reminders", equalTo(false));
        given().auth().oauth2(Tokens.instructor(instructor.id())).get("/api/v1/notifications/preferences").then()
                .statusCode(200).body("reminders", equalTo(false));
        // The student's reminders are untouched by the instructor's link.
        given().auth().oauth2(Tokens.student(student.id())).get("/api/v1/notifications/preferences").then()
                .statusCode(200).body("reminders", equalTo(false));
    }

    private long count(Lesson lesson, String kind, String status) {
        return pool.preparedQuery("SELECT count(*) FROM notification WHERE subject_id = $1 AND kind = $2 AND status = $3")
                .execute(Tuple.of(lesson.bookingId(), kind, status)).map(rows -> rows.iterator().next().getLong(0))
                .await().atMost(Duration.ofSeconds(5));
    }
}
