package com.instainstru.e2e;

import static com.instainstru.e2e.Api.PASSWORD;
import static com.instainstru.e2e.Api.gateway;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.instainstru.e2e.Api.Offering;
import com.instainstru.e2e.Api.User;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The pages beyond the booking journey, in headless Chromium: they read without JavaScript, bad addresses
 * get friendly pages with the right status, rescheduling works by clicks, and every page passes axe at
 * 360 and 1280 px (screenshots under target/screenshots).
 */
class WebPagesTest {

    @RegisterExtension
    static final Platform PLATFORM = Platform.shared();

    @RegisterExtension
    static final Browsers BROWSERS = Browsers.shared();

    private static Offering ukulele;

    @BeforeAll
    static void anInstructorTeachesUkulele() {
        ukulele = Api.instructorOffering("Uma Reyes", "ukulele", 45, List.of(30, 45, 60), List.of("online"));
        Api.awaitInSearch("ukulele tomorrow", ukulele.instructor().id());
    }

    @Test
    void readPagesWorkWithoutJavaScript() {
        try (BrowserContext noScript = BROWSERS.newContext(false)) {
            Page page = noScript.newPage();
            page.navigate("/");
            page.getByLabel("What do you want to learn?").fill("ukulele online tomorrow");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
            assertThat(page.locator(".card").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Uma Reyes")))
                    .isVisible();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Remove Online")).click();
            assertThat(page).hasURL(Pattern.compile("q=ukulele\\+tomorrow$"));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Uma Reyes").setExact(true)).click();

            // The length choice and the days are plain links: a full page each time.
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("45 min · $33.75")).click();
            assertThat(page).hasURL(Pattern.compile("duration=45"));
            LocalDate inTwoDays = LocalDate.now(Api.NEW_YORK).plusDays(2);
            page.locator(".days a.free[href*='date=" + inTwoDays + "']").click();
            assertThat(page).hasURL(Pattern.compile("date=" + inTwoDays));
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(Pattern.compile("Book 45 minutes on .* at 2:00 PM")))
                    .click();
            assertThat(page).hasURL(Pattern.compile("/login\\?next=%2Fbook"));

            // The filters are a plain form too.
            page.navigate("/search?q=ukulele");
            page.getByText("Filters", new Page.GetByTextOptions().setExact(true)).click();
            page.getByLabel("Up to ($)").fill("40");
            page.getByLabel("Time of day").selectOption("evening");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply filters")).click();
            assertThat(page).hasURL(Pattern.compile("/search\\?q=ukulele\\+under\\+%2440\\+evening$"));
            assertThat(page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("What we understood"))
                    .getByRole(AriaRole.LISTITEM)).hasText(new String[] {"Ukulele×", "Under $40 an hour×", "Evening×"});
        }
    }

    @Test
    void badAddressesGetFriendlyPagesWithTheRightStatus() {
        try (BrowserContext context = BROWSERS.newContext()) {
            Page page = context.newPage();
            assertFriendly(page, "/instructors/" + UUID.randomUUID(), 404, "We couldn't find that page");
            PageChecks.check(page, "error-404");
            assertFriendly(page, "/instructors/not-an-id", 404, "no instructor at this address");
            assertFriendly(page, "/instructors/" + ukulele.instructor().id() + "?date=tomorrow", 400, "is not a date");
            assertFriendly(page, "/instructors/" + ukulele.instructor().id() + "?duration=999", 400, "between 15 and 240");
            assertFriendly(page, "/search?q=ukulele&shown=lots", 400, "must be a number");
            assertFriendly(page, "/search?kept=ukulele&max=cheap", 400, "maximum price must be a number");
            assertFriendly(page, "/search?q=" + "a".repeat(600), 400, "The search could not be read");
            assertFriendly(page, "/book?instructor=" + ukulele.instructor().id() + "&offering=" + ukulele.id()
                    + "&start=soon&duration=30", 400, "no valid start time");
            assertFriendly(page, "/no-such-page", 404, "There is no page at this address");
            assertFriendly(page, "/lessons?tab=everything", 303, null);
        }
    }

    @Test
    void aStudentReschedulesAndEveryOtherPageIsAccessible() {
        User student = Api.signUp("student", "Mia Kowalski");
        String start = LocalDate.now(Api.NEW_YORK).plusDays(3).atTime(LocalTime.of(9, 30)).atZone(Api.NEW_YORK)
                .toOffsetDateTime().toString();
        String bookingId = gateway(student.token()).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("instructorId", ukulele.instructor().id(), "instructorServiceId", ukulele.id(),
                        "startTime", start, "durationMinutes", 30, "locationType", "online"))
                .post("/api/v1/bookings").then().statusCode(201).extract().path("id");
        try (BrowserContext context = BROWSERS.newContext()) {
            Page page = context.newPage();
            for (String path : List.of("/services", "/search", "/search?q=underwater+basket+weaving+tomorrow",
                    "/signup", "/logout", "/forgot-password", "/reset-password?token=unknown",
                    "/verify-email?token=unknown", "/unsubscribe?token=unknown")) {
                assertThat(page.navigate(path).status()).isEqualTo(200);
                PageChecks.check(page, name(path));
            }
            page.navigate("/login");
            page.getByLabel("Email").fill(student.email());
            page.getByLabel("Password").fill(PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            PageChecks.check(page, "home-signed-in");
            page.navigate("/account");
            assertThat(page.locator(".summary")).containsText(student.email());
            PageChecks.check(page, "account");

            // Rescheduling: the lesson's page, a new day, a new time.
            page.navigate("/lessons/" + bookingId);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Reschedule")).click();
            PageChecks.check(page, "reschedule");
            LocalDate inFourDays = LocalDate.now(Api.NEW_YORK).plusDays(4);
            page.locator(".days a.free[href*='date=" + inFourDays + "']").click();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("Move to .* at 4:15 PM"))).click();
            assertThat(page.getByText("Your lesson has been moved.")).isVisible();
            assertThat(page.locator(".summary")).containsText("4:15 PM – 4:45 PM");
            page.navigate("/lessons?tab=past");
            PageChecks.check(page, "lessons-past");
        }
        List<Map<String, Object>> bookings = gateway(student.token()).get("/api/v1/bookings?as=student").then()
                .statusCode(200).extract().jsonPath().getList("items");
        assertThat(bookings).extracting(b -> b.get("status")).containsExactlyInAnyOrder("cancelled", "confirmed");
    }

    /** Pages, styles and scripts travel compressed, and so does the API's JSON (issue 15), without a cookie. */
    @Test
    void pagesAndTheApiAreCompressed() {
        WebClient client = new WebClient();
        String home = client.get("/").body();
        // htmx only comes with the pages that use it (search, profiles), not with the home page.
        assertThat(home).doesNotContain(".js\"");
        String search = client.get("/search?q=piano").body();
        List<String> assets = Pattern.compile("(?:href|src)=\"(/static/[^\"]+)\"").matcher(home + search).results()
                .map(m -> m.group(1)).distinct().toList();
        assertThat(assets).hasSize(3);
        for (String path : java.util.stream.Stream.concat(java.util.stream.Stream.of("/"), assets.stream()).toList()) {
            java.net.http.HttpResponse<String> answer = client.get(path, "Accept-Encoding", "gzip");
            assertThat(answer.statusCode()).as(path).isEqualTo(200);
            assertThat(answer.headers().firstValue("content-encoding")).as(path).hasValue("gzip");
        }
        for (String path : List.of("/api/v1/home", "/api/v1/catalog/categories")) {
            java.net.http.HttpResponse<String> api = new WebClient().get(path, "Accept-Encoding", "gzip");
            assertThat(api.statusCode()).as(path).isEqualTo(200);
            assertThat(api.headers().firstValue("content-encoding")).as(path).hasValue("gzip");
            assertThat(api.headers().firstValue("set-cookie")).as(path).isEmpty();
        }
    }

    /**
     * The chips are search-service's own understanding written back in words: for queries of every kind of
     * constraint, removing one chip gives a page whose chips are exactly the others (the real parser reads
     * the page's words back as the same constraints).
     */
    @Test
    void eachChipRemovesExactlyItsConstraint() {
        String christmasEve = LocalDate.now(Api.NEW_YORK).withMonth(12).withDayOfMonth(24).plusYears(
                LocalDate.now(Api.NEW_YORK).isAfter(LocalDate.now(Api.NEW_YORK).withMonth(12).withDayOfMonth(24)) ? 1 : 0)
                .toString();
        List<String> queries = List.of("piano lessons under $50 tomorrow evening", "spanish for kids online this weekend",
                "guitar between $30 and $60 after 5pm", "yoga 45 minutes in park slope next week",
                "beginner chess near me in person on friday", "math for high school students before 3pm today",
                "violin over $40 " + christmasEve + " morning", "advanced french for adults 90 minutes in brooklyn");
        WebClient browser = new WebClient();
        for (String query : queries) {
            List<String[]> chips = chips(browser.get("/search?q=" + java.net.URLEncoder.encode(query,
                    java.nio.charset.StandardCharsets.UTF_8)).body());
            assertThat(chips).as(query).hasSizeGreaterThanOrEqualTo(3);
            for (String[] chip : chips) {
                List<String> others = chips.stream().filter(c -> c != chip).map(c -> c[0]).toList();
                List<String> after = chips(browser.get(chip[1]).body()).stream().map(c -> c[0]).toList();
                assertThat(after).as("\"%s\" without %s", query, chip[0]).isEqualTo(others);
            }
        }
    }

    private static final Pattern CHIP = Pattern.compile("<li class=\"chip\">([^<]*)<a href=\"([^\"]*)\"");

    /** Each chip's label and the address that removes it. */
    private static List<String[]> chips(String html) {
        List<String[]> chips = new java.util.ArrayList<>();
        java.util.regex.Matcher m = CHIP.matcher(html);
        while (m.find()) {
            chips.add(new String[] {m.group(1).replace("&amp;", "&"), m.group(2).replace("&amp;", "&")});
        }
        return chips;
    }

    private static void assertFriendly(Page page, String path, int status, String says) {
        Response response = page.navigate(path);
        if (status == 303) {
            assertThat(page).hasURL(Pattern.compile("/login\\?next="));
            return;
        }
        assertThat(response.status()).as(path).isEqualTo(status);
        assertThat(response.headerValue("content-type")).as(path).startsWith("text/html");
        assertThat(page.locator("main")).containsText(says);
        assertThat(page.content()).doesNotContain("Exception", "at com.instainstru");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Go to the home page"))).isVisible();
    }

    private static String name(String path) {
        return path.equals("/search") ? "search-blank" : path.startsWith("/search?") ? "search-empty"
                : path.substring(1).replaceFirst("\\?.*", "").replace('/', '-');
    }
}
