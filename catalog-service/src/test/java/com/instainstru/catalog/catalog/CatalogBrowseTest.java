package com.instainstru.catalog.catalog;

import static com.instainstru.catalog.support.Api.PROBLEM;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.instainstru.catalog.support.Api;
import com.instainstru.platform.test.Tokens;
import com.instainstru.platform.test.contract.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@QuarkusTest
@ExtendWith(OpenApiContract.class)
class CatalogBrowseTest {

    @Test
    void categoriesComeInDisplayOrderWithTheSeededSeven() {
        List<String> slugs = given().get("/api/v1/catalog/categories").then().statusCode(200)
                .extract().jsonPath().getList("slug");
        assertThat(slugs).containsExactly("music", "tutoring", "sports-fitness", "language", "arts", "kids",
                "hidden-gems");
    }

    @Test
    void aServiceNobodyOffersIsHiddenUntilOfferedAndHiddenAgainWhenItsOnlyInstructorPauses() {
        UUID service = Api.newCatalogService("arts", true);
        int artsBefore = bookableCount("arts");
        assertThat(serviceIds("arts")).doesNotContain(service.toString());

        UUID instructor = Api.newInstructor("Hidden Then Shown");
        Api.offer(instructor, service, "55");
        assertThat(serviceIds("arts")).contains(service.toString());
        assertThat(bookableCount("arts")).isEqualTo(artsBefore + 1);

        Api.setStatus(instructor, "pause");
        assertThat(serviceIds("arts")).doesNotContain(service.toString());
        assertThat(bookableCount("arts")).isEqualTo(artsBefore);
    }

    @Test
    void adminsCanListServicesNobodyOffersOthersCannot() {
        UUID service = Api.newCatalogService("language", true);
        List<String> all = Api.as(Tokens.admin()).queryParam("category", "language").queryParam("include", "all")
                .get("/api/v1/catalog/services").then().statusCode(200).extract().jsonPath().getList("id");
        assertThat(all).contains(service.toString());

        Api.as(Tokens.instructor(UUID.randomUUID())).queryParam("include", "all").get("/api/v1/catalog/services")
                .then().statusCode(403).contentType(PROBLEM);
        given().queryParam("include", "all").get("/api/v1/catalog/services").then().statusCode(403).contentType(PROBLEM);
        given().queryParam("include", "everything").get("/api/v1/catalog/services").then().statusCode(400)
                .contentType(PROBLEM).body("errors[0].field", equalTo("include"));
    }

    @Test
    void oddQueryTextIsAClientErrorNeverAServerError() {
        for (String odd : java.util.List.of("\u0000", "'; DROP TABLE category;--", "%_%", "音楽", "🎹")) {
            int status = given().queryParam("category", odd).get("/api/v1/catalog/services").then().contentType(PROBLEM)
                    .extract().statusCode();
            assertThat(status).isBetween(400, 499);
        }
    }

    @Test
    void unknownCategoryIsNotFound() {
        given().queryParam("category", "no-such-category").get("/api/v1/catalog/services")
                .then().statusCode(404).contentType(PROBLEM).body("detail", equalTo("category no-such-category does not exist"));
    }

    @Test
    void aServiceIsFoundByIdAndBySlugWithItsInstructorCountAndPriceRange() {
        UUID service = Api.newCatalogService("music", true);
        Api.offer(Api.newInstructor("Rate Forty"), service, "40");
        Api.offer(Api.newInstructor("Rate Eighty"), service, "80.50");
        String slug = given().get("/api/v1/catalog/services/" + service).then().statusCode(200)
                .body("instructorCount", equalTo(2))
                .body("priceRange.min", equalTo(40.0f)).body("priceRange.max", equalTo(80.5f))
                .body("priceRange.currency", equalTo("USD"))
                .body("categorySlug", equalTo("music")).extract().path("slug");
        given().get("/api/v1/catalog/services/" + slug).then().statusCode(200).body("id", equalTo(service.toString()));
        given().get("/api/v1/catalog/services/piano").then().statusCode(200).body("name", equalTo("Piano"))
                .body("id", equalTo(CatalogService.idForSlug("piano").toString()));
        given().get("/api/v1/catalog/services/" + UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void topPerCategoryListsEveryCategoryWithAtMostNBookableServices() {
        UUID service = Api.newCatalogService("kids", true);
        Api.offer(Api.newInstructor("Kids Teacher"), service, "45");
        JsonPath top = given().queryParam("limit", 3).get("/api/v1/catalog/top-per-category").then().statusCode(200)
                .extract().jsonPath();
        List<String> categories = top.getList("slug");
        assertThat(categories).hasSize(7).containsSubsequence("music", "tutoring", "kids");
        for (int i = 0; i < categories.size(); i++) {
            assertThat(top.getList("[" + i + "].services")).hasSizeLessThanOrEqualTo(3);
            List<Integer> counts = top.getList("[" + i + "].services.instructorCount");
            assertThat(counts).allMatch(c -> c > 0);
        }
        assertThat(top.getList("find { it.slug == 'kids' }.services.id", String.class)).isNotEmpty();
    }

    @Test
    void topPerCategoryRejectsALimitOutOfRange() {
        for (String bad : List.of("0", "51", "abc", "-1", "99999999999")) {
            given().queryParam("limit", bad).get("/api/v1/catalog/top-per-category").then().statusCode(400)
                    .contentType(PROBLEM).body("errors[0].field", equalTo("limit"));
        }
    }

    @Test
    void theFullCatalogHasEveryCategoryAndCountsOnEachService() {
        UUID service = Api.newCatalogService("tutoring", true);
        Api.offer(Api.newInstructor("Full Catalog"), service, "70");
        JsonPath all = given().get("/api/v1/catalog/all").then().statusCode(200).extract().jsonPath();
        assertThat(all.getList("categories.slug")).hasSize(7);
        Map<String, Object> mine = all.getMap("categories.find { it.slug == 'tutoring' }.services.find { it.id == '"
                + service + "' }");
        assertThat(mine).containsEntry("instructorCount", 1);
        assertThat(all.getInt("serviceCount")).isPositive();
        List<Integer> counts = all.getList("categories.services.flatten().instructorCount");
        assertThat(counts).allMatch(c -> c > 0);

        int everything = Api.as(Tokens.admin()).queryParam("include", "all").get("/api/v1/catalog/all")
                .then().statusCode(200).extract().path("serviceCount");
        assertThat(everything).isGreaterThanOrEqualTo(250);
    }

    @Test
    void areasListTheFiveBoroughs() {
        given().get("/api/v1/catalog/areas").then().statusCode(200).body("name",
                org.hamcrest.Matchers.contains("Manhattan", "Brooklyn", "Queens", "Bronx", "Staten Island"));
    }

    @Test
    void unknownRoutesAndMethodsAnswerProblems() {
        given().get("/api/v1/catalog/nothing-here").then().statusCode(404).contentType(PROBLEM);
        given().delete("/api/v1/catalog/categories").then().statusCode(405).contentType(PROBLEM);
    }

    private static List<String> serviceIds(String category) {
        return given().queryParam("category", category).get("/api/v1/catalog/services").then().statusCode(200)
                .extract().jsonPath().getList("id");
    }

    private static int bookableCount(String category) {
        return given().get("/api/v1/catalog/categories").then().statusCode(200).extract().jsonPath()
                .getInt("find { it.slug == '" + category + "' }.serviceCount");
    }
}
