package com.instainstru.e2e;

import static com.instainstru.e2e.Api.PASSWORD;
import static com.instainstru.e2e.Api.gateway;
import static org.assertj.core.api.Assertions.assertThat;

import com.instainstru.e2e.Api.Offering;
import com.instainstru.e2e.Api.User;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The browser session and its guards, seen as the browser's HTTP: HttpOnly SameSite=Lax cookies holding the
 * API's tokens, refreshed silently (also when requests race), ended by sign-out for good; every form post
 * refused without its CSRF token and nothing changed; the JSON API never taking the cookie.
 */
class WebSessionsTest {

    @RegisterExtension
    static final Platform PLATFORM = Platform.shared();

    @Test
    void signingInSetsHttpOnlyLaxCookiesThatOnlyThePagesRead() {
        User student = Api.signUp("student", "Ivy Chen");
        WebClient browser = new WebClient();
        String token = WebClient.csrfToken(browser.get("/login"));
        HttpResponse<String> signedIn = browser.post("/login", Map.of("_csrf", token, "email", student.email(),
                "password", PASSWORD, "next", "/lessons"));

        assertThat(signedIn.statusCode()).isEqualTo(303);
        assertThat(location(signedIn)).isEqualTo("/lessons");
        List<String> cookies = WebClient.setCookies(signedIn);
        assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("ii_access=").containsIgnoringCase("HttpOnly").contains("SameSite=Lax", "Path=/"));
        assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("ii_refresh=").containsIgnoringCase("HttpOnly").contains("SameSite=Lax"));
        // Loopback: not Secure (gateway.web.secure-cookies=auto), so http://127.0.0.1 works locally.
        assertThat(cookies).noneSatisfy(c -> assertThat(c).contains("Secure"));
        assertThat(browser.get("/lessons").statusCode()).isEqualTo(200);

        // The API takes bearer tokens only: the session cookie is not a way in (it would open the API to CSRF).
        String access = browser.cookies().get("ii_access");
        assertThat(gateway(null).header("Cookie", "ii_access=" + access).get("/api/v1/auth/me").statusCode()).isEqualTo(401);
        assertThat(gateway(access).get("/api/v1/auth/me").statusCode()).isEqualTo(200);
    }

    @Test
    void formsWithoutTheirCsrfTokenAreRefusedAndChangeNothing() {
        Offering flute = Api.instructorOffering("Finn Hale", "flute", 50, List.of(60), List.of("online"));
        User student = Api.signUp("student", "Noor Aziz");
        String start = LocalDate.now(Api.NEW_YORK).plusDays(2).atTime(LocalTime.of(11, 0)).atZone(Api.NEW_YORK)
                .toOffsetDateTime().toString();
        String bookingId = gateway(student.token()).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("instructorId", flute.instructor().id(), "instructorServiceId", flute.id(), "startTime", start,
                        "durationMinutes", 60, "locationType", "online"))
                .post("/api/v1/bookings").then().statusCode(201).extract().path("id");
        WebClient browser = new WebClient().signIn(student.email(), PASSWORD);
        String token = WebClient.csrfToken(browser.get("/lessons/" + bookingId));

        // No token, another browser's token, a token without its cookie: 403 pages.
        assertRefused(browser.post("/lessons/" + bookingId + "/cancel", Map.of("reason", "csrf")));
        WebClient other = new WebClient();
        String othersToken = WebClient.csrfToken(other.get("/login"));
        assertRefused(browser.post("/lessons/" + bookingId + "/cancel", Map.of("_csrf", othersToken, "reason", "csrf")));
        assertRefused(browser.post("/logout", Map.of()));
        WebClient stranger = new WebClient();
        assertRefused(stranger.post("/login", Map.of("_csrf", token, "email", student.email(), "password", PASSWORD)));
        assertThat(stranger.cookies()).doesNotContainKey("ii_access");

        // Nothing changed: the lesson is confirmed and the session still works.
        assertThat(gateway(student.token()).get("/api/v1/bookings/" + bookingId).then().statusCode(200)
                .extract().<String>path("status")).isEqualTo("confirmed");
        assertThat(browser.get("/lessons").statusCode()).isEqualTo(200);

        // With its token the same form works.
        HttpResponse<String> cancelled = browser.post("/lessons/" + bookingId + "/cancel", Map.of("_csrf", token, "reason", "ok"));
        assertThat(cancelled.statusCode()).isEqualTo(303);
        assertThat(gateway(student.token()).get("/api/v1/bookings/" + bookingId).then().statusCode(200)
                .extract().<String>path("status")).isEqualTo("cancelled");
    }

    @Test
    void anExpiredAccessTokenIsRefreshedSilentlyEvenWhenRequestsRace() {
        User student = Api.signUp("student", "Omar Diaz");
        String refresh = gateway(null).body(Map.of("email", student.email(), "password", PASSWORD))
                .post("/api/v1/auth/login").then().statusCode(200).extract().path("refreshToken");
        String expired = WebClient.expiredAccessToken(student.id(), "student");
        List<WebClient> tabs = List.of(new WebClient(), new WebClient(), new WebClient());
        tabs.forEach(tab -> {
            tab.cookies().put("ii_access", expired);
            tab.cookies().put("ii_refresh", refresh);
        });

        // Three requests of the same browser at once with the same spent-to-be refresh token: all signed in.
        List<HttpResponse<String>> answers = tabs.stream()
                .map(tab -> CompletableFuture.supplyAsync(() -> tab.get("/lessons"))).toList()
                .stream().map(CompletableFuture::join).toList();
        assertThat(answers).allSatisfy(a -> assertThat(a.statusCode()).isEqualTo(200));
        assertThat(tabs).allSatisfy(tab -> assertThat(tab.cookies().get("ii_access")).isNotEqualTo(expired));
        String renewed = tabs.get(0).cookies().get("ii_refresh");
        assertThat(renewed).isNotEqualTo(refresh);
        assertThat(tabs).allSatisfy(tab -> assertThat(tab.cookies().get("ii_refresh")).isEqualTo(renewed));

        // The sign-in was not taken for stolen: the new refresh token still works.
        gateway(null).body(Map.of("refreshToken", renewed)).post("/api/v1/auth/refresh").then().statusCode(200);
    }

    @Test
    void aGarbageOrEndedSessionLeadsToTheLoginPageAndBack() {
        WebClient browser = new WebClient();
        browser.cookies().put("ii_access", "not.a.token");
        browser.cookies().put("ii_refresh", "garbage");
        HttpResponse<String> lessons = browser.get("/lessons?tab=past");

        assertThat(lessons.statusCode()).isEqualTo(303);
        assertThat(location(lessons)).isEqualTo("/login?next=%2Flessons%3Ftab%3Dpast&expired=1");
        assertThat(WebClient.setCookies(lessons)).anySatisfy(c -> assertThat(c).startsWith("ii_access=;").contains("Max-Age=0"));
        assertThat(browser.cookies()).doesNotContainKeys("ii_access", "ii_refresh");
        HttpResponse<String> login = browser.get(location(lessons));
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("Your session has expired");

        // Signing in from there returns to the page asked for.
        User student = Api.signUp("student", "Lena Park");
        HttpResponse<String> back = browser.post("/login", Map.of("_csrf", WebClient.csrfToken(login),
                "email", student.email(), "password", PASSWORD, "next", "/lessons?tab=past"));
        assertThat(location(back)).isEqualTo("/lessons?tab=past");
        // ... but never to another site.
        HttpResponse<String> offsiteOwn = browser.post("/login", Map.of("_csrf", WebClient.csrfToken(browser.get("/login")),
                "email", student.email(), "password", PASSWORD, "next", "//evil.example/steal"));
        assertThat(location(offsiteOwn)).isEqualTo("/");
    }

    @Test
    void signingOutRevokesTheSessionForGood() {
        User student = Api.signUp("student", "Theo Grant");
        WebClient browser = new WebClient().signIn(student.email(), PASSWORD);
        String refresh = browser.cookies().get("ii_refresh");
        String token = WebClient.csrfToken(browser.get("/account"));

        HttpResponse<String> out = browser.post("/logout", Map.of("_csrf", token));

        assertThat(out.statusCode()).isEqualTo(303);
        assertThat(browser.cookies()).doesNotContainKeys("ii_access", "ii_refresh");
        gateway(null).body(Map.of("refreshToken", refresh)).post("/api/v1/auth/refresh").then().statusCode(401);
        WebClient replay = new WebClient();
        replay.cookies().put("ii_refresh", refresh);
        assertThat(replay.get("/account").statusCode()).isEqualTo(303);
    }

    /** Where a redirect leads on this site (Quarkus writes Location as an absolute URL). */
    private static String location(HttpResponse<String> answer) {
        String location = answer.headers().firstValue("location").orElseThrow(() -> new AssertionError("no Location"));
        return location.startsWith(Platform.shared().gatewayUrl()) ? location.substring(Platform.shared().gatewayUrl().length())
                : location;
    }

    private static void assertRefused(HttpResponse<String> answer) {
        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.headers().firstValue("content-type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(answer.body()).contains("This form has expired");
    }
}
