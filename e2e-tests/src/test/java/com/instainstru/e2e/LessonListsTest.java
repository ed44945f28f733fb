package com.instainstru.e2e;

import static com.instainstru.e2e.Api.NEW_YORK;
import static com.instainstru.e2e.Api.PASSWORD;
import static com.instainstru.e2e.Api.gateway;
import static org.assertj.core.api.Assertions.assertThat;

import com.instainstru.e2e.Api.Offering;
import com.instainstru.e2e.Api.User;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Lists of lessons longer than a page (20): an instructor with 22 lessons, 21 of them taught on the days before
 * (moved there in booking-service's database) and one ahead. Every tab shows its own lessons, whatever the others
 * hold; Past shows the latest 20 first and "Show more" the rest, without JavaScript (a link) and with htmx (only the
 * lessons, to append); every lesson once, none skipped.
 */
class LessonListsTest {

    @RegisterExtension
    static final Platform PLATFORM = Platform.shared();

    private static final Pattern REFERENCE = Pattern.compile("Booking ([0-9A-F]{8}) ·");
    private static final Pattern MORE = Pattern.compile("href=\"(/teach/lessons\\?tab=past&amp;cursor=[^\"]+)\"");
    private static final int LESSONS = 22;

    @Test
    void anInstructorWithMoreLessonsThanAPageReadsEveryTabPageByPage() throws Exception {
        Offering cello = Api.instructorOffering("Lior Brandt", "cello", 60, List.of(30), List.of("online"));
        LocalDate day = LocalDate.now(NEW_YORK).plusDays(3);
        List<String> ids = new ArrayList<>();
        User firstStudent = null;
        for (int i = 0; i < LESSONS; i++) {
            User student = Api.signUp("student", "Pupil " + i);
            firstStudent = i == 0 ? student : firstStudent;
            String start = day.atTime(LocalTime.of(9, 0).plusMinutes(30L * i)).atZone(NEW_YORK).toOffsetDateTime().toString();
            ids.add(gateway(student.token()).header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(Map.of("instructorId", cello.instructor().id(), "instructorServiceId", cello.id(),
                            "startTime", start, "durationMinutes", 30, "locationType", "online"))
                    .post("/api/v1/bookings").then().statusCode(201).extract().<String>path("id"));
        }
        // The first 21 were taught on the 21 days before today, the first one longest ago; the last is still ahead.
        for (int i = 0; i < LESSONS - 1; i++) {
            taughtDaysAgo(ids.get(i), LESSONS - 1 - i);
        }
        List<String> pastLatestFirst = new ArrayList<>();
        for (int i = LESSONS - 2; i >= 0; i--) {
            pastLatestFirst.add(reference(ids.get(i)));
        }
        WebClient browser = new WebClient().signIn(cello.instructor().email(), PASSWORD);

        HttpResponse<String> upcoming = browser.get("/teach/lessons?tab=upcoming");
        assertThat(upcoming.statusCode()).isEqualTo(200);
        assertThat(references(upcoming)).containsExactly(reference(ids.get(LESSONS - 1)));
        assertThat(upcoming.body()).contains("$30").doesNotContain("Show more lessons");

        HttpResponse<String> past = browser.get("/teach/lessons?tab=past");
        assertThat(past.statusCode()).isEqualTo(200);
        assertThat(references(past)).containsExactlyElementsOf(pastLatestFirst.subList(0, 20));
        String more = moreLink(past);

        HttpResponse<String> next = browser.get(more);
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(next.body()).contains("<html", "Back to the latest lessons").doesNotContain("Show more lessons");
        assertThat(references(next)).containsExactly(pastLatestFirst.get(20));

        HttpResponse<String> appended = browser.get(more, "HX-Request", "true");
        assertThat(appended.statusCode()).isEqualTo(200);
        assertThat(appended.body()).doesNotContain("<html", "<nav").contains("<ul class=\"lessons\">");
        assertThat(references(appended)).containsExactly(pastLatestFirst.get(20));

        assertThat(references(browser.get("/teach/lessons?tab=cancelled"))).isEmpty();
        // A cursor that is not one the list gave is a 400 page, not an error.
        HttpResponse<String> forged = browser.get("/teach/lessons?tab=past&cursor=bm90LWEtY3Vyc29y");
        assertThat(forged.statusCode()).isEqualTo(400);
        assertThat(forged.body()).contains("first page");
        // The student of the first lesson finds it in their Past tab.
        WebClient student = new WebClient().signIn(firstStudent.email(), PASSWORD);
        assertThat(student.get("/lessons?tab=past").body()).contains("Cello with Lior Brandt").contains("$30");
        assertThat(student.get("/lessons?tab=upcoming").body()).doesNotContain("Cello with Lior Brandt");
    }

    private static String reference(String id) {
        return id.substring(0, 8).toUpperCase(Locale.ROOT);
    }

    private static List<String> references(HttpResponse<String> page) {
        List<String> found = new ArrayList<>();
        Matcher m = REFERENCE.matcher(page.body());
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static String moreLink(HttpResponse<String> page) {
        Matcher m = MORE.matcher(page.body());
        assertThat(m.find()).as("a Show more link on the first page").isTrue();
        return m.group(1).replace("&amp;", "&");
    }

    /** The lesson was taught {@code days} days ago and marked completed, moved so in booking-service's database. */
    private static void taughtDaysAgo(String bookingId, int days) throws Exception {
        try (Connection c = bookings();
                PreparedStatement s = c.prepareStatement("UPDATE booking SET status = 'completed', "
                        + "start_at = start_at - make_interval(days => ?), end_at = end_at - make_interval(days => ?), "
                        + "blocked_until = blocked_until - make_interval(days => ?) WHERE id = ?::uuid")) {
            int back = days + 3; // the lessons were booked three days ahead
            s.setInt(1, back);
            s.setInt(2, back);
            s.setInt(3, back);
            s.setString(4, bookingId);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    private static Connection bookings() throws Exception {
        return DriverManager.getConnection("jdbc:postgresql://" + Infrastructure.PG_HOST + ":" + Infrastructure.PG_PORT
                + "/booking_e2e", Infrastructure.PG_USER, Infrastructure.PG_PASSWORD);
    }
}
