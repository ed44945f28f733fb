package com.instainstru.gateway.identity;

import static com.instainstru.gateway.support.Api.PASSWORD;
import static com.instainstru.gateway.support.Api.PROBLEM;
import static com.instainstru.gateway.support.Api.as;
import static com.instainstru.gateway.support.Api.json;
import static com.instainstru.gateway.support.Api.login;
import static com.instainstru.gateway.support.Api.register;
import static com.instainstru.gateway.support.Api.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import com.instainstru.platform.test.contract.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@QuarkusTest
@ExtendWith(OpenApiContract.class)
class AuthFlowTest {

    @Inject
    JWTParser parser;

    @Inject
    Pool db;

    @Test
    void aStudentSignsUpSignsInAndSeesThemselves() throws Exception {
        String email = uniqueEmail("Student");
        UUID id = register("  " + email + " ", "student", "Sam Lee");

        JsonPath tokens = json().body(Map.of("email", email.toUpperCase(), "password", PASSWORD))
                .post("/api/v1/auth/login").then().statusCode(200)
                .body("expiresIn", equalTo(900)).body("tokenType", equalTo("Bearer"))
                .body("refreshToken", notNullValue()).extract().jsonPath();

        JsonWebToken access = parser.parse(tokens.getString("accessToken"));
        assertThat(access.getIssuer()).isEqualTo("instainstru");
        assertThat(access.getSubject()).isEqualTo(id.toString());
        assertThat(access.getGroups()).containsExactly("student");
        assertThat(access.getExpirationTime() - access.getIssuedAtTime()).isEqualTo(900);

        as(tokens.getString("accessToken")).get("/api/v1/auth/me").then().statusCode(200)
                .body("id", equalTo(id.toString())).body("email", equalTo(email.toLowerCase()))
                .body("name", equalTo("Sam Lee")).body("roles", contains("student"));
    }

    @Test
    void passwordsAreStoredAsBcryptHashesOnly() {
        String email = uniqueEmail("hash");
        UUID id = register(email, "student", "Hash Check");
        String stored = db.preparedQuery("SELECT password_hash FROM users WHERE id = $1").execute(Tuple.of(id))
                .await().atMost(Duration.ofSeconds(5)).iterator().next().getString(0);
        assertThat(stored).startsWith("$2").doesNotContain(PASSWORD);
    }

    @Test
    void aTakenEmailAnswersLikeANewOneWhateverItsCaseAndChangesNothing() {
        String email = uniqueEmail("taken");
        UUID first = register(email, "student", "First");
        // The same answer as a new account (sign-up does not tell who is registered); the owner is emailed instead
        // (AccountEmailsTest), and the account is untouched.
        UUID second = register(email.toUpperCase(), "student", "Second");
        assertThat(second).isNotEqualTo(first);
        String token = login(email);
        as(token).get("/api/v1/auth/me").then().statusCode(200).body("id", equalTo(first.toString()))
                .body("name", equalTo("First"));
    }

    @Test
    void nobodyBecomesAnAdminBySigningUp() {
        String email = uniqueEmail("would-be-admin");
        json().body(Map.of("email", email, "password", PASSWORD, "role", "admin", "name", "Mallory"))
                .post("/api/v1/auth/register").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("role"));
        json().body(Map.of("email", email, "password", PASSWORD)).post("/api/v1/auth/login").then().statusCode(401);
    }

    @Test
    void invalidSignUpsAreFieldErrorsAndCreateNothing() {
        String email = uniqueEmail("invalid");
        json().body(Map.of("email", "not-an-email", "password", "short", "role", "student", "name", " "))
                .post("/api/v1/auth/register").then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("email")).body("errors.field", hasItem("password"))
                .body("errors.field", hasItem("name"));
        json().body(Map.of("email", email, "password", "é".repeat(40), "role", "student", "name", "Long Bytes"))
                .post("/api/v1/auth/register").then().statusCode(400).body("errors.field", hasItem("password"));
        json().body("{\"email\": ").post("/api/v1/auth/register").then().statusCode(400).contentType(PROBLEM);
        json().body(Map.of("email", email, "password", PASSWORD, "role", "student", "name", "X", "isAdmin", true))
                .post("/api/v1/auth/register").then().statusCode(400).contentType(PROBLEM);
        json().body(Map.of("email", email, "password", "é".repeat(40))).post("/api/v1/auth/login").then().statusCode(401);
    }

    @Test
    void aWrongPasswordAndAnUnknownEmailGetTheSameAnswer() {
        String email = uniqueEmail("known");
        register(email, "student", "Known");
        String wrongPassword = json().body(Map.of("email", email, "password", "not the password"))
                .post("/api/v1/auth/login").then().statusCode(401).contentType(PROBLEM).extract().path("detail");
        String unknownEmail = json().body(Map.of("email", uniqueEmail("nobody"), "password", "not the password"))
                .post("/api/v1/auth/login").then().statusCode(401).contentType(PROBLEM).extract().path("detail");
        assertThat(unknownEmail).isEqualTo(wrongPassword);
    }

    @Test
    void refreshTokensRotateAndAReplayRevokesTheFamily() {
        String email = uniqueEmail("rotate");
        register(email, "student", "Rota");
        String first = json().body(Map.of("email", email, "password", PASSWORD)).post("/api/v1/auth/login")
                .then().statusCode(200).extract().path("refreshToken");

        String second = json().body(Map.of("refreshToken", first)).post("/api/v1/auth/refresh")
                .then().statusCode(200).body("accessToken", notNullValue()).extract().path("refreshToken");
        assertThat(second).isNotEqualTo(first);

        // The spent token comes back (stolen?): refused, and the family is revoked, the legitimate new token too.
        json().body(Map.of("refreshToken", first)).post("/api/v1/auth/refresh").then().statusCode(401).contentType(PROBLEM);
        json().body(Map.of("refreshToken", second)).post("/api/v1/auth/refresh").then().statusCode(401);

        // Another sign-in is another family, unaffected.
        String other = json().body(Map.of("email", email, "password", PASSWORD)).post("/api/v1/auth/login")
                .then().statusCode(200).extract().path("refreshToken");
        json().body(Map.of("refreshToken", other)).post("/api/v1/auth/refresh").then().statusCode(200);
    }

    @Test
    void logoutRevokesTheSession() {
        String email = uniqueEmail("logout");
        register(email, "student", "Leaving");
        String refresh = json().body(Map.of("email", email, "password", PASSWORD)).post("/api/v1/auth/login")
                .then().statusCode(200).extract().path("refreshToken");
        json().body(Map.of("refreshToken", refresh)).post("/api/v1/auth/logout").then().statusCode(204);
        json().body(Map.of("refreshToken", refresh)).post("/api/v1/auth/refresh").then().statusCode(401);
        json().body(Map.of("refreshToken", "never-issued")).post("/api/v1/auth/logout").then().statusCode(204);
        json().body(Map.of()).post("/api/v1/auth/refresh").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void changingThePasswordChecksTheCurrentOneAndRevokesRefreshTokens() {
        String email = uniqueEmail("change");
        register(email, "instructor", "Changer");
        JsonPath tokens = json().body(Map.of("email", email, "password", PASSWORD)).post("/api/v1/auth/login")
                .then().statusCode(200).extract().jsonPath();
        String access = tokens.getString("accessToken");

        as(access).body(Map.of("currentPassword", "wrong password", "newPassword", "a brand new secret"))
                .post("/api/v1/auth/password").then().statusCode(400).body("errors.field", hasItem("currentPassword"));
        json().body(Map.of("currentPassword", PASSWORD, "newPassword", "a brand new secret"))
                .post("/api/v1/auth/password").then().statusCode(401).contentType(PROBLEM);
        as(access).body(Map.of("currentPassword", PASSWORD, "newPassword", "a brand new secret"))
                .post("/api/v1/auth/password").then().statusCode(204);

        json().body(Map.of("refreshToken", tokens.getString("refreshToken"))).post("/api/v1/auth/refresh").then().statusCode(401);
        json().body(Map.of("email", email, "password", PASSWORD)).post("/api/v1/auth/login").then().statusCode(401);
        json().body(Map.of("email", email, "password", "a brand new secret")).post("/api/v1/auth/login").then().statusCode(200);
    }

    @Test
    void meNeedsAValidToken() {
        json().get("/api/v1/auth/me").then().statusCode(401).contentType(PROBLEM);
        as(com.instainstru.platform.test.Tokens.student(UUID.randomUUID())).get("/api/v1/auth/me")
                .then().statusCode(401).contentType(PROBLEM);
        String email = uniqueEmail("me");
        register(email, "student", "Me");
        as(login(email)).get("/api/v1/auth/me").then().statusCode(200);
    }
}
