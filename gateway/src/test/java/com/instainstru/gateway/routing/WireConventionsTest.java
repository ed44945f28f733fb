package com.instainstru.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.instainstru.gateway.support.PlatformProfile;
import com.instainstru.gateway.support.PlatformResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/**
 * Issue 15's wire conventions through the gateway in front of the real services, with a client that does not decode
 * anything for us: answers are gzipped to a client that accepts it and plain to one that does not, the proxied ones
 * once (the service's encoding passed through, not encoded again) with a Content-Length that fits; and an unknown
 * query parameter on the JSON API is a 400 problem naming it, the owning service's answer, while the web pages take
 * whatever a link adds ({@code utm_source}).
 */
@QuarkusTest
@TestProfile(PlatformProfile.class)
class WireConventionsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @TestHTTPResource("/")
    URL gateway;

    @Test
    void aProxiedAnswerIsGzippedOnceForAClientThatAcceptsItAndPlainForOneThatDoesNot() throws Exception {
        HttpResponse<byte[]> zipped = get(gateway("/api/v1/catalog/categories"), "gzip, deflate");
        assertThat(zipped.statusCode()).isEqualTo(200);
        assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertLengthFits(zipped);
        assertThat(json(gunzip(zipped.body())).findValuesAsText("slug")).contains("music", "language");

        HttpResponse<byte[]> plain = get(gateway("/api/v1/catalog/categories"), null);
        assertThat(plain.statusCode()).isEqualTo(200);
        assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
        assertLengthFits(plain);
        assertThat(json(plain.body()).findValuesAsText("slug")).contains("music", "language");
        assertThat(gunzip(zipped.body())).isEqualTo(plain.body());
        // A shared cache keeps the two apart, and the gateway does not say it twice.
        assertThat(varies(zipped)).isEqualTo(1);
        assertThat(varies(plain)).isEqualTo(1);
    }

    @Test
    void aClientAskingForHttp2GetsHttp11AnswersEncodedOnce() throws Exception {
        HttpClient h2c = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).connectTimeout(Duration.ofSeconds(5)).build();
        for (String path : List.of("/api/v1/catalog/categories", "/")) {
            HttpResponse<byte[]> zipped = h2c.send(HttpRequest.newBuilder(gateway(path)).header("Accept-Encoding", "gzip")
                    .build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(zipped.version()).as(path).isEqualTo(HttpClient.Version.HTTP_1_1);
            assertThat(zipped.headers().firstValue("Content-Encoding")).as(path).hasValue("gzip");
            String body = new String(gunzip(zipped.body()), StandardCharsets.UTF_8);
            assertThat(body).as(path).startsWith(path.equals("/") ? "<!" : "[");
        }
    }

    @Test
    void aServiceGzipsItsOwnAnswersAndProblems() throws Exception {
        HttpResponse<byte[]> zipped = get(URI.create(PlatformResource.catalogUrl + "/api/v1/catalog/categories"), "gzip");
        assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(json(gunzip(zipped.body())).findValuesAsText("slug")).contains("music");

        HttpResponse<byte[]> problem = get(gateway("/api/v1/catalog/services/no-such-service"), "gzip");
        assertThat(problem.statusCode()).isEqualTo(404);
        assertThat(problem.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(problem.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(json(gunzip(problem.body())).path("status").asInt()).isEqualTo(404);
    }

    @Test
    void theGatewaysOwnAnswersAndPagesAreGzippedToo() throws Exception {
        HttpResponse<byte[]> home = get(gateway("/api/v1/home"), "gzip");
        assertThat(home.statusCode()).isEqualTo(200);
        assertThat(home.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(json(gunzip(home.body())).isObject()).isTrue();

        HttpResponse<byte[]> refused = get(gateway("/api/v1/auth/me"), "gzip");
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(json(gunzip(refused.body())).path("status").asInt()).isEqualTo(401);

        HttpResponse<byte[]> page = get(gateway("/"), "gzip");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(new String(gunzip(page.body()), StandardCharsets.UTF_8)).contains("<html");
        assertThat(varies(page)).isEqualTo(1);
        // An error page (written by an exception mapper, past Quarkus's own compression step) is gzipped once too.
        HttpResponse<byte[]> missing = get(gateway("/instructors/" + UUID.randomUUID()), "gzip");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().allValues("Content-Encoding")).containsExactly("gzip");
        assertThat(new String(gunzip(missing.body()), StandardCharsets.UTF_8)).contains("find that page");
        HttpResponse<byte[]> plainPage = get(gateway("/"), null);
        assertThat(plainPage.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(new String(plainPage.body(), StandardCharsets.UTF_8)).contains("<html");
    }

    @Test
    void anUnknownQueryParameterIsTheOwningServicesProblemNamingItAndTheAllowedOnes() throws Exception {
        JsonNode search = refused(gateway("/api/v1/search?q=piano&colour=red"));
        assertThat(search.path("errors").get(0).path("field").asText()).isEqualTo("colour");
        assertThat(search.path("detail").asText()).contains("colour").contains("q").contains("limit").contains("cursor");

        JsonNode catalog = refused(gateway("/api/v1/catalog/categories?limt=5"));
        assertThat(catalog.path("errors").get(0).path("field").asText()).isEqualTo("limt");
        assertThat(catalog.path("instance").asText()).isEqualTo("/api/v1/catalog/categories");

        // The gateway's own operations refuse the same way.
        JsonNode home = refused(gateway("/api/v1/home?utm_source=newsletter"));
        assertThat(home.path("errors").get(0).path("field").asText()).isEqualTo("utm_source");
        assertThat(home.path("detail").asText()).contains("takes no query parameters");
    }

    @Test
    void webPagesTakeParametersTheyDoNotKnow() throws Exception {
        assertThat(get(gateway("/?utm_source=newsletter&utm_medium=email"), null).statusCode()).isEqualTo(200);
        HttpResponse<byte[]> search = get(gateway("/search?q=piano&utm_campaign=winter"), null);
        assertThat(search.statusCode()).isEqualTo(200);
        assertThat(search.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    }

    private static JsonNode refused(URI uri) throws Exception {
        HttpResponse<byte[]> answer = get(uri, null);
        assertThat(answer.statusCode()).as(uri.toString()).isEqualTo(400);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        JsonNode problem = json(answer.body());
        assertThat(problem.path("type").asText()).endsWith("/validation");
        assertThat(problem.path("errors")).hasSize(1);
        return problem;
    }

    private URI gateway(String path) {
        return URI.create(gateway.toString().replaceAll("/$", "") + path);
    }

    private static HttpResponse<byte[]> get(URI uri, String acceptEncoding) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** How many times the answer says it varies with Accept-Encoding. */
    private static long varies(HttpResponse<byte[]> answer) {
        return answer.headers().allValues("Vary").stream()
                .filter(vary -> vary.toLowerCase(Locale.ROOT).contains("accept-encoding")).count();
    }

    private static void assertLengthFits(HttpResponse<byte[]> answer) {
        answer.headers().firstValueAsLong("Content-Length")
                .ifPresent(length -> assertThat(length).isEqualTo(answer.body().length));
    }

    private static byte[] gunzip(byte[] body) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }

    private static JsonNode json(byte[] body) throws IOException {
        return JSON.readTree(body);
    }
}
