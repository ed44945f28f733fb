package com.instainstru.catalog.instructor;

import static com.instainstru.catalog.support.Api.PROBLEM;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;

import com.instainstru.catalog.booking.BookingClient;
import com.instainstru.catalog.support.Api;
import com.instainstru.platform.test.Tokens;
import com.instainstru.platform.test.contract.OpenApiContract;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import java.net.ConnectException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The account lifecycle; booking-service's answers are stubbed (it is a separate service). */
@QuarkusTest
@ExtendWith(OpenApiContract.class)
class InstructorLifecycleTest {

    @InjectMock
    @RestClient
    BookingClient bookings;

    @Test
    void aPausedInstructorDisappearsFromStudentsAndComesBackOnResume() {
        UUID service = Api.newCatalogService("language", true);
        UUID me = Api.newInstructor("Pauses Sometimes");
        Api.offer(me, service, "45");
        // Warm the cached public answers first, so the test proves they are invalidated.
        given().get("/api/v1/instructors/" + me).then().statusCode(200);
        given().queryParam("service", service.toString()).get("/api/v1/instructors").then().body("total", equalTo(1));
        given().get("/api/v1/catalog/services/" + service).then().body("instructorCount", equalTo(1));

        Api.as(Tokens.instructor(me)).body(Map.of("action", "pause", "reason", "holiday"))
                .post("/api/v1/instructors/me/status").then().statusCode(200).body("status", equalTo("suspended"));
        given().get("/api/v1/instructors/" + me).then().statusCode(404);
        given().queryParam("service", service.toString()).get("/api/v1/instructors").then().body("total", equalTo(0));
        given().get("/api/v1/catalog/services/" + service).then().statusCode(200).body("instructorCount", equalTo(0));
        Api.as(Tokens.instructor(me)).get("/api/v1/instructors/" + me).then().statusCode(200)
                .body("status", equalTo("suspended"));
        Api.as(Tokens.admin()).get("/api/v1/instructors/" + me).then().statusCode(200);

        Api.setStatus(me, "resume");
        given().get("/api/v1/instructors/" + me).then().statusCode(200).body("status", equalTo("active"));
        given().get("/api/v1/catalog/services/" + service).then().statusCode(200).body("instructorCount", equalTo(1));
    }

    @Test
    void anInstructorCannotResumeAnAdminSuspension() {
        UUID me = Api.newInstructor("Suspended By Admin");
        Api.as(Tokens.admin()).body(Map.of("action", "suspend", "reason", "complaints"))
                .post("/api/v1/instructors/" + me + "/status").then().statusCode(200).body("status", equalTo("suspended"));
        Api.as(Tokens.instructor(me)).body(Map.of("action", "resume")).post("/api/v1/instructors/me/status")
                .then().statusCode(409).contentType(PROBLEM).body("detail", containsString("admin"));
        Api.as(Tokens.admin()).body(Map.of("action", "reactivate")).post("/api/v1/instructors/" + me + "/status")
                .then().statusCode(200).body("status", equalTo("active"));
    }

    @Test
    void anAdminTurnsASelfPauseIntoASuspensionTheInstructorCannotLift() {
        UUID me = Api.newInstructor("Paused Then Suspended");
        Api.setStatus(me, "pause");
        Api.as(Tokens.admin()).body(Map.of("action", "suspend", "reason", "review")).post("/api/v1/instructors/" + me + "/status")
                .then().statusCode(200).body("status", equalTo("suspended"));
        Api.as(Tokens.instructor(me)).body(Map.of("action", "resume")).post("/api/v1/instructors/me/status")
                .then().statusCode(409).contentType(PROBLEM);
    }

    @Test
    void whoMayChangeWhichStatus() {
        UUID me = Api.newInstructor("Status Rules");
        UUID other = Api.newInstructor("Someone Else");
        Api.as(Tokens.instructor(me)).body(Map.of("action", "suspend")).post("/api/v1/instructors/me/status")
                .then().statusCode(400).contentType(PROBLEM);
        Api.as(Tokens.admin()).body(Map.of("action", "pause")).post("/api/v1/instructors/" + me + "/status")
                .then().statusCode(400).contentType(PROBLEM);
        Api.as(Tokens.instructor(me)).body(Map.of("action", "suspend")).post("/api/v1/instructors/" + other + "/status")
                .then().statusCode(403).contentType(PROBLEM);
        Api.as(Tokens.instructor(me)).body(Map.of("action", "explode")).post("/api/v1/instructors/me/status")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("action"))
                .body("errors[0].message", containsString("pause"));
        Api.as(Tokens.instructor(UUID.randomUUID())).body(Map.of("action", "pause")).post("/api/v1/instructors/me/status")
                .then().statusCode(404).contentType(PROBLEM);
        Api.as(Tokens.admin()).body(Map.of("action", "suspend")).post("/api/v1/instructors/" + UUID.randomUUID() + "/status")
                .then().statusCode(404).contentType(PROBLEM);
        Api.as(Tokens.instructor(me)).body(Map.of("action", "resume")).post("/api/v1/instructors/me/status")
                .then().statusCode(409).contentType(PROBLEM);
        given().get("/api/v1/instructors/" + other).then().statusCode(200).body("status", equalTo("active"));
    }

    @Test
    void deactivationIsRefusedWhileFutureBookingsExist() {
        UUID me = Api.newInstructor("Has Lessons Ahead");
        when(bookings.futureBookings(eq(me), anyString()))
                .thenReturn(Uni.createFrom().item(new BookingClient.FutureBookings(me, 2)));
        Api.as(Tokens.instructor(me)).body(Map.of("action", "deactivate")).post("/api/v1/instructors/me/status")
                .then().statusCode(409).contentType(PROBLEM).body("detail", containsString("2 future booking"));
        given().get("/api/v1/instructors/" + me).then().statusCode(200).body("status", equalTo("active"));
    }

    @Test
    void deactivationSucceedsWithNoFutureBookingsAndIsFinalForTheInstructor() {
        UUID service = Api.newCatalogService("arts", true);
        UUID me = Api.newInstructor("Leaving");
        UUID offering = Api.offer(me, service, "50");
        given().get("/api/v1/instructors/" + me).then().statusCode(200);
        given().queryParam("service", service.toString()).get("/api/v1/instructors").then().body("total", equalTo(1));
        when(bookings.futureBookings(eq(me), anyString()))
                .thenReturn(Uni.createFrom().item(new BookingClient.FutureBookings(me, 0)));
        Api.as(Tokens.instructor(me)).body(Map.of("action", "deactivate")).post("/api/v1/instructors/me/status")
                .then().statusCode(200).body("status", equalTo("deactivated"));
        given().get("/api/v1/instructors/" + me).then().statusCode(404);
        Api.as(Tokens.instructor(me)).body(Map.of("action", "resume")).post("/api/v1/instructors/me/status")
                .then().statusCode(409);
        Api.as(Tokens.instructor(me)).body(Api.offering(service, new java.math.BigDecimal("60")))
                .put("/api/v1/instructors/me/services/" + offering).then().statusCode(409).contentType(PROBLEM);
        List<Object> active = given().queryParam("service", service.toString()).get("/api/v1/instructors")
                .then().statusCode(200).extract().jsonPath().getList("items");
        assertThat(active).isEmpty();
    }

    @Test
    void aRefusedTransitionIsAConflictEvenWhenBookingServiceIsDown() {
        UUID me = Api.newInstructor("Already Gone");
        when(bookings.futureBookings(eq(me), anyString()))
                .thenReturn(Uni.createFrom().item(new BookingClient.FutureBookings(me, 0)));
        Api.setStatus(me, "deactivate");
        when(bookings.futureBookings(eq(me), anyString()))
                .thenReturn(Uni.createFrom().failure(new ConnectException("Connection refused")));
        Api.as(Tokens.instructor(me)).body(Map.of("action", "deactivate")).post("/api/v1/instructors/me/status")
                .then().statusCode(409).contentType(PROBLEM);
    }

    @Test
    void whenBookingServiceCannotAnswerNothingChanges() {
        UUID me = Api.newInstructor("Unknown Future");
        when(bookings.futureBookings(eq(me), anyString()))
                .thenReturn(Uni.createFrom().failure(new ConnectException("Connection refused")));
        Api.as(Tokens.instructor(me)).body(Map.of("action", "deactivate")).post("/api/v1/instructors/me/status")
                .then().statusCode(503).contentType(PROBLEM).body("detail", containsString("nothing was changed"));
        given().get("/api/v1/instructors/" + me).then().statusCode(200).body("status", equalTo("active"));
    }
}
