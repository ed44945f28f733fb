package com.instainstru.catalog.catalog;

import static com.instainstru.catalog.support.Api.PROBLEM;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import com.instainstru.catalog.support.Api;
import com.instainstru.platform.test.Tokens;
import com.instainstru.platform.test.contract.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@QuarkusTest
@ExtendWith(OpenApiContract.class)
class CatalogAdminTest {

    private static Map<String, Object> definition(String slug) {
        Map<String, Object> body = new HashMap<>();
        body.put("category", "music");
        body.put("name", "Harpsichord " + slug);
        body.put("slug", slug);
        body.put("onlineCapable", true);
        body.put("searchTerms", List.of("Harpsichord", "harpsichord", "baroque keyboard"));
        return body;
    }

    @Test
    void anAdminAddsAServiceAndItAnswersAtItsLocation() {
        String slug = Api.uniqueSlug("harpsichord");
        String location = Api.as(Tokens.admin()).body(definition(slug)).post("/api/v1/catalog/services")
                .then().statusCode(201).header("Location", startsWith("http"))
                .body("slug", equalTo(slug)).body("searchTerms", equalTo(List.of("harpsichord", "baroque keyboard")))
                .extract().header("Location");
        given().get(location).then().statusCode(200).body("slug", equalTo(slug)).body("instructorCount", equalTo(0));
    }

    @Test
    void theSlugIsDerivedFromTheNameWhenAbsent() {
        Map<String, Object> body = definition(null);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        body.remove("slug");
        body.put("name", "Théorbe Ensemble " + suffix);
        Api.as(Tokens.admin()).body(body).post("/api/v1/catalog/services").then().statusCode(201)
                .body("slug", equalTo("theorbe-ensemble-" + suffix));
    }

    @Test
    void aTakenSlugIsAConflictAndNothingChanges() {
        Api.as(Tokens.admin()).body(definition("piano")).post("/api/v1/catalog/services").then().statusCode(409)
                .contentType(PROBLEM);
        given().get("/api/v1/catalog/services/piano").then().statusCode(200).body("name", equalTo("Piano"));
    }

    @Test
    void invalidDefinitionsAreRejectedFieldByField() {
        Map<String, Map<String, Object>> cases = new HashMap<>();
        Map<String, Object> noName = definition(Api.uniqueSlug("x"));
        noName.remove("name");
        cases.put("name", noName);
        Map<String, Object> badCategory = definition(Api.uniqueSlug("x"));
        badCategory.put("category", "cooking");
        cases.put("category", badCategory);
        Map<String, Object> badSlug = definition("Not A Slug!");
        cases.put("slug", badSlug);
        Map<String, Object> longName = definition(Api.uniqueSlug("x"));
        longName.put("name", "n".repeat(121));
        cases.put("name ", longName);
        Map<String, Object> noOnline = definition(Api.uniqueSlug("x"));
        noOnline.remove("onlineCapable");
        cases.put("onlineCapable", noOnline);
        cases.forEach((field, body) -> Api.as(Tokens.admin()).body(body).post("/api/v1/catalog/services")
                .then().statusCode(400).contentType(PROBLEM).body("errors.field", hasItem(field.strip())));
        List<String> names = Api.as(Tokens.admin()).queryParam("include", "all").get("/api/v1/catalog/services")
                .then().extract().jsonPath().getList("name");
        assertThat(names).noneMatch(n -> n.equals("n".repeat(121)));
    }

    @Test
    void onlyAdminsChangeTheCatalog() {
        String slug = Api.uniqueSlug("nope");
        Api.as(Tokens.instructor(UUID.randomUUID())).body(definition(slug)).post("/api/v1/catalog/services")
                .then().statusCode(403).contentType(PROBLEM);
        Api.as(Tokens.student(UUID.randomUUID())).body(definition(slug)).post("/api/v1/catalog/services")
                .then().statusCode(403).contentType(PROBLEM);
        given().contentType("application/json").body(definition(slug)).post("/api/v1/catalog/services")
                .then().statusCode(401).contentType(PROBLEM).header("WWW-Authenticate", "Bearer");
        given().get("/api/v1/catalog/services/" + slug).then().statusCode(404);
    }

    @Test
    void anAdminEditsAServiceAndTheEditIsVisible() {
        UUID id = Api.newCatalogService("arts", false);
        Map<String, Object> edit = definition(Api.uniqueSlug("renamed"));
        edit.put("category", "arts");
        edit.put("name", "Renamed Service");
        Api.as(Tokens.admin()).body(edit).put("/api/v1/catalog/services/" + id).then().statusCode(200)
                .body("name", equalTo("Renamed Service"));
        given().get("/api/v1/catalog/services/" + id).then().statusCode(200).body("name", equalTo("Renamed Service"));
        Api.as(Tokens.admin()).body(edit).put("/api/v1/catalog/services/" + UUID.randomUUID()).then().statusCode(404);
        Api.as(Tokens.admin()).body(edit).put("/api/v1/catalog/services/not-a-uuid").then().statusCode(400)
                .contentType(PROBLEM);
    }

    @Test
    void anOfferedServiceCannotBeRemovedAnUnofferedOneIsRetired() {
        UUID offered = Api.newCatalogService("music", true);
        Api.offer(Api.newInstructor("Keeps It Alive"), offered, "50");
        Api.as(Tokens.admin()).delete("/api/v1/catalog/services/" + offered).then().statusCode(409).contentType(PROBLEM);
        given().get("/api/v1/catalog/services/" + offered).then().statusCode(200);

        UUID unoffered = Api.newCatalogService("music", true);
        given().get("/api/v1/catalog/services/" + unoffered).then().statusCode(200);
        Api.as(Tokens.admin()).delete("/api/v1/catalog/services/" + unoffered).then().statusCode(204);
        given().get("/api/v1/catalog/services/" + unoffered).then().statusCode(404);
        Api.as(Tokens.instructor(UUID.randomUUID())).delete("/api/v1/catalog/services/" + offered).then().statusCode(403);
    }
}
