package com.instainstru.e2e;

import static com.instainstru.e2e.Api.NEW_YORK;
import static com.instainstru.e2e.Api.PASSWORD;
import static com.instainstru.e2e.Api.gateway;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.instainstru.e2e.Api.User;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 13's first journey, by clicks in headless Chromium against the five real services: an instructor signs up,
 * fills the profile, adds piano at $60 for 30 and 60 minutes, paints next week's evenings (by drag, by keyboard and
 * with a preset) and applies the week forward; a student finds them, books next Monday at 5 PM; the instructor
 * sees the lesson and, once it has started, marks it completed, and the month's figures count it. A student opening
 * /teach gets a 403 page, an anonymous visitor the login page. Every page is checked by axe at 360 and 1280 px.
 */
class TeachJourneyTest {

    @RegisterExtension
    static final Platform PLATFORM = Platform.shared();

    @RegisterExtension
    static final Browsers BROWSERS = Browsers.shared();

    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy", Locale.US);

    @Test
    void anInstructorSetsUpTeachesAndMarksTheLessonCompleted() throws Exception {
        String name = "Pia Lindqvist " + UUID.randomUUID().toString().substring(0, 6);
        String email = Api.newEmail("instructor");
        LocalDate nextMonday = LocalDate.now(NEW_YORK).with(TemporalAdjusters.next(DayOfWeek.MONDAY));

        try (BrowserContext teacher = BROWSERS.newContext(); BrowserContext learner = BROWSERS.newContext();
                BrowserContext nobody = BROWSERS.newContext()) {
            Page page = teacher.newPage();
            page.navigate("/signup");
            page.getByLabel("Teach lessons (instructor)").check();
            page.getByLabel("Your name").fill(name);
            page.getByLabel("Email").fill(email);
            page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in with your password")).click();
            page.getByLabel("Email").fill(email);
            page.getByLabel("Password").fill(PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Teach").setExact(true)).click();

            // The overview says what is missing before students can find them.
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Before students can find you")))
                    .isVisible();
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Fill in your profile"))).isVisible();
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add what you teach"))).isVisible();
            assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Paint your free time"))).isVisible();
            PageChecks.check(page, "teach-start");

            // Profile.
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Fill in your profile")).click();
            assertThat(page.locator(".status")).containsText("active");
            assertThat(page.getByLabel("Name students see")).hasValue(name);
            page.getByLabel("About you and how you teach").fill("Concert pianist; patient with beginners of every age.");
            page.getByLabel("Years of experience").fill("9");
            page.getByLabel("Online").check();
            page.locator("summary", new Page.LocatorOptions().setHasText("Brooklyn")).click();
            page.getByLabel("Park Slope").check();
            PageChecks.check(page, "teach-profile");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save profile")).click();
            assertThat(page.getByText("Your profile is saved.")).isVisible();
            assertThat(page.getByLabel("Years of experience")).hasValue("9");
            assertThat(page.getByLabel("Park Slope")).isChecked();

            // A write without the form's CSRF token (another site's form) is refused and changes nothing.
            com.microsoft.playwright.APIResponse forged = page.request().post("/teach/profile",
                    com.microsoft.playwright.options.RequestOptions.create().setMaxRedirects(0).setForm(
                            com.microsoft.playwright.options.FormData.create().set("name", "Someone Else")));
            assertThat(forged.status()).isEqualTo(403);
            page.reload();
            assertThat(page.getByLabel("Name students see")).hasValue(name);

            // Piano at $60 for 30 and 60 minutes, picked by typing; the market's prices show as it is picked.
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Services").setExact(true)).click();
            page.getByLabel("Service (type to search the catalog)").fill("Piano");
            assertThat(page.locator("#market")).containsText("Piano");
            page.getByLabel("Hourly rate (USD)").fill("60");
            page.getByLabel("30 minutes").check();
            page.getByLabel("60 minutes").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add service")).click();
            assertThat(page.getByText("The service is added")).isVisible();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Piano"))).isVisible();
            assertThat(page.getByLabel("Hourly rate (USD)").first()).hasValue("60.00");
            PageChecks.check(page, "teach-services");
            // Typing a service the catalog does not have is refused with the reason, nothing added.
            page.getByLabel("Service (type to search the catalog)").fill("Underwater basket weaving");
            page.getByLabel("Hourly rate (USD)").last().fill("40");
            Response refused = page.waitForResponse(r -> r.url().endsWith("/teach/services") && r.request().method().equals("POST"),
                    () -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add service")).click());
            assertThat(refused.status()).isEqualTo(400);
            assertThat(page.getByText("There is no service “Underwater basket weaving” in the catalog")).isVisible();

            // Next week: drag over Saturday morning, Sunday by keyboard, the weekday-evenings preset, then save.
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Availability").setExact(true)).click();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Next week →")).click();
            assertThat(page).hasURL(Pattern.compile("week=" + nextMonday));
            drag(page, cell(page, "Saturday 09:00"), cell(page, "Saturday 10:45"));
            for (String t : List.of("09:00", "09:15", "09:30", "09:45", "10:00", "10:15", "10:30", "10:45")) {
                assertThat(cell(page, "Saturday " + t)).isChecked();
            }
            assertThat(cell(page, "Saturday 11:00")).not().isChecked();
            cell(page, "Sunday 10:00").focus();
            page.keyboard().press("Space");
            page.keyboard().press("Shift+ArrowDown");
            page.keyboard().press("Shift+ArrowDown");
            page.keyboard().press("Shift+ArrowDown");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save this week")).click();
            assertThat(page.getByText("This week's free time is saved.")).isVisible();
            Locator summary = page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("Painted windows"));
            assertThat(summary).containsText("Saturday: 09:00–11:00");
            assertThat(summary).containsText("Sunday: 10:00–11:00");
            assertThat(summary).containsText("Monday: nothing");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Weekday evenings")).click();
            assertThat(page.getByText("not saved yet")).isVisible();
            assertThat(cell(page, "Monday 17:00")).isChecked();
            assertThat(cell(page, "Saturday 09:00")).isChecked();
            PageChecks.check(page, "teach-availability");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save this week")).click();
            assertThat(summary).containsText("Monday: 17:00–21:00");
            assertThat(summary).containsText("Friday: 17:00–21:00");
            assertThat(summary).containsText("Saturday: 09:00–11:00");
            page.getByLabel("Apply this week to the next … weeks").fill("2");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply to the next weeks")).click();
            assertThat(page.getByText("This week is copied to the weeks ahead.")).isVisible();
            User instructor = Api.logIn(email, PASSWORD);
            List<Map<String, Object>> weeks = gateway(instructor.token()).get("/api/v1/availability/me?from=" + nextMonday
                    + "&to=" + nextMonday.plusWeeks(3).minusDays(1)).then().statusCode(200).extract().jsonPath().getList("dates");
            assertThat(weeks).hasSize(21); // 7 painted days in each of the 3 weeks
            assertThat(weeks.get(20)).containsEntry("date", nextMonday.plusWeeks(2).plusDays(6).toString());
            assertThat(weeks.get(14).toString()).contains("17:00", "21:00");

            // Bad addresses and forged forms are friendly pages with the right status, and change nothing.
            assertThat(page.navigate("/teach/availability?week=someday").status()).isEqualTo(400);
            assertThat(page.getByText("The week must be a date such as")).isVisible();
            assertThat(page.navigate("/teach/availability?preset=all-day-every-day").status()).isEqualTo(400);
            assertThat(page.navigate("/teach/lessons?tab=someday").status()).isEqualTo(400);
            page.navigate("/teach/availability?week=" + nextMonday);
            String csrf = page.locator("#week-form input[name=_csrf]").inputValue();
            com.microsoft.playwright.APIResponse forgedCell = page.request().post("/teach/availability",
                    com.microsoft.playwright.options.RequestOptions.create().setMaxRedirects(0).setForm(
                            com.microsoft.playwright.options.FormData.create().set("_csrf", csrf)
                                    .set("week", nextMonday.toString()).set("cell", "d9-99")));
            assertThat(forgedCell.status()).isEqualTo(400);
            com.microsoft.playwright.APIResponse noLesson = page.request().post("/teach/lessons/" + UUID.randomUUID()
                    + "/complete", com.microsoft.playwright.options.RequestOptions.create().setMaxRedirects(0).setForm(
                            com.microsoft.playwright.options.FormData.create().set("_csrf", csrf)));
            assertThat(noLesson.status()).isEqualTo(404);
            assertThat(gateway(instructor.token()).get("/api/v1/availability/me?from=" + nextMonday + "&to="
                    + nextMonday.plusDays(6)).then().statusCode(200).extract().jsonPath().getList("dates")).hasSize(7);

            // Roles: a student gets a 403 page, an anonymous visitor the login page and back.
            User student = Api.signUp("student", "Noor Haddad");
            Page learn = learner.newPage();
            learn.navigate("/login");
            learn.getByLabel("Email").fill(student.email());
            learn.getByLabel("Password").fill(PASSWORD);
            learn.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            Response forbidden = learn.navigate("/teach/availability");
            assertThat(forbidden.status()).isEqualTo(403);
            assertThat(learn.getByText("These pages are for instructors")).isVisible();
            PageChecks.check(learn, "teach-forbidden");
            assertThat(learn.navigate("/admin/instructors").status()).isEqualTo(403);
            Page anonymous = nobody.newPage();
            anonymous.navigate("/teach/lessons");
            assertThat(anonymous).hasURL(Pattern.compile("/login\\?next=(%2F|/)teach(%2F|/)lessons"));

            // The student finds the instructor and books next Monday at 5 PM.
            Api.awaitInSearch("piano", instructor.id());
            learn.navigate("/search?q=piano");
            learn.locator(".card").filter(new Locator.FilterOptions().setHasText(name))
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(name).setExact(true)).click();
            learn.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(nextMonday.format(LONG_DATE) + ", has free times"))
                    .click();
            learn.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("Book 30 minutes on .* at 5:00 PM")))
                    .click();
            assertThat(learn.locator(".summary")).containsText("$30");
            learn.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Book now"))).click();
            assertThat(learn.getByText("You're booked!")).isVisible();
            String reference = learn.locator(".summary dd").first().textContent().strip();

            // The instructor sees it on the overview and in the lessons, with the late rule; not yet to be marked.
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Overview")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Before students can find you")))
                    .hasCount(0);
            assertThat(page.locator("section", new Page.LocatorOptions().setHasText("Upcoming")).first())
                    .containsText("Booking " + reference);
            PageChecks.check(page, "teach");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Lessons").setExact(true)).click();
            Locator lesson = page.locator(".lessons .card").filter(new Locator.FilterOptions().setHasText("Booking " + reference));
            assertThat(lesson).containsText("5:00 PM");
            assertThat(page.getByText("Cancelling is free until 12 hours before a lesson")).isVisible();
            assertThat(lesson.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("^Mark completed"))))
                    .hasCount(0);
            PageChecks.check(page, "teach-lessons");

            // Once it has started, the instructor marks it completed; the month counts it and its price.
            String bookingId = learn.url().replaceAll(".*/lessons/([0-9a-f-]{36}).*", "$1");
            startNow(bookingId);
            page.reload();
            lesson.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(Pattern.compile("^Mark completed"))).click();
            assertThat(page.getByText("The lesson is marked completed.")).isVisible();
            assertThat(page.locator(".lessons .card").filter(new Locator.FilterOptions().setHasText("Booking " + reference)))
                    .containsText("Completed");
            PageChecks.check(page, "teach-lessons-past");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Overview")).click();
            Locator month = page.locator(".summary");
            assertThat(month).containsText("Completed lessons1");
            assertThat(month).containsText("$30");
            gateway(student.token()).get("/api/v1/bookings/" + bookingId).then().statusCode(200)
                    .body("status", org.hamcrest.Matchers.is("completed"));

            // Issue 13's second journey: the admin suspends this instructor.
            adminSuspends(BROWSERS.newContext(), learn, name, email, instructor, student, nextMonday);

            // The instructor sees the suspension on the overview and the profile.
            page.navigate("/teach");
            assertThat(page.getByText("Your account is suspended")).isVisible();
            page.navigate("/teach/profile");
            assertThat(page.locator(".status")).containsText("suspended");
        }
    }

    private void adminSuspends(BrowserContext context, Page learn, String name, String email, User instructor, User student,
            LocalDate nextMonday) {
        try (context) {
            String offering = gateway(null).get("/api/v1/instructors/" + instructor.id()).then().statusCode(200)
                    .extract().path("offerings[0].id");
            OffsetDateTime tuesday = nextMonday.plusDays(1).atTime(17, 0).atZone(NEW_YORK).toOffsetDateTime();
            gateway(student.token()).header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(Map.of("instructorId", instructor.id(), "instructorServiceId", offering, "startTime",
                            tuesday.toString(), "durationMinutes", 60, "locationType", "online"))
                    .post("/api/v1/bookings").then().statusCode(201);

            Page admin = context.newPage();
            admin.navigate("/login?next=%2Fadmin");
            admin.getByLabel("Email").fill(Platform.ADMIN_EMAIL);
            admin.getByLabel("Password").fill(Platform.ADMIN_PASSWORD);
            admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            assertThat(admin.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Marketplace analytics")))
                    .isVisible();

            // Analytics: the jobs run from the page; the charts are SVG with every day in a table beside them.
            admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Run daily-report")).click();
            assertThat(admin.getByText("The daily-report job is running")).isVisible();
            admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Run service-analytics")).click();
            assertThat(admin.locator("svg.chart")).hasCount(2);
            assertThat(admin.getByRole(AriaRole.IMG, new Page.GetByRoleOptions().setName(Pattern.compile("^Bookings made per day"))))
                    .isVisible();
            admin.locator("summary", new Page.LocatorOptions().setHasText("Every day as a table")).click();
            Locator days = admin.locator("table.data").first().locator("tbody tr");
            assertThat(days).hasCount(90);
            // Today's row counts the lessons booked in this test (and those of other tests of this run).
            String today = LocalDate.now(NEW_YORK).toString();
            int booked = Integer.parseInt(admin.locator("table.data").first().locator("tr", new Locator.LocatorOptions()
                    .setHasText(today)).locator("td").first().textContent().strip());
            assertThat(booked).isPositive();
            PageChecks.check(admin, "admin-analytics");

            // Find the instructor by email; deactivating is refused (a future lesson), with the catalog's reason.
            admin.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Instructors").setExact(true)).click();
            admin.getByLabel("Name or email").fill(email.toUpperCase(Locale.ROOT));
            admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Find")).click();
            Locator card = admin.locator(".card").filter(new Locator.FilterOptions().setHasText(name));
            assertThat(admin.locator(".card")).hasCount(1);
            assertThat(card).containsText("active");
            assertThat(card).containsText("1 upcoming · 1 completed");
            assertThat(card).containsText("Piano");
            PageChecks.check(admin, "admin-instructors");
            card.getByLabel("Reason (kept with the change)").fill("Leaving the platform");
            card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Deactivate " + name)).click();
            assertThat(admin.locator(".notice.bad")).containsText("the instructor has 1 future booking(s)");
            assertThat(card).containsText("active");
            // A status change needs a reason.
            card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Suspend " + name)).click();
            assertThat(admin.getByText("Say why")).isVisible();

            // Suspended: within 5 seconds gone from search, and the profile cannot be booked.
            card.getByLabel("Reason (kept with the change)").fill("Complaints under review");
            long suspendedAt = System.nanoTime();
            card.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Suspend " + name)).click();
            assertThat(admin.getByText("the instructor's account is suspended")).isVisible();
            assertThat(card).containsText("suspended");
            org.awaitility.Awaitility.await("gone from search").atMost(java.time.Duration.ofSeconds(5))
                    .pollInterval(java.time.Duration.ofMillis(200))
                    .until(() -> !gateway(null).queryParam("q", "piano").get("/api/v1/search").then().statusCode(200)
                            .extract().jsonPath().getList("results.instructorId").contains(instructor.id()));
            assertThat(java.time.Duration.ofNanos(System.nanoTime() - suspendedAt)).isLessThan(java.time.Duration.ofSeconds(5));
            Response profile = learn.navigate("/instructors/" + instructor.id());
            assertThat(profile.status()).isEqualTo(404);
            gateway(student.token()).header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(Map.of("instructorId", instructor.id(), "instructorServiceId", offering, "startTime",
                            tuesday.plusDays(1).toString(), "durationMinutes", 60, "locationType", "online"))
                    .post("/api/v1/bookings").then().statusCode(org.hamcrest.Matchers.greaterThanOrEqualTo(400));
            Response review = learn.navigate("/book?instructor=" + instructor.id() + "&offering=" + offering + "&start="
                    + PageServicesEncoding.encode(tuesday.plusDays(1).toString()) + "&duration=60");
            assertThat(review.status()).isBetween(400, 499);

            // Catalog: add a service, rename it and its search terms, deactivate it.
            admin.navigate("/admin/catalog");
            String service = "Theremin " + UUID.randomUUID().toString().substring(0, 4);
            admin.getByLabel("Category").selectOption("music");
            admin.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).first().fill(service);
            admin.getByLabel("Search terms (comma-separated)").fill("theremin, electronic music");
            admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add service")).click();
            assertThat(admin.getByText("The service is added")).isVisible();
            Locator row = admin.locator("tr").filter(new Locator.FilterOptions().setHasText(service));
            assertThat(row).containsText("theremin, electronic music");
            assertThat(row).containsText("active");
            PageChecks.check(admin, "admin-catalog");
            row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(service)).click();
            admin.getByLabel("Name").fill(service + " Lab");
            admin.getByLabel("Search terms (comma-separated)").fill("theremin, etherphone");
            admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
            assertThat(admin.getByText("The service is saved.")).isVisible();
            assertThat(admin.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText(service + " Lab");
            assertThat(admin.getByLabel("Search terms (comma-separated)")).hasValue("theremin, etherphone");
            PageChecks.check(admin, "admin-service");
            admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Deactivate " + service + " Lab")).click();
            assertThat(admin.getByText("The service is deactivated")).isVisible();
            assertThat(admin.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).containsText("inactive");
            // Piano is offered (by the suspended instructor among others): deactivating it is refused with the reason.
            admin.navigate("/admin/catalog");
            admin.locator("tr").filter(new Locator.FilterOptions().setHasText("Piano")).first()
                    .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Piano").setExact(true)).click();
            Response kept = admin.waitForResponse(r -> r.url().endsWith("/deactivate"), () -> admin.getByRole(AriaRole.BUTTON,
                    new Page.GetByRoleOptions().setName("Deactivate Piano")).click());
            assertThat(kept.status()).isEqualTo(409);
            assertThat(admin.locator(".notice.bad")).containsText("That didn't work");
            gateway(null).get("/api/v1/catalog/services/piano").then().statusCode(200)
                    .body("active", org.hamcrest.Matchers.is(true));

            // Pages refuse the other roles: the student gets 403 pages, the admin is not an instructor.
            assertThat(admin.navigate("/teach").status()).isEqualTo(403);
        }
    }

    /** Query-string encoding of a time for a page address. */
    private static final class PageServicesEncoding {
        static String encode(String value) {
            return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static Locator cell(Page page, String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    private static void drag(Page page, Locator from, Locator to) {
        from.scrollIntoViewIfNeeded();
        BoundingBox a = from.boundingBox();
        BoundingBox b = to.boundingBox();
        page.mouse().move(a.x + a.width / 2, a.y + a.height / 2);
        page.mouse().down();
        page.mouse().move(b.x + b.width / 2, b.y + b.height / 2, new com.microsoft.playwright.Mouse.MoveOptions().setSteps(12));
        page.mouse().up();
    }

    /**
     * The lesson "has started": its time moved to five minutes ago in booking-service's database (the platform's
     * clock is shared by every test class, so the lesson moves instead of the clock).
     */
    private static void startNow(String bookingId) throws Exception {
        String url = "jdbc:postgresql://" + Infrastructure.PG_HOST + ":" + Infrastructure.PG_PORT + "/booking_e2e";
        try (Connection c = DriverManager.getConnection(url, Infrastructure.PG_USER, Infrastructure.PG_PASSWORD);
                PreparedStatement s = c.prepareStatement("UPDATE booking SET start_at = now() - interval '5 minutes', "
                        + "end_at = now() - interval '5 minutes' + make_interval(mins => duration_minutes), "
                        + "blocked_until = now() - interval '5 minutes' + make_interval(mins => duration_minutes) "
                        + "WHERE id = ?::uuid AND status = 'confirmed'")) {
            s.setString(1, bookingId);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }
}
