package com.instainstru.catalog.infra;

import static com.instainstru.catalog.support.Api.PROBLEM;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.instainstru.platform.test.contract.OpenApiContract;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 15's wire conventions at a service (the platform's, the same in every service): answers gzipped to a client
 * that accepts it and plain to one that does not; an unknown query parameter on the JSON API refused with a 400
 * naming it and the parameters the operation takes.
 */
@QuarkusTest
@ExtendWith(OpenApiContract.class)
class WireConventionsTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @TestHTTPResource("/api/v1/catalog/categories")
    URL categories;

    @Test
    void answersAreGzippedOnlyForAClientThatAcceptsIt() throws Exception {
        HttpResponse<byte[]> zipped = HTTP.send(HttpRequest.newBuilder(URI.create(categories.toString()))
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        byte[] unzipped = new GZIPInputStream(new ByteArrayInputStream(zipped.body())).readAllBytes();
        assertThat(new ObjectMapper().readTree(unzipped).findValuesAsText("slug")).contains("music");

        HttpResponse<byte[]> plain = HTTP.send(HttpRequest.newBuilder(URI.create(categories.toString())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(plain.body()).isEqualTo(unzipped);
        // Either way the answer says it varies with Accept-Encoding, so a shared cache keeps the two apart.
        assertThat(zipped.headers().allValues("Vary")).anyMatch(vary -> vary.contains("Accept-Encoding"));
        assertThat(plain.headers().allValues("Vary")).anyMatch(vary -> vary.contains("Accept-Encoding"));
    }

    @Test
    void anUnknownQueryParameterIsRefusedNamingItAndTheOperationsOwn() {
        given().queryParam("category", "music").queryParam("catgory", "music").get("/api/v1/catalog/services")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", endsWith("/validation"))
                .body("errors", hasSize(1)).body("errors[0].field", equalTo("catgory"))
                .body("detail", allOf(containsString("catgory"), containsString("category, include")));
        given().queryParam("limit", "3").get("/api/v1/catalog/categories").then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo("limit"))
                .body("detail", containsString("takes no query parameters"));
        // The operation's own parameters still work.
        given().queryParam("category", "music").get("/api/v1/catalog/services").then().statusCode(200);
    }
}
