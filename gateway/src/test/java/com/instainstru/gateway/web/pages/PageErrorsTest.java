package com.instainstru.gateway.web.pages;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import com.instainstru.gateway.web.session.SessionCookies;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The platform's problem mappers answer every failure of a REST endpoint, the pages' included: on a page's
 * address the visitor still gets a friendly HTML page with the right status (never problem+json or a stack
 * trace), while the API beside it keeps answering problem+json. No service runs here (catalog is unreachable).
 */
@QuarkusTest
class PageErrorsTest {

    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Test
    void anUnknownPageIsAFriendly404Page() {
        Response page = browserGet("/no-such-page");
        assertFriendly(page, 404, "There is no page at this address");
        assertThat(page.asString()).contains("<h1>We couldn&#39;t find that page</h1>");
    }

    @Test
    void aPagesOwnRefusalsArePagesWithTheirStatus() {
        assertFriendly(browserGet("/instructors/not-an-id"), 404, "no instructor at this address");
        // Not the canonical 8-4-4-4-12 form: no id, as in the API (UUID.fromString alone would take it).
        assertFriendly(browserGet("/instructors/1-1-1-1-1"), 404, "no instructor at this address");
        assertFriendly(browserGet("/instructors/" + UUID.randomUUID() + "?date=tomorrow"), 400, "is not a date");
        assertFriendly(browserGet("/instructors/" + UUID.randomUUID() + "?duration=999"), 400, "between 15 and 240");
        assertFriendly(browserGet("/search?q=piano&shown=lots"), 400, "must be a number");
    }

    @Test
    void aPageWhoseServiceIsDownSaysSoWithA503Page() {
        assertFriendly(browserGet("/instructors/" + UUID.randomUUID()), 503, "can't be shown right now");
    }

    @Test
    void aPageThatNeedsASessionSendsTheVisitorToSignIn() {
        given().accept(BROWSER_ACCEPT).redirects().follow(false).get("/lessons")
                .then().statusCode(303).header("Location", endsWith("/login?next=%2Flessons"));
    }

    @Test
    void aWrongMethodOrBodyOnAPageIsAPageTooPastTheCsrfCheck() {
        Response login = browserGet("/login");
        assertThat(login.statusCode()).isEqualTo(200);
        String cookie = login.cookie(SessionCookies.CSRF);
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(login.asString());
        assertThat(cookie).isNotNull();
        assertThat(token.find()).as("the login form carries its CSRF token").isTrue();

        Response wrongMethod = given().accept(BROWSER_ACCEPT).cookie(SessionCookies.CSRF, cookie)
                .header("X-CSRF-Token", token.group(1)).delete("/login");
        assertFriendly(wrongMethod, 405, "can't be used that way");

        Response jsonToAForm = given().accept(BROWSER_ACCEPT).cookie(SessionCookies.CSRF, cookie)
                .header("X-CSRF-Token", token.group(1)).contentType("application/json")
                .body("{\"email\":\"a@example.com\",\"email\":\"b@example.com\"}").post("/login");
        assertFriendly(jsonToAForm, 415, "only takes its own form");
    }

    @Test
    void theApiBesideThePagesKeepsAnsweringProblemJson() {
        given().accept(BROWSER_ACCEPT).get("/api/v1/no-such-thing").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://instainstru.com/problems/http-404"))
                .body("instance", equalTo("/api/v1/no-such-thing"));
        // The proxy's own refusals (no route under a service's prefix) are the same problem as the REST layer's.
        given().get("/api/v1/catalog/no-such-thing").then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("https://instainstru.com/problems/http-404"));
        given().delete("/api/v1/catalog/categories").then().statusCode(405).contentType("application/problem+json")
                .body("type", equalTo("https://instainstru.com/problems/http-405"));
        given().contentType("application/json").body("{\"refreshToken\":\"a\",\"refreshToken\":\"b\"}")
                .post("/api/v1/auth/refresh").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://instainstru.com/problems/validation"))
                .body("errors[0].field", equalTo("refreshToken"))
                .body("detail", containsString("more than once"));
    }

    private static Response browserGet(String path) {
        return given().accept(BROWSER_ACCEPT).redirects().follow(false).get(path);
    }

    private static void assertFriendly(Response page, int status, String says) {
        String body = page.asString().replace("&#39;", "'");
        assertThat(page.statusCode()).as(body).isEqualTo(status);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(body).contains("<p class=\"status\">Error " + status + "</p>", says, "Go to the home page")
                .doesNotContain("Exception", "at com.instainstru", "\"type\"");
    }
}
