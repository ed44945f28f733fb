package com.instainstru.catalog.infra;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.instainstru.catalog.support.Api;
import com.instainstru.platform.test.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Public reads carry an ETag and Cache-Control; If-None-Match naming the current tag gets 304 with no body. */
@QuarkusTest
class ConditionalReadsTest {

    @Test
    void categoriesAnswer304UntilTheCatalogChangesThenTheNewContentWithANewTag() {
        Response first = given().get("/api/v1/catalog/categories");
        first.then().statusCode(200).header("ETag", startsWith("W/\"")).header("Cache-Control", equalTo("public, max-age=30"))
                .header("Vary", equalTo("Authorization, Accept-Encoding"));
        String tag = first.header("ETag");

        given().header("If-None-Match", tag).get("/api/v1/catalog/categories").then().statusCode(304)
                .header("ETag", equalTo(tag)).header("Cache-Control", equalTo("public, max-age=30"))
                .body(emptyString());
        // A list of tags, strong or weak, matches as RFC 9110 says; another tag does not.
        given().header("If-None-Match", "\"other\", " + tag.substring(2)).get("/api/v1/catalog/categories").then()
                .statusCode(304);
        given().header("If-None-Match", "W/\"other\"").get("/api/v1/catalog/categories").then().statusCode(200)
                .header("ETag", equalTo(tag));

        // A new bookable service of music changes music's count: the old tag gets the new content and its tag.
        Api.offer(Api.newInstructor("Tag Changer"), Api.newCatalogService("music", true), "45");
        Response changed = given().header("If-None-Match", tag).get("/api/v1/catalog/categories");
        changed.then().statusCode(200).header("ETag", startsWith("W/\""));
        assertThat(changed.header("ETag")).isNotEqualTo(tag);
        assertThat(changed.jsonPath().getList("slug")).contains("music");
        given().header("If-None-Match", changed.header("ETag")).get("/api/v1/catalog/categories").then().statusCode(304);
    }

    @Test
    void anInstructorsPublicProfileIsConditionalAndAChangeGivesANewTag() {
        UUID me = Api.newInstructor("Etag Person");
        Api.offer(me, Api.newCatalogService("language", true), "40");
        String tag = given().get("/api/v1/instructors/" + me).then().statusCode(200)
                .header("Cache-Control", equalTo("public, max-age=30")).extract().header("ETag");
        given().header("If-None-Match", tag).get("/api/v1/instructors/" + me).then().statusCode(304).body(emptyString());
        given().header("If-None-Match", "*").get("/api/v1/instructors/" + me).then().statusCode(304);

        Api.as(Tokens.instructor(me)).body(Map.of("name", "Etag Renamed", "areas", List.of("Queens")))
                .put("/api/v1/instructors/me").then().statusCode(200);
        String renamed = given().header("If-None-Match", tag).get("/api/v1/instructors/" + me).then().statusCode(200)
                .body("name", equalTo("Etag Renamed")).extract().header("ETag");
        assertThat(renamed).isNotEqualTo(tag);

        // The instructor's own view (paused offerings too) is theirs: conditional, but private.
        Api.as(Tokens.instructor(me)).get("/api/v1/instructors/" + me).then().statusCode(200)
                .header("Cache-Control", equalTo("private, no-cache")).header("ETag", startsWith("W/\""));
        // A missing instructor is a plain 404 problem, never a 304.
        given().header("If-None-Match", "*").get("/api/v1/instructors/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void everyPublicCatalogReadIsConditional() {
        UUID service = Api.newCatalogService("arts", true);
        Api.offer(Api.newInstructor("Every Read"), service, "50");
        for (String path : List.of("/api/v1/catalog/services", "/api/v1/catalog/services/" + service,
                "/api/v1/catalog/top-per-category", "/api/v1/catalog/all", "/api/v1/catalog/areas",
                "/api/v1/instructors?service=" + service)) {
            String tag = given().get(path).then().statusCode(200).header("Cache-Control", startsWith("public, max-age="))
                    .extract().header("ETag");
            assertThat(tag).as(path).startsWith("W/\"");
            given().header("If-None-Match", tag).get(path).then().statusCode(304).body(emptyString());
        }
    }
}
