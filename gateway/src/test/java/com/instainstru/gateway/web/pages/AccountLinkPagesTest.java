package com.instainstru.gateway.web.pages;

import static com.instainstru.gateway.support.Api.PASSWORD;
import static com.instainstru.gateway.support.Api.as;
import static com.instainstru.gateway.support.Api.json;
import static com.instainstru.gateway.support.Api.login;
import static com.instainstru.gateway.support.Api.register;
import static com.instainstru.gateway.support.Api.uniqueEmail;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import com.instainstru.gateway.support.NotificationProfile;
import com.instainstru.gateway.support.NotificationResource;
import com.instainstru.gateway.web.session.SessionCookies;
import com.instainstru.platform.test.MailDev;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The web app's side of the account emails and notification settings, as a browser without JavaScript uses them
 * (forms with their CSRF token and cookie): forgotten password → email → new password (once); the reminder setting
 * on /account; an unknown unsubscribe link; a sign-up with a registered address.
 */
@QuarkusTest
@TestProfile(NotificationProfile.class)
class AccountLinkPagesTest {

    private static final String HTML = "text/html";

    /** A browser: its cookies, and the CSRF token of the last page it read. */
    private static final class Browser {
        final Map<String, String> cookies = new HashMap<>();
        String csrf;

        Response get(String path) {
            Response page = given().accept(HTML).cookies(cookies).redirects().follow(false).get(path);
            keep(page);
            Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.asString());
            if (token.find()) {
                csrf = token.group(1);
            }
            return page;
        }

        Response post(String path, Map<String, String> form) {
            RequestSpecification request = given().accept(HTML).cookies(cookies).redirects().follow(false)
                    .contentType("application/x-www-form-urlencoded");
            form.forEach(request::formParam);
            Response answer = request.formParam("_csrf", csrf).post(path);
            keep(answer);
            return answer;
        }

        private void keep(Response response) {
            response.getDetailedCookies().asList().forEach(c -> {
                if (c.getValue().isEmpty()) {
                    cookies.remove(c.getName());
                } else {
                    cookies.put(c.getName(), c.getValue());
                }
            });
        }
    }

    /** A browser signed in with the account's password through the login page. */
    private static Browser signedIn(String email) {
        Browser browser = new Browser();
        browser.get("/login");
        browser.post("/login", Map.of("email", email, "password", PASSWORD, "next", "/account")).then().statusCode(303);
        return browser;
    }

    @Test
    void aForgottenPasswordIsResetFromTheEmailedLinkOnce() {
        String email = uniqueEmail("forgot-page");
        register(email, "student", "Pat Page");
        Browser browser = new Browser();
        browser.get("/login").then().statusCode(200).body(containsString("href=\"/forgot-password\""));
        browser.get("/forgot-password").then().statusCode(200);
        browser.post("/forgot-password", Map.of("email", email)).then().statusCode(200)
                .body(containsString("we have sent it a link"));

        String token = resetToken(email);
        // Opening the link changes nothing: a form with a button.
        browser.get("/reset-password?token=" + token).then().statusCode(200)
                .body(containsString("name=\"token\" value=\"" + token + "\""));
        login(email);

        browser.post("/reset-password", Map.of("token", token, "newPassword", "a new page password",
                "confirmPassword", "another entry")).then().statusCode(400).body(containsString("does not match"));
        browser.post("/reset-password", Map.of("token", token, "newPassword", "a new page password",
                "confirmPassword", "a new page password")).then().statusCode(303)
                .header("Location", containsString("/login?reset=1"));
        browser.get("/login?reset=1").then().statusCode(200).body(containsString("Your password has been changed"));
        browser.post("/reset-password", Map.of("token", token, "newPassword", "a third page password",
                "confirmPassword", "a third page password")).then().statusCode(400)
                .body(containsString("This link no longer works"));
        json().body(Map.of("email", email, "password", "a new page password")).post("/api/v1/auth/login").then()
                .statusCode(200);

        // Without the form's CSRF token: refused.
        given().accept(HTML).cookies(browser.cookies).contentType("application/x-www-form-urlencoded")
                .formParam("email", email).post("/forgot-password").then().statusCode(403);
    }

    @Test
    void remindersAreTurnedOffOnTheAccountPage() {
        String email = uniqueEmail("settings-page");
        register(email, "student", "Sol Settings");
        Browser browser = signedIn(email);
        browser.get("/account").then().statusCode(200).body(containsString("name=\"reminders\" value=\"on\" checked"));

        browser.post("/account/notifications", Map.of()).then().statusCode(303)
                .header("Location", containsString("/account?done=notifications"));
        browser.get("/account?done=notifications").then().statusCode(200)
                .body(containsString("Your notification settings have been saved"))
                .body(not(containsString("name=\"reminders\" value=\"on\" checked")));
        as(login(email)).get("/api/v1/notifications/preferences").then().statusCode(200)
                .body("reminders", equalTo(false));

        browser.post("/account/notifications", Map.of("reminders", "on")).then().statusCode(303);
        as(login(email)).get("/api/v1/notifications/preferences").then().statusCode(200)
                .body("reminders", equalTo(true));
    }

    @Test
    void theNameAndTimeZoneAreChangedOnTheAccountPage() {
        String email = uniqueEmail("profile-page");
        register(email, "student", "Rae Before");
        Browser browser = signedIn(email);
        browser.get("/account").then().statusCode(200).body(containsString("value=\"Rae Before\""))
                .body(containsString("<option value=\"Europe/Berlin\">Europe/Berlin</option>"));

        browser.post("/account/profile", Map.of("name", "Rae After", "timeZone", "Europe/Berlin")).then().statusCode(303)
                .header("Location", containsString("/account?done=profile"));
        browser.get("/account?done=profile").then().statusCode(200)
                .body(containsString("Your name and time zone have been saved"))
                .body(containsString("<option value=\"Europe/Berlin\" selected>"));
        as(login(email)).get("/api/v1/auth/me").then().statusCode(200).body("name", equalTo("Rae After"))
                .body("timeZone", equalTo("Europe/Berlin"));

        // A made-up zone or a blank name: the form again with what is wrong, nothing changed.
        browser.post("/account/profile", Map.of("name", "Rae Again", "timeZone", "Europe/Atlantis")).then().statusCode(400)
                .body(containsString("The time zone must be an IANA time zone"));
        browser.post("/account/profile", Map.of("name", " ", "timeZone", "Asia/Tokyo")).then().statusCode(400)
                .body(containsString("The name is required"));
        as(login(email)).get("/api/v1/auth/me").then().statusCode(200).body("name", equalTo("Rae After"))
                .body("timeZone", equalTo("Europe/Berlin"));
        // Without the form's CSRF token: refused.
        given().accept(HTML).cookies(browser.cookies).contentType("application/x-www-form-urlencoded")
                .formParam("name", "Forged").post("/account/profile").then().statusCode(403);
    }

    @Test
    void anUnknownUnsubscribeLinkSaysSoAndASecondSignUpSaysCheckYourEmail() {
        Browser browser = new Browser();
        browser.get("/unsubscribe?token=not-a-real-token").then().statusCode(200)
                .body(containsString("Unsubscribe from reminders"));
        browser.post("/unsubscribe", Map.of("token", "not-a-real-token")).then().statusCode(404)
                .body(containsString("This unsubscribe link is not valid"));

        String email = uniqueEmail("twice-page");
        register(email, "student", "Tia Twice");
        browser.get("/signup");
        browser.post("/signup", Map.of("name", "Someone Else", "email", email, "password", "not the owner's password",
                "role", "student", "next", "/")).then().statusCode(200).body(containsString("Check your email"));
        assertThat(browser.cookies).doesNotContainKey(SessionCookies.ACCESS);
    }

    @Test
    void aNewAddressSignsUpAlikeAndTheEmailedLinkConfirmsItAndSignsIn() {
        String email = uniqueEmail("new-page");
        Browser browser = new Browser();
        browser.get("/signup?next=/services");
        // The same page a registered address gets: no session yet, and the way on keeps where the visitor was going.
        browser.post("/signup", Map.of("name", "Nia Newcomer", "email", email, "password", PASSWORD, "role", "student",
                "timeZone", "Mars/Olympus", "next", "/services")).then().statusCode(400)
                .body(containsString("The time zone must be an IANA time zone such as Europe/Berlin"));
        browser.post("/signup", Map.of("name", "Nia Newcomer", "email", email, "password", PASSWORD, "role", "student",
                "timeZone", "Europe/Berlin", "next", "/services")).then().statusCode(200).body(containsString("Check your email"))
                .body(containsString("href=\"/login?next=%2Fservices\""));
        assertThat(browser.cookies).doesNotContainKey(SessionCookies.ACCESS);

        String token = emailedToken(email, "email-verification", "verify-email");
        browser.get("/verify-email?token=" + token).then().statusCode(200)
                .body(containsString("name=\"token\" value=\"" + token + "\""));
        assertThat(browser.cookies).doesNotContainKey(SessionCookies.ACCESS);
        browser.post("/verify-email", Map.of("token", token)).then().statusCode(303)
                .header("Location", containsString("/account?done=verified"));
        assertThat(browser.cookies).containsKey(SessionCookies.ACCESS);
        browser.get("/account?done=verified").then().statusCode(200)
                .body(containsString("your email address is confirmed, and you are signed in"))
                .body(containsString(email))
                .body(containsString("<option value=\"Europe/Berlin\" selected>"));

        // The link works once; another browser cannot sign in with it again.
        Browser other = new Browser();
        other.get("/verify-email?token=" + token);
        other.post("/verify-email", Map.of("token", token)).then().statusCode(400)
                .body(containsString("This link no longer works"));
        assertThat(other.cookies).doesNotContainKey(SessionCookies.ACCESS);
    }

    private static String resetToken(String email) {
        return emailedToken(email, "password-reset", "reset-password");
    }

    private static String emailedToken(String email, String kind, String page) {
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).until(() ->
                NotificationResource.inbox().messagesTo(email).stream()
                        .anyMatch(m -> kind.equals(MailDev.header(m, "X-InstaInstru-Kind"))));
        String text = NotificationResource.inbox().messagesTo(email).stream()
                .filter(m -> kind.equals(MailDev.header(m, "X-InstaInstru-Kind"))).findFirst().orElseThrow()
                .path("text").asText();
        Matcher link = Pattern.compile("/" + page + "\\?token=([A-Za-z0-9_-]{43})").matcher(text);
        assertThat(link.find()).isTrue();
        return link.group(1);
    }
}
