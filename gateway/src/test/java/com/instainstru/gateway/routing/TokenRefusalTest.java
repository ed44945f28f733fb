package com.instainstru.gateway.routing;

import static com.instainstru.gateway.support.Api.PROBLEM;
import static com.instainstru.gateway.support.Api.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.instainstru.platform.test.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Bad tokens are refused by the gateway itself, on every route of the table and on its own endpoints,
 * before any service is asked (none runs in this test: a request that got through would be a 503).
 */
@QuarkusTest
class TokenRefusalTest {

    private static final UUID USER = UUID.randomUUID();
    private static final Map<String, String> BAD_TOKENS = Map.of(
            "expired", Tokens.expired(USER, "admin"),
            "signed by another key", Tokens.signedByAnotherKey(USER, "admin"),
            "alg none", Tokens.unsigned(USER),
            "altered claims", Tokens.tampered(USER),
            "another issuer", Tokens.wrongIssuer(USER, "admin"),
            "not a JWT", "abc.def.ghi");

    @Test
    void everyRouteRefusesEveryBadToken() {
        List<String> wrong = new ArrayList<>();
        List<String[]> targets = new ArrayList<>();
        for (Route route : RouteTable.routes()) {
            targets.add(new String[] {route.method(), route.template().replaceAll("\\{[^/]+}", UUID.randomUUID().toString())});
        }
        targets.add(new String[] {"GET", "/api/v1/auth/me"});
        targets.add(new String[] {"GET", "/api/v1/home"});
        targets.add(new String[] {"POST", "/api/v1/auth/password"});
        for (String[] target : targets) {
            BAD_TOKENS.forEach((kind, token) -> {
                var response = as(token).body("{}").request(target[0], target[1]);
                if (response.statusCode() != 401 || !response.contentType().startsWith(PROBLEM)
                        || !"Bearer".equals(response.header("WWW-Authenticate"))) {
                    wrong.add(target[0] + " " + target[1] + " with a token " + kind + ": " + response.statusCode());
                }
            });
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void onlyBearerTokensAreAccepted() {
        given().header("Authorization", "Basic YWRtaW46YWRtaW4=").get("/api/v1/catalog/categories")
                .then().statusCode(401).contentType(PROBLEM);
    }

    @Test
    void protectedRoutesNeedAToken() {
        List<String> wrong = new ArrayList<>();
        for (Route route : RouteTable.routes()) {
            if (route.access().needsToken()) {
                String path = route.template().replaceAll("\\{[^/]+}", UUID.randomUUID().toString());
                int status = given().contentType("application/json").body("{}").request(route.method(), path).statusCode();
                if (status != 401) {
                    wrong.add(route.id() + ": " + status);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void aValidTokenWithTheWrongRoleIsForbiddenAtTheGateway() {
        as(Tokens.student(USER)).get("/api/v1/analytics/services").then().statusCode(403).contentType(PROBLEM);
        as(Tokens.instructor(USER)).body("{}").post("/api/v1/bookings").then().statusCode(403).contentType(PROBLEM);
    }
}
