package com.instainstru.gateway.routing;

import static com.instainstru.gateway.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.instainstru.gateway.support.PlatformProfile;
import com.instainstru.gateway.support.PlatformResource;
import com.instainstru.platform.test.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A create answered through the gateway names the resource at the address the client used (the gateway's, or the
 * public host it asked for), never a service's internal host and port; and that address answers it.
 */
@QuarkusTest
@TestProfile(PlatformProfile.class)
class PublicLocationTest {

    @TestHTTPResource("/")
    URL gateway;

    @Test
    void aCreatedProfilesLocationIsTheGatewaysAddress() {
        UUID me = UUID.randomUUID();
        String location = as(Tokens.instructor(me))
                .body(Map.of("name", "Loc Ation", "areas", List.of("Brooklyn"), "teachesOnline", true))
                .put("/api/v1/instructors/me").then().statusCode(201).extract().header("Location");
        URI named = URI.create(location);
        assertThat(named.getHost()).isEqualTo(gateway.getHost());
        assertThat(named.getPort()).isEqualTo(gateway.getPort()).isNotEqualTo(URI.create(PlatformResource.catalogUrl).getPort());
        assertThat(named.getPath()).isEqualTo("/api/v1/instructors/" + me);
        given().get(named).then().statusCode(200).body("id", equalTo(me.toString()));
    }

    @Test
    void theClientsHostIsTheOneNamed() {
        UUID me = UUID.randomUUID();
        String location = as(Tokens.instructor(me)).header("Host", "lessons.example.org")
                .body(Map.of("name", "Host Name", "areas", List.of("Queens"), "teachesOnline", true))
                .put("/api/v1/instructors/me").then().statusCode(201).extract().header("Location");
        assertThat(URI.create(location).getAuthority()).isEqualTo("lessons.example.org");
        assertThat(URI.create(location).getPath()).isEqualTo("/api/v1/instructors/" + me);
    }
}
