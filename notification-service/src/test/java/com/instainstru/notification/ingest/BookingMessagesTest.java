package com.instainstru.notification.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.instainstru.notification.support.Inbox;
import com.instainstru.notification.support.Streams;
import com.instainstru.notification.support.Streams.Lesson;
import com.instainstru.notification.support.Streams.Person;
import com.instainstru.platform.test.MailDevResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A booking's messages, from booking-events to the tests' own MailDev: one confirmation to each party within 5 s,
 * with HTML and text bodies and the lesson as an .ics request; a cancellation and a reschedule the same way (the
 * same calendar UID, a higher SEQUENCE), the lesson's reminders withdrawn or moved; an event delivered again, or a
 * second event about the same booking, sends nothing new.
 */
@QuarkusTest
@QuarkusTestResource(MailDevResource.class)
class BookingMessagesTest {

    private static final Duration FIVE_SECONDS = Duration.ofSeconds(5);

    @Inject
    Streams streams;

    @Inject
    Pool pool;

    @Test
    void aBookingSendsOneConfirmationToEachPartyWithinFiveSeconds() {
        Person student = streams.register("Sam Lee", "student");
        Person instructor = streams.register("Ada Park", "instructor");
        Lesson lesson = Lesson.of(student, instructor, Instant.now().plus(Duration.ofDays(3)), 60);
        ObjectNode created = lesson.created();

        streams.publish("booking-events", created);

        await().atMost(FIVE_SECONDS).pollInterval(Duration.ofMillis(100)).until(() ->
                Inbox.count(student.email(), "booking-confirmed") == 1 && Inbox.count(instructor.email(), "booking-confirmed") == 1);
        JsonNode toStudent = Inbox.of(student.email(), "booking-confirmed").get(0);
        assertThat(toStudent.path("subject").asText()).startsWith("Booked: Piano lesson with Ada Park");
        assertThat(toStudent.path("html").asText()).contains("<strong>Ada Park</strong>").contains("Hello Sam Lee");
        assertThat(toStudent.path("text").asText()).contains("Your Piano lesson with Ada Park is booked for");
        JsonNode toInstructor = Inbox.of(instructor.email(), "booking-confirmed").get(0);
        assertThat(toInstructor.path("subject").asText()).startsWith("New booking: Piano lesson with Sam Lee");
        // Each in their own time zone: the instructor's is the lesson's (Chicago), the student's New York.
        assertThat(toInstructor.path("subject").asText()).containsPattern("C[SD]T$");
        assertThat(toStudent.path("subject").asText()).containsPattern("E[SD]T$");
        String ics = Inbox.calendar(toStudent);
        assertThat(ics).contains("METHOD:REQUEST").contains("UID:" + lesson.bookingId() + "@instainstru.com")
                .contains("SEQUENCE:0");

        // The same event again (a redelivery or a republish), and a second event about the same booking: nothing new.
        streams.publish("booking-events", created);
        streams.publish("booking-events", lesson.created());
        Person later = streams.register("Lee Kim", "student");
        Lesson marker = Lesson.of(later, streams.register("Rui Tanaka", "instructor"), Instant.now().plus(Duration.ofDays(4)), 30);
        streams.publish("booking-events", marker.created());
        await().atMost(FIVE_SECONDS).until(() -> Inbox.count(later.email(), "booking-confirmed") == 1);
        assertThat(Inbox.count(student.email(), "booking-confirmed")).isEqualTo(1);
        assertThat(Inbox.count(instructor.email(), "booking-confirmed")).isEqualTo(1);
        // Its reminders are waiting for their time: 24 h and 1 h before, for each party.
        assertThat(statuses(lesson.bookingId())).containsExactlyInAnyOrder("booking-confirmed:sent", "booking-confirmed:sent",
                "reminder-24h:pending", "reminder-24h:pending", "reminder-1h:pending", "reminder-1h:pending");
    }

    @Test
    void aStudentsTimesAreInTheirOwnTimeZoneFromUserEvents() {
        Person berliner = streams.register("Lena Vogel", "student", "Europe/Berlin");
        Person renamed = streams.update(streams.register("Kai Sato", "student"), "Kai Tanaka-Sato", "Asia/Tokyo");
        Person instructor = streams.register("Ada Park", "instructor");
        // July: Berlin on summer time (CEST), New York on EDT, Tokyo JST, the lesson's Chicago CDT.
        Instant start = Instant.parse((java.time.Year.now().getValue() + 1) + "-07-14T16:30:00Z");
        Lesson inBerlin = Lesson.of(berliner, instructor, start, 60);
        Lesson inTokyo = Lesson.of(renamed, instructor, start.plus(Duration.ofHours(2)), 60);

        streams.publish("booking-events", inBerlin.created());
        streams.publish("booking-events", inTokyo.created());

        await().atMost(FIVE_SECONDS).pollInterval(Duration.ofMillis(100)).until(() ->
                Inbox.count(berliner.email(), "booking-confirmed") == 1 && Inbox.count(renamed.email(), "booking-confirmed") == 1
                        && Inbox.count(instructor.email(), "booking-confirmed") == 2);
        JsonNode toBerliner = Inbox.of(berliner.email(), "booking-confirmed").get(0);
        assertThat(toBerliner.path("subject").asText()).endsWith(", " + when(start, "Europe/Berlin")).endsWith("6:30 PM CEST");
        assertThat(toBerliner.path("text").asText()).contains(when(start, "Europe/Berlin"));
        JsonNode toRenamed = Inbox.of(renamed.email(), "booking-confirmed").get(0);
        assertThat(toRenamed.path("subject").asText()).endsWith(", " + when(start.plus(Duration.ofHours(2)), "Asia/Tokyo"))
                .endsWith("3:30 AM JST");
        assertThat(toRenamed.path("html").asText()).contains("Hello Kai Tanaka-Sato");
        // The instructor's stay in the lesson's time zone.
        assertThat(Inbox.of(instructor.email(), "booking-confirmed")).hasSize(2)
                .allSatisfy(m -> assertThat(m.path("subject").asText()).endsWith("CDT"));
    }

    private static String when(Instant instant, String zone) {
        return java.time.format.DateTimeFormatter.ofPattern("EEEE, MMMM d 'at' h:mm a zzz", java.util.Locale.US)
                .format(instant.atZone(java.time.ZoneId.of(zone)));
    }

    @Test
    void aLateCancellationSaysWhoCancelledAndWithdrawsTheReminders() {
        Person student = streams.register("Sam Lee", "student");
        Person instructor = streams.register("Ada Park", "instructor");
        Lesson lesson = Lesson.of(student, instructor, Instant.now().plus(Duration.ofDays(2)), 60);
        streams.publish("booking-events", lesson.created());
        await().atMost(FIVE_SECONDS).until(() -> Inbox.count(instructor.email(), "booking-confirmed") == 1);

        ObjectNode cancelled = lesson.cancelled("student", true);
        streams.publish("booking-events", cancelled);
        streams.publish("booking-events", cancelled);

        await().atMost(FIVE_SECONDS).until(() ->
                Inbox.count(student.email(), "booking-cancelled") == 1 && Inbox.count(instructor.email(), "booking-cancelled") == 1);
        JsonNode toInstructor = Inbox.of(instructor.email(), "booking-cancelled").get(0);
        assertThat(toInstructor.path("subject").asText()).startsWith("Cancelled late: Piano lesson with Sam Lee");
        assertThat(toInstructor.path("text").asText()).contains("was cancelled by Sam Lee, less than 12 hours")
                .contains("Reason given: a cold");
        assertThat(Inbox.of(student.email(), "booking-cancelled").get(0).path("text").asText()).contains("cancelled by you");
        assertThat(Inbox.calendar(toInstructor)).contains("METHOD:CANCEL").contains("STATUS:CANCELLED")
                .contains("UID:" + lesson.bookingId() + "@instainstru.com").contains("SEQUENCE:1");
        assertThat(statuses(lesson.bookingId())).containsExactlyInAnyOrder("booking-confirmed:sent", "booking-confirmed:sent",
                "booking-cancelled:sent", "booking-cancelled:sent", "reminder-24h:withdrawn", "reminder-24h:withdrawn",
                "reminder-1h:withdrawn", "reminder-1h:withdrawn");
        assertThat(Inbox.count(student.email(), "booking-cancelled")).isEqualTo(1);
    }

    @Test
    void aRescheduleUpdatesTheCalendarEventAndMovesTheReminders() {
        Person student = streams.register("Sam Lee", "student");
        Person instructor = streams.register("Ada Park", "instructor");
        Lesson lesson = Lesson.of(student, instructor, Instant.now().plus(Duration.ofDays(2)), 60);
        streams.publish("booking-events", lesson.created());
        await().atMost(FIVE_SECONDS).until(() -> Inbox.count(student.email(), "booking-confirmed") == 1);

        Lesson moved = lesson.movedTo(lesson.start().plus(Duration.ofDays(1)));
        streams.publish("booking-events", lesson.rescheduledTo(moved));

        await().atMost(FIVE_SECONDS).until(() ->
                Inbox.count(student.email(), "booking-rescheduled") == 1 && Inbox.count(instructor.email(), "booking-rescheduled") == 1);
        JsonNode toStudent = Inbox.of(student.email(), "booking-rescheduled").get(0);
        assertThat(toStudent.path("text").asText()).contains("has moved from");
        assertThat(Inbox.calendar(toStudent)).contains("METHOD:REQUEST")
                .contains("UID:" + lesson.bookingId() + "@instainstru.com").contains("SEQUENCE:1");
        assertThat(statuses(lesson.bookingId())).containsExactlyInAnyOrder("booking-confirmed:sent", "booking-confirmed:sent",
                "reminder-24h:withdrawn", "reminder-24h:withdrawn", "reminder-1h:withdrawn", "reminder-1h:withdrawn");
        assertThat(statuses(moved.bookingId())).containsExactlyInAnyOrder("booking-rescheduled:sent", "booking-rescheduled:sent",
                "reminder-24h:pending", "reminder-24h:pending", "reminder-1h:pending", "reminder-1h:pending");
        assertThat(dueTimes(moved.bookingId(), "reminder-24h")).containsOnly(moved.start().minus(Duration.ofHours(24)));
    }

    @Test
    void aBookingOfPeopleItHasNoAddressForSendsNothingAndAMalformedEventIsSkipped() {
        Person stranger = new Person(UUID.randomUUID(), "nobody@notification.instainstru.test", "Nobody");
        Person instructor = streams.register("Ada Park", "instructor");
        Lesson lesson = Lesson.of(stranger, instructor, Instant.now().plus(Duration.ofDays(2)), 60);
        ObjectNode malformed = lesson.created();
        ((ObjectNode) malformed.path("payload")).put("studentId", "not-a-uuid");
        streams.publish("booking-events", malformed);
        streams.publish("booking-events", lesson.created());

        await().atMost(FIVE_SECONDS).until(() -> Inbox.count(instructor.email(), "booking-confirmed") == 1);
        assertThat(statuses(lesson.bookingId())).contains("booking-confirmed:pending"); // waits for the address
        assertThat(Inbox.count(stranger.email(), "booking-confirmed")).isZero();
    }

    private List<String> statuses(UUID bookingId) {
        List<String> out = new ArrayList<>();
        for (Row r : pool.preparedQuery("SELECT kind, status FROM notification WHERE subject_id = $1")
                .execute(Tuple.of(bookingId)).await().atMost(FIVE_SECONDS)) {
            out.add(r.getString("kind") + ":" + r.getString("status"));
        }
        return out;
    }

    private List<Instant> dueTimes(UUID bookingId, String kind) {
        List<Instant> out = new ArrayList<>();
        for (Row r : pool.preparedQuery("SELECT due_at FROM notification WHERE subject_id = $1 AND kind = $2")
                .execute(Tuple.of(bookingId, kind)).await().atMost(FIVE_SECONDS)) {
            out.add(r.getOffsetDateTime("due_at").toInstant());
        }
        return out;
    }
}
