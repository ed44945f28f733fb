package com.instainstru.catalog.catalog;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.instainstru.catalog.support.Api;
import com.instainstru.platform.test.Tokens;
import com.instainstru.platform.test.contract.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What an instructor can choose to teach: every active service, offered by someone or not yet; never a retired one. */
@QuarkusTest
@ExtendWith(OpenApiContract.class)
class OfferableServicesTest {

    @Test
    void offerableListsEveryActiveServiceAndFollowsChanges() {
        // Read first, so the cached answer must be invalidated by the changes below.
        int before = offerable().size();
        UUID fresh = Api.newCatalogService("music", true);
        UUID retired = Api.newCatalogService("music", true);
        Api.as(Tokens.admin()).delete("/api/v1/catalog/services/" + retired).then().statusCode(204);

        List<String> ids = offerable();
        assertThat(ids).contains(fresh.toString()).doesNotContain(retired.toString()).hasSize(before + 1);
        assertThat(given().get("/api/v1/catalog/all").then().statusCode(200).extract().jsonPath()
                .getList("categories.services.flatten().id", String.class)).doesNotContain(fresh.toString());
        int every = Api.as(Tokens.admin()).queryParam("include", "all").get("/api/v1/catalog/all").then().statusCode(200)
                .extract().path("serviceCount");
        assertThat(every).isGreaterThan(ids.size());
    }

    private static List<String> offerable() {
        return given().queryParam("include", "offerable").get("/api/v1/catalog/all").then().statusCode(200)
                .extract().jsonPath().getList("categories.services.flatten().id", String.class);
    }
}
