package com.instainstru.gateway.routing;

import static com.instainstru.gateway.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.instainstru.gateway.support.PlatformProfile;
import com.instainstru.platform.test.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Conditional reads work through the proxy: the client's If-None-Match reaches the service, and its 304 with the
 * ETag and Cache-Control comes back with no body; the gateway's own homepage answers the same way.
 */
@QuarkusTest
@TestProfile(PlatformProfile.class)
class ConditionalReadsTest {

    @Test
    void aServicesETagAnd304PassThroughTheGateway() {
        String tag = given().get("/api/v1/catalog/categories").then().statusCode(200)
                .header("ETag", startsWith("W/\"")).header("Cache-Control", startsWith("public, max-age="))
                .extract().header("ETag");
        given().header("If-None-Match", tag).get("/api/v1/catalog/categories").then().statusCode(304)
                .header("ETag", equalTo(tag)).body(emptyString());
    }

    @Test
    void aChangedProfileAnswersTheOldTagWithTheNewContent() {
        UUID me = UUID.randomUUID();
        as(Tokens.instructor(me)).body(Map.of("name", "Gateway Tag", "areas", List.of("Brooklyn"), "teachesOnline", true))
                .put("/api/v1/instructors/me").then().statusCode(201);
        String tag = given().get("/api/v1/instructors/" + me).then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", tag).get("/api/v1/instructors/" + me).then().statusCode(304).body(emptyString());

        as(Tokens.instructor(me)).body(Map.of("name", "Gateway Tag Renamed", "areas", List.of("Queens")))
                .put("/api/v1/instructors/me").then().statusCode(200);
        String renamed = given().header("If-None-Match", tag).get("/api/v1/instructors/" + me).then().statusCode(200)
                .body("name", equalTo("Gateway Tag Renamed")).extract().header("ETag");
        assertThat(renamed).isNotEqualTo(tag);
    }

    @Test
    void theHomepageIsConditional() {
        given().get("/api/v1/home").then().statusCode(200).header("Cache-Control", startsWith("public, max-age="))
                .header("ETag", startsWith("W/\""));
        // The page is assembled anew every few seconds (with its generatedAt): a tag is current until then.
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            String tag = given().get("/api/v1/home").then().statusCode(200).extract().header("ETag");
            var again = given().header("If-None-Match", tag).get("/api/v1/home");
            return again.statusCode() == 304 && tag.equals(again.header("ETag")) && again.asString().isEmpty();
        });
    }
}
