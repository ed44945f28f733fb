package com.instainstru.e2e;

import static com.instainstru.e2e.Api.NEW_YORK;
import static com.instainstru.e2e.Api.gateway;
import static com.instainstru.e2e.Api.signUp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.instainstru.e2e.Api.Offering;
import com.instainstru.e2e.Api.User;
import com.instainstru.platform.test.MailDev;
import com.instainstru.platform.test.ServiceJvm;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Notifications through the gateway, on the real services and a real SMTP inbox (MailDev): users sign up (the
 * gateway's user-events tell notification-service their names and addresses), a booking reaches each party's inbox
 * as one confirmation within 5 s, its cancellation as one cancellation each; a lesson 24 hours away gets one
 * reminder to each party although two more notification-service processes, their clocks moved by configuration to
 * the reminder's time, race to send it. Account emails: sign-up's verification link works once; a sign-up with the
 * same address answers the same and the owner is told; a password reset link sets a new password once and ends every
 * session; reminders are turned off through the gateway.
 */
class NotificationsTest {

    @RegisterExtension
    static final Platform PLATFORM = Platform.shared();

    private static final Duration FIVE_SECONDS = Duration.ofSeconds(5);

    @Test
    void aBookingAndItsCancellationReachEachPartyOnce() throws Exception {
        Offering piano = Api.instructorOffering("Nia Okafor", "piano", 60, List.of(60), List.of("online"));
        User student = signUp("student", "Sam Reyes");
        String bookingId = book(student, piano, LocalDate.now(NEW_YORK).plusDays(2).atTime(LocalTime.of(11, 0)));
        Instant booked = Instant.now();

        await("a confirmation to each party").atMost(FIVE_SECONDS).pollInterval(Duration.ofMillis(100)).until(() ->
                count(student, "booking-confirmed") == 1 && count(piano.instructor(), "booking-confirmed") == 1);
        System.out.printf("booking confirmations in both inboxes %d ms after the booking's 201%n",
                Duration.between(booked, Instant.now()).toMillis());
        JsonNode toStudent = messages(student, "booking-confirmed").get(0);
        assertThat(toStudent.path("subject").asText()).startsWith("Booked: Piano lesson with Nia Okafor");
        assertThat(MailDev.header(toStudent, "X-InstaInstru-Booking")).isEqualTo(bookingId);
        assertThat(PLATFORM.inbox().attachment(toStudent, "lesson.ics")).contains("METHOD:REQUEST")
                .contains("UID:" + bookingId + "@instainstru.com");
        assertThat(messages(piano.instructor(), "booking-confirmed").get(0).path("subject").asText())
                .startsWith("New booking: Piano lesson with Sam Reyes");

        gateway(student.token()).body(Map.of("reason", "a cold")).post("/api/v1/bookings/" + bookingId + "/cancel")
                .then().statusCode(200);
        await("a cancellation to each party").atMost(FIVE_SECONDS).pollInterval(Duration.ofMillis(100)).until(() ->
                count(student, "booking-cancelled") == 1 && count(piano.instructor(), "booking-cancelled") == 1);
        assertThat(messages(piano.instructor(), "booking-cancelled").get(0).path("text").asText())
                .contains("cancelled by Sam Reyes").contains("a cold");
        assertThat(PLATFORM.inbox().attachment(messages(student, "booking-cancelled").get(0), "lesson.ics"))
                .contains("METHOD:CANCEL").contains("UID:" + bookingId + "@instainstru.com");

        Thread.sleep(2000); // a second copy would come now
        for (User user : List.of(student, piano.instructor())) {
            assertThat(count(user, "booking-confirmed")).isEqualTo(1);
            assertThat(count(user, "booking-cancelled")).isEqualTo(1);
        }
    }

    @Test
    void aLessonDueIn24HoursGetsOneReminderToEachPartyFromTwoRacingProcesses() throws Exception {
        Offering guitar = Api.instructorOffering("Rui Tanaka", "guitar", 50, List.of(60), List.of("online"));
        User student = signUp("student", "Ola Berg");
        OffsetDateTime start = LocalDate.now(NEW_YORK).plusDays(3).atTime(LocalTime.of(15, 0)).atZone(NEW_YORK).toOffsetDateTime();
        book(student, guitar, start.toLocalDateTime());
        // Confirmed: notification-service has read the booking and holds its reminders.
        await().atMost(FIVE_SECONDS).until(() -> count(student, "booking-confirmed") == 1);

        // Two more processes whose clocks stand a minute past the 24-hour reminder's time (and before the 1-hour one's).
        Duration ahead = Duration.between(Instant.now(), start.toInstant().minus(Duration.ofHours(24)).plusSeconds(60));
        List<ServiceJvm> senders = List.of(
                PLATFORM.anotherNotificationService(Map.of("CLOCK_OFFSET", ahead.toString(), "STREAMS_ENABLED", "false")),
                PLATFORM.anotherNotificationService(Map.of("CLOCK_OFFSET", ahead.toString(), "STREAMS_ENABLED", "false")));
        try {
            ServiceJvm.startAll(senders, Duration.ofMinutes(3));
            await("a 24-hour reminder to each party").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> count(student, "reminder-24h") >= 1 && count(guitar.instructor(), "reminder-24h") >= 1);
            Thread.sleep(3000); // a second copy would come now
        } finally {
            ServiceJvm.stopAll(senders);
        }
        for (User user : List.of(student, guitar.instructor())) {
            assertThat(count(user, "reminder-24h")).as(user.email()).isEqualTo(1);
            assertThat(count(user, "reminder-1h")).as(user.email()).isZero();
        }
        assertThat(messages(student, "reminder-24h").get(0).path("subject").asText())
                .startsWith("Reminder: Guitar lesson with Rui Tanaka in 24 hours");
    }

    @Test
    void accountEmailsCarryLinksThatWorkOnceAndRemindersCanBeTurnedOff() {
        User ada = signUp("student", "Ada Lin");
        await("the verification email").atMost(FIVE_SECONDS).until(() -> count(ada, "email-verification") == 1);
        String verify = token(messages(ada, "email-verification").get(0), "verify-email");
        gateway(null).body(Map.of("token", verify)).post("/api/v1/auth/verify-email").then().statusCode(204);
        gateway(null).body(Map.of("token", verify)).post("/api/v1/auth/verify-email").then().statusCode(400);

        // Signing up again with the address: the same answer; the owner is told, with a reset link.
        gateway(null).body(Map.of("email", ada.email(), "password", "somebody else's password", "role", "student",
                "name", "Not Ada")).post("/api/v1/auth/register").then().statusCode(201);
        await("you already have an account").atMost(FIVE_SECONDS).until(() -> count(ada, "account-exists") == 1);
        String reset = token(messages(ada, "account-exists").get(0), "reset-password");
        gateway(null).body(Map.of("token", reset, "newPassword", "Ada's new long password"))
                .post("/api/v1/auth/password-reset/confirm").then().statusCode(204);
        gateway(null).body(Map.of("token", reset, "newPassword", "Ada's newer long password"))
                .post("/api/v1/auth/password-reset/confirm").then().statusCode(400);
        // Every session ended: the old token is refused (by the gateway, and booking-service behind it).
        await().atMost(FIVE_SECONDS).until(() -> gateway(ada.token()).get("/api/v1/bookings").statusCode() == 401);
        User again = Api.logIn(ada.email(), "Ada's new long password");

        gateway(again.token()).body(Map.of("reminders", false)).put("/api/v1/notifications/preferences").then()
                .statusCode(200);
        assertThat(gateway(again.token()).get("/api/v1/notifications/preferences").then().statusCode(200)
                .extract().<Boolean>path("reminders")).isFalse();
    }

    private static String token(JsonNode message, String page) {
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("/" + page + "\\?token=([A-Za-z0-9_-]{43})")
                .matcher(message.path("text").asText());
        assertThat(link.find()).as(message.path("text").asText()).isTrue();
        return link.group(1);
    }

    private static String book(User student, Offering offering, java.time.LocalDateTime at) {
        OffsetDateTime start = at.atZone(NEW_YORK).toOffsetDateTime();
        return gateway(student.token()).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("instructorId", offering.instructor().id(), "instructorServiceId", offering.id(),
                        "startTime", start.toString(), "durationMinutes", 60, "locationType", "online"))
                .post("/api/v1/bookings").then().statusCode(201).extract().path("id");
    }

    private static List<JsonNode> messages(User user, String kind) {
        return PLATFORM.inbox().messagesTo(user.email()).stream()
                .filter(m -> kind.equals(MailDev.header(m, "X-InstaInstru-Kind"))).toList();
    }

    private static int count(User user, String kind) {
        return messages(user, kind).size();
    }
}
