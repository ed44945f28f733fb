package com.instainstru.gateway.web.pages;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What a page's head asks of the browser before its first paint: one stylesheet (cached a year under its hash),
 * nothing inline; htmx only on the pages that use it, deferred. No service runs here (the login page and the
 * blank search page need none).
 */
@QuarkusTest
class PageHeadTest {

    private static final Pattern STYLESHEET = Pattern.compile("<link rel=\"stylesheet\" href=\"(/static/app\\.[0-9a-f]{12}\\.css)\">");

    @Test
    void theStylesheetIsOneCachedFileAndNothingInlineIsAllowed() {
        Response page = given().accept("text/html").get("/login");
        assertThat(page.statusCode()).isEqualTo(200);
        Matcher css = STYLESHEET.matcher(page.asString());
        assertThat(css.find()).as("the stylesheet is linked by its content's hash").isTrue();
        assertThat(page.asString()).doesNotContain("<style");
        given().get(css.group(1)).then().statusCode(200).header("Cache-Control", "public, max-age=31536000, immutable");
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self';", "style-src 'self';")
                .doesNotContain("unsafe-inline");
    }

    @Test
    void htmxComesOnlyWithThePagesThatUseItAndNeverBlocksThePaint() {
        String login = given().accept("text/html").get("/login").asString();
        assertThat(login).doesNotContain("<script").doesNotContain("htmx-config");
        String search = given().accept("text/html").get("/search").asString();
        assertThat(search).containsPattern("<script src=\"/static/htmx\\.[0-9a-f]{12}\\.js\" defer></script>")
                .contains("<meta name=\"htmx-config\"");
    }
}
