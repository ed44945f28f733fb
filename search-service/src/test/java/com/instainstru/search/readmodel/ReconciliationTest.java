package com.instainstru.search.readmodel;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.instainstru.platform.test.Tokens;
import com.instainstru.platform.test.contract.OpenApiContract;
import com.instainstru.search.support.PlatformResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Rows changed in booking-service's and catalog-service's own databases, with no event: search does not
 * know until the reconciliation compares it with the services' APIs and repairs it. A second run finds
 * nothing more to repair.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformResource.class, restrictToAnnotatedClass = true)
@ExtendWith(OpenApiContract.class)
class ReconciliationTest {

    private static final ZoneId NY = ZoneId.of("America/New_York");

    @Inject
    OfferingIndex index;

    private static JsonPath reconcile() {
        return given().header("Authorization", "Bearer " + Tokens.admin()).post("/api/v1/search/admin/reconcile")
                .then().statusCode(200).extract().jsonPath();
    }

    private static void sql(String database, String statement, Object... params) {
        String url = "jdbc:postgresql://" + System.getenv().getOrDefault("PG_HOST", "127.0.0.1") + ":"
                + System.getenv().getOrDefault("PG_PORT", "5432") + "/" + database;
        try (Connection c = DriverManager.getConnection(url, System.getenv().getOrDefault("PG_USER", "instainstru"),
                System.getenv().getOrDefault("PG_PASSWORD", "instainstru"));
                PreparedStatement s = c.prepareStatement(statement)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            assertThat(s.executeUpdate()).as(statement).isPositive();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether search holds the instructor free at some moment of the date (New York). */
    private boolean freeOn(UUID instructor, LocalDate date) {
        OfferingIndex.Instructor i = index.instructor(instructor);
        long from = date.atStartOfDay(NY).toInstant().toEpochMilli();
        long to = date.plusDays(1).atStartOfDay(NY).toInstant().toEpochMilli();
        long[] free = i == null ? new long[0] : i.free();
        for (int k = 0; k < free.length; k += 2) {
            if (free[k] < to && free[k + 1] > from) {
                return true;
            }
        }
        return false;
    }

    @Test
    void changesMadeBehindSearchsBackAreFoundRepairedAndReported() {
        reconcile(); // whatever other tests left behind
        JsonPath settled = reconcile();
        assertThat(settled.getInt("repaired.schedules")).as("a second run repairs nothing").isZero();
        assertThat(settled.getInt("repaired.instructors") + settled.getInt("repaired.offerings")
                + settled.getInt("repaired.services")).isZero();
        assertThat(settled.getInt("checked.schedules")).isPositive();

        // Two instructors with offerings, and a date ahead on which the first one is free.
        List<Map<String, Object>> listed = given().baseUri(PlatformResource.catalogUrl()).queryParam("limit", 100)
                .get("/api/v1/instructors").then().statusCode(200).extract().jsonPath().getList("items");
        List<Map<String, Object>> teaching = listed.stream()
                .filter(i -> !((List<?>) i.get("offerings")).isEmpty()).toList();
        Map<String, Object> first = teaching.get(0);
        Map<?, ?> firstOffering = (Map<?, ?>) ((List<?>) first.get("offerings")).get(0);
        UUID teacher = UUID.fromString((String) first.get("id"));
        UUID offering = UUID.fromString((String) firstOffering.get("id"));
        UUID other = UUID.fromString((String) teaching.get(1).get("id"));
        LocalDate start = LocalDate.now(NY).plusDays(3);
        LocalDate day = await().atMost(Duration.ofSeconds(10)).until(() -> {
            for (LocalDate d = start; d.isBefore(start.plusDays(9)); d = d.plusDays(1)) {
                if (freeOn(teacher, d)) {
                    return d;
                }
            }
            return null;
        }, java.util.Objects::nonNull);

        // Behind search's back: the teacher drops that day's windows and raises a rate; the other is suspended.
        sql("booking_test", "DELETE FROM availability_window WHERE instructor_id = ? AND date = ?", teacher, day);
        sql("catalog_test", "UPDATE instructor_service SET hourly_rate = 333 WHERE id = ?", offering);
        sql("catalog_test", "UPDATE instructor SET status = 'suspended' WHERE id = ?", other);
        assertThat(freeOn(teacher, day)).as("search cannot know yet").isTrue();
        // Nor can catalog's own answers until its cache (at most 5 minutes) has expired: it has now.
        PlatformResource.expireCatalogCache();

        JsonPath report = reconcile();
        assertThat(report.getInt("repaired.schedules")).isGreaterThanOrEqualTo(1);
        assertThat(report.getInt("dates")).isGreaterThanOrEqualTo(1);
        assertThat(report.getInt("repaired.offerings")).isGreaterThanOrEqualTo(1);
        assertThat(report.getInt("repaired.instructors")).isGreaterThanOrEqualTo(1);
        LocalDate dropped = day;
        await().atMost(Duration.ofSeconds(10)).until(() -> !freeOn(teacher, dropped)
                && index.instructor(other) != null && !index.instructor(other).active());
        String service = (String) firstOffering.get("serviceName");
        List<Map<String, Object>> results = given().queryParam("q", service + " over $300").queryParam("limit", 50)
                .get("/api/v1/search")
                .then().statusCode(200).extract().jsonPath().getList("results");
        assertThat(results).filteredOn(r -> offering.toString().equals(r.get("offeringId")))
                .extracting(r -> String.valueOf(r.get("hourlyRate"))).containsExactly("333.0");

        // Put back as it was (an event-less change again), and the next run finds that too.
        sql("catalog_test", "UPDATE instructor SET status = 'active' WHERE id = ?", other);
        PlatformResource.expireCatalogCache();
        assertThat(reconcile().getInt("repaired.instructors")).isGreaterThanOrEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> index.instructor(other).active());
        assertThat(reconcile().getInt("repaired.schedules")).isZero();
        assertThat(Instant.parse(reconcile().getString("startedAt"))).isNotNull();
    }

    @Test
    void onlyAnAdminMayAskForOne() {
        given().post("/api/v1/search/admin/reconcile").then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Bearer " + Tokens.student(UUID.randomUUID()))
                .post("/api/v1/search/admin/reconcile").then().statusCode(403).contentType("application/problem+json");
        given().header("Authorization", "Bearer " + Tokens.signedByAnotherKey(UUID.randomUUID(), "admin"))
                .post("/api/v1/search/admin/reconcile").then().statusCode(401).contentType("application/problem+json");
    }
}
