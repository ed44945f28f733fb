package com.instainstru.e2e;

import static com.instainstru.e2e.Api.NEW_YORK;
import static com.instainstru.e2e.Api.PASSWORD;
import static com.instainstru.e2e.Api.gateway;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.instainstru.e2e.Api.Offering;
import com.instainstru.e2e.Api.User;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 10's journey, by clicks in headless Chromium against the five real services: a student searches in
 * words, removes a chip, opens a profile, picks a day and a time, signs up on the way (and comes back to the
 * choice), books, gets the confirmation with its .ics, finds the lesson in /lessons and cancels it. A second
 * student who opened the same time in another browser is told it is no longer available, with the nearest
 * free times. Every page on the way is checked by axe and shot at 360 and 1280 px.
 */
class WebJourneyTest {

    @RegisterExtension
    static final Platform PLATFORM = Platform.shared();

    @RegisterExtension
    static final Browsers BROWSERS = Browsers.shared();

    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("EEEE, MMMM d, yyyy", Locale.US);

    @Test
    void aStudentSearchesBooksAndCancelsByClicks() throws Exception {
        Offering cello = Api.instructorOffering("Cleo Marsh", "cello", 70, List.of(30, 60), List.of("online", "studio"));
        Api.awaitInSearch("cello under $80 tomorrow", cello.instructor().id());
        User rival = Api.signUp("student", "Rae Quinn");
        LocalDate tomorrow = LocalDate.now(NEW_YORK).plusDays(1);

        try (BrowserContext first = BROWSERS.newContext(); BrowserContext second = BROWSERS.newContext()) {
            Page page = first.newPage();
            page.navigate("/");
            PageChecks.check(page, "home");
            page.getByLabel("What do you want to learn?").fill("cello under $80 tomorrow");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();

            // One chip per understood constraint; removing the price searches again without it.
            Locator chips = page.getByRole(AriaRole.LIST, new Page.GetByRoleOptions().setName("What we understood"));
            assertThat(chips.getByRole(AriaRole.LISTITEM)).hasText(new String[] {"Cello×", "Under $80 an hour×", "Tomorrow×"});
            PageChecks.check(page, "search");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Remove Under $80 an hour")).click();
            assertThat(page).hasURL(Pattern.compile("/search\\?q=cello\\+tomorrow$"));
            assertThat(chips.getByRole(AriaRole.LISTITEM)).hasText(new String[] {"Cello×", "Tomorrow×"});

            // The card offers the next times, each straight to booking; the profile has all of them.
            Locator card = page.locator(".card").filter(new Locator.FilterOptions().setHasText("Cleo Marsh"));
            assertThat(card).containsText("$70 an hour");
            assertThat(card).containsText("30 or 60 minutes");
            Locator nextTimes = card.locator("ul.times a");
            assertThat(nextTimes.count()).isBetween(1, 3);
            for (int i = 0; i < nextTimes.count(); i++) {
                assertThat(nextTimes.nth(i).getAttribute("href"))
                        .startsWith("/book?instructor=" + cello.instructor().id() + "&offering=" + cello.id())
                        .contains("&start=" + tomorrow, "&duration=30");
            }
            card.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Cleo Marsh").setExact(true)).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Cleo Marsh"))).isVisible();
            assertThat(page.locator("#times")).containsText("New York time");
            PageChecks.check(page, "profile");

            // A day of the strip, then a time of that day (htmx swaps the times in; the links work without it too).
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(tomorrow.format(LONG_DATE) + ", has free times"))
                    .click();
            assertThat(page.locator(".slots")).containsText(tomorrow.format(LONG_DATE));
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Morning"))).isVisible();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Evening"))).isVisible();
            Locator tenAm = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions()
                    .setName(Pattern.compile("Book 30 minutes on .* at 10:00 AM")));
            String reviewUrl = tenAm.getAttribute("href");
            tenAm.click();

            // Not signed in: the login page, then sign-up, and back to the same choice.
            assertThat(page).hasURL(Pattern.compile("/login\\?next="));
            PageChecks.check(page, "login");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Create an account")).click();
            PageChecks.check(page, "signup");
            String email = Api.newEmail("student");
            page.getByLabel("Your name").fill("Sam Rivera");
            page.getByLabel("Email").fill(email);
            page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create account")).click();
            // The answer a registered address gets too; signing in with the new password goes on to the same choice.
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Check your email"))).isVisible();
            PageChecks.check(page, "signup-sent");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Sign in with your password")).click();
            page.getByLabel("Email").fill(email);
            page.getByLabel("Password").fill(PASSWORD);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            assertThat(page).hasURL(Pattern.compile("/book\\?"));
            assertThat(page.locator(".summary")).containsText("Cleo Marsh");
            assertThat(page.locator(".summary")).containsText(tomorrow.format(LONG_DATE));
            assertThat(page.locator(".summary")).containsText("10:00 AM – 10:30 AM");
            assertThat(page.locator(".summary")).containsText("$35");
            assertThat(page.getByText("Free cancellation")).isVisible();
            PageChecks.check(page, "review");

            // The second student opens the same time in their own browser and signs in.
            Page rivalPage = second.newPage();
            rivalPage.navigate(reviewUrl);
            rivalPage.getByLabel("Email").fill(rival.email());
            rivalPage.getByLabel("Password").fill(PASSWORD);
            rivalPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
            assertThat(rivalPage.locator(".summary")).containsText("10:00 AM – 10:30 AM");

            // The first books; the confirmation has the reference and the calendar file.
            page.getByLabel("At the instructor's studio").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Book now"))).click();
            assertThat(page).hasURL(Pattern.compile("/lessons/[0-9a-f-]{36}\\?done=booked"));
            assertThat(page.getByText("You're booked!")).isVisible();
            String reference = page.locator(".summary dd").first().textContent().strip();
            assertThat(reference).matches("[0-9A-F]{8}");
            PageChecks.check(page, "lesson-booked");
            Download ics = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                    new Page.GetByRoleOptions().setName("Add to calendar (.ics)")).click());
            String event = Files.readString(ics.path());
            String tenUtc = tomorrow.atTime(LocalTime.of(10, 0)).atZone(NEW_YORK).withZoneSameInstant(ZoneOffset.UTC)
                    .format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'"));
            assertThat(event).contains("BEGIN:VEVENT", "DTSTART:" + tenUtc, "SUMMARY:Cello lesson with Cleo Marsh",
                    "Booking " + reference);
            assertThat(ics.suggestedFilename()).isEqualTo("instainstru-lesson-" + reference + ".ics");

            // The second student is too late: no longer available, with the nearest free times to pick instead.
            rivalPage.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(Pattern.compile("^Book now"))).click();
            assertThat(rivalPage.getByText("This time is no longer available.")).isVisible();
            Locator nearest = rivalPage.locator("ul.times a");
            assertThat(nearest.first()).isVisible();
            assertThat(nearest.count()).isBetween(1, 6);
            PageChecks.check(rivalPage, "review-taken");
            assertThat(Api.gateway(rival.token()).get("/api/v1/bookings?as=student").then().statusCode(200)
                    .extract().jsonPath().getList("items.id")).isEmpty();

            // The lesson is in /lessons; cancelling it moves it to the Cancelled tab.
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("My lessons").setExact(true)).click();
            Locator lesson = page.locator(".lessons .card").filter(new Locator.FilterOptions().setHasText("Cleo Marsh"));
            assertThat(lesson).containsText("Booking " + reference);
            assertThat(lesson).containsText("At the instructor's studio");
            PageChecks.check(page, "lessons");
            lesson.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Cello with Cleo Marsh")).click();
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Cancel this lesson"))).isVisible();
            page.getByLabel(Pattern.compile("^Reason")).fill("A school concert came up");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel lesson")).click();
            assertThat(page.getByText("Your lesson has been cancelled.")).isVisible();
            PageChecks.check(page, "lesson-cancelled");
            page.navigate("/lessons");
            assertThat(page.locator(".lessons")).hasCount(0);
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Cancelled")).click();
            assertThat(page.locator(".lessons .card").filter(new Locator.FilterOptions().setHasText("Cleo Marsh")))
                    .containsText("cancelled");

            // What booking-service holds: the lesson was booked once, at the studio, and cancelled by the student.
            List<Map<String, Object>> held = gateway(cello.instructor().token()).get("/api/v1/bookings?as=instructor")
                    .then().statusCode(200).extract().jsonPath().getList("items");
            assertThat(held).hasSize(1);
            assertThat(held.get(0)).containsEntry("status", "cancelled").containsEntry("cancelledBy", "student")
                    .containsEntry("locationType", "studio").containsEntry("cancelReason", "A school concert came up");
        }
    }
}
