package com.instainstru.e2e;

import static com.instainstru.e2e.Api.EVENTUALLY;
import static com.instainstru.e2e.Api.NEW_YORK;
import static com.instainstru.e2e.Api.gateway;
import static com.instainstru.e2e.Api.signUp;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.instainstru.e2e.Api.Offering;
import com.instainstru.e2e.Api.User;
import com.instainstru.platform.test.ServiceJvm;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * search-service scaled out: three pods share the streams as one consumer group and one read model, each with its
 * own in-memory index. A burst of catalog and booking changes, one pod killed (SIGKILL) in the middle of it: the
 * entries it had read but not applied are taken over by the others, and the two remaining pods converge — every
 * query answers the same on both, with every new instructor and without the times just booked.
 */
class SearchReplicasTest {

    @RegisterExtension
    static final Platform PLATFORM = Platform.shared();

    private static final List<String> SLUGS = List.of("trumpet", "clarinet", "banjo", "mandolin");
    private static final Duration READY = Duration.ofMinutes(4);

    @Test
    void twoPodsOfThreeConvergeAfterABurstDuringWhichOneIsKilled() throws Exception {
        ServiceJvm second = PLATFORM.searchReplica("PT5S");
        ServiceJvm third = PLATFORM.searchReplica("PT5S");
        try {
            ServiceJvm.startAll(List.of(second, third), READY);

            // The burst: eight instructors (catalog-events: profiles, offerings; booking-events: their weeks) and
            // bookings of the first free hour tomorrow; the second pod dies half-way, mid-stream.
            OffsetDateTime tomorrowAtNine = LocalDate.now(NEW_YORK).plusDays(1).atTime(LocalTime.of(9, 0))
                    .atZone(NEW_YORK).toOffsetDateTime();
            Map<String, List<Offering>> bySlug = new LinkedHashMap<>();
            List<Offering> booked = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String slug = SLUGS.get(i % SLUGS.size());
                Offering offering = Api.instructorOffering("Replica Teacher " + i, slug, 40 + i, List.of(60), List.of("online"));
                bySlug.computeIfAbsent(slug, s -> new ArrayList<>()).add(offering);
                if (i % 2 == 0) {
                    // A student of their own each: one student cannot hold two lessons at the same time.
                    User student = signUp("student", "Noa Kim " + i);
                    gateway(student.token()).body(Map.of("instructorId", offering.instructor().id(),
                                    "instructorServiceId", offering.id(), "startTime", tomorrowAtNine.toString(),
                                    "durationMinutes", 60, "locationType", "online"))
                            .post("/api/v1/bookings").then().statusCode(201);
                    booked.add(offering);
                }
                if (i == 3) {
                    second.kill();
                }
            }

            List<String> pods = List.of(PLATFORM.searchUrl(), third.baseUrl());
            Set<String> bookedIds = booked.stream().map(o -> o.instructor().id()).collect(Collectors.toSet());
            for (String slug : SLUGS) {
                Set<String> expected = bySlug.get(slug).stream().map(o -> o.instructor().id()).collect(Collectors.toSet());
                for (String query : List.of(slug + " lessons", slug + " lessons tomorrow morning")) {
                    List<Map<String, Object>> answer = await("both pods answer '" + query + "' alike, with every instructor")
                            .atMost(EVENTUALLY).pollInterval(Duration.ofSeconds(1))
                            .until(() -> sameAnswer(pods, query), a -> a != null && instructors(a).equals(expected));
                    if (query.endsWith("morning")) {
                        for (Map<String, Object> result : answer) {
                            @SuppressWarnings("unchecked")
                            List<String> starts = (List<String>) result.get("nextStarts");
                            if (bookedIds.contains((String) result.get("instructorId"))) {
                                assertThat(starts).as("the booked 9:00 of " + result.get("instructorName"))
                                        .noneMatch(start -> OffsetDateTime.parse(start).isEqual(tomorrowAtNine));
                            } else {
                                assertThat(starts).as("the free 9:00 of " + result.get("instructorName"))
                                        .anyMatch(start -> OffsetDateTime.parse(start).isEqual(tomorrowAtNine));
                            }
                        }
                    }
                }
            }
        } finally {
            second.kill();
            third.stop();
        }
    }

    /** The results of the query on every pod when they are all the same (else null: not converged yet). */
    private static List<Map<String, Object>> sameAnswer(List<String> pods, String query) {
        List<Map<String, Object>> first = null;
        for (String pod : pods) {
            JsonPath answer = given().baseUri(pod).queryParam("q", query).queryParam("limit", 50).get("/api/v1/search")
                    .then().statusCode(200).extract().jsonPath();
            if (!answer.getList("relaxed").isEmpty()) {
                return null;
            }
            List<Map<String, Object>> results = answer.getList("results");
            if (first == null) {
                first = results;
            } else if (!first.equals(results)) {
                return null;
            }
        }
        return first;
    }

    private static Set<String> instructors(List<Map<String, Object>> results) {
        return results.stream().map(r -> (String) r.get("instructorId")).collect(Collectors.toSet());
    }
}
