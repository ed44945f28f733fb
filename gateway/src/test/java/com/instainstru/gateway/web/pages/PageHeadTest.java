package com.instainstru.gateway.web.pages;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What a page's head asks of the browser before its first paint: the stylesheet inside the page, allowed by the
 * Content-Security-Policy by its hash and nothing else inline; htmx only on the pages that use it, deferred.
 * No service runs here (the login page and the blank search page need none).
 */
@QuarkusTest
class PageHeadTest {

    private static final Pattern STYLE = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL);
    private static final Pattern STYLE_SRC = Pattern.compile("style-src ([^;]+);");

    @Test
    void theInlineStylesheetIsAllowedByItsHashAndNothingElseInline() throws Exception {
        Response page = given().accept("text/html").get("/login");
        assertThat(page.statusCode()).isEqualTo(200);
        Matcher style = STYLE.matcher(page.asString());
        assertThat(style.find()).as("the stylesheet is inside the page").isTrue();
        assertThat(style.group(1)).contains(":root {", ".site-header");
        assertThat(style.find()).as("one style element").isFalse();
        assertThat(page.asString()).doesNotContain("rel=\"stylesheet\"");

        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(STYLE.matcher(page.asString()).results().findFirst().orElseThrow().group(1)
                        .getBytes(StandardCharsets.UTF_8)));
        Matcher styleSrc = STYLE_SRC.matcher(page.header("Content-Security-Policy"));
        assertThat(styleSrc.find()).isTrue();
        assertThat(styleSrc.group(1)).isEqualTo("'self' 'sha256-" + hash + "'");
        assertThat(page.header("Content-Security-Policy")).contains("script-src 'self';").doesNotContain("unsafe-inline");
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
