package com.instainstru.search.search;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.instainstru.platform.test.contract.OpenApiContract;
import com.instainstru.search.embedding.EmbeddingService;
import com.instainstru.search.readmodel.CatalogSnapshot;
import com.instainstru.search.retrieval.ServiceMatch;
import com.instainstru.search.support.Catalog;
import com.instainstru.search.support.Streams;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.redis.client.Redis;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Searches against the real read model, fed through the streams exactly as catalog-service and
 * booking-service feed it. Other tests' instructors share the database, so each test checks its
 * own instructors and that every result honours the constraints.
 */
@QuarkusTest
@ExtendWith(OpenApiContract.class)
class SearchResourceTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Inject
    Redis redis;

    @Inject
    CatalogSnapshot snapshot;

    @Inject
    EmbeddingService embeddings;

    @BeforeEach
    void catalog() {
        TestCatalogLoader.ensureLoaded(redis, snapshot);
    }

    static JsonPath search(String q) {
        return given().queryParam("q", q).queryParam("limit", 50).when().get("/api/v1/search")
                .then().statusCode(200).extract().jsonPath();
    }

    static List<String> instructors(JsonPath answer) {
        return answer.getList("results.instructorId");
    }

    /** Every instructor the query finds, page after page (other tests' teachers may fill the first). */
    static List<String> everyInstructor(String q) {
        List<String> all = new java.util.ArrayList<>();
        String cursor = null;
        do {
            JsonPath page = given().queryParam("q", q).queryParam("limit", 50).queryParam("cursor", cursor)
                    .when().get("/api/v1/search").then().statusCode(200).extract().jsonPath();
            all.addAll(instructors(page));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return all;
    }

    private UUID availability(UUID instructor, LocalDate date, String start, String end) {
        return Streams.publish(redis, "booking-events", "availability.changed", Map.of("instructorId", instructor,
                "timeZone", "America/New_York", "dates", List.of(Map.of("date", date.toString(), "blackout", false,
                        "windows", List.of(Map.of("start", start, "end", end))))));
    }

    @Test
    void aPriceCapReturnsOnlyThatServiceUnderThatPrice() {
        UUID cheap = Catalog.instructor(redis, "Cheap Pianist", List.of("Park Slope"), true);
        UUID dear = Catalog.instructor(redis, "Dear Pianist", List.of("Harlem"), true);
        UUID guitarist = Catalog.instructor(redis, "Cheap Guitarist", List.of("Harlem"), true);
        Catalog.offer(redis, cheap, "piano", "60.00");
        Catalog.offer(redis, dear, "piano", "120.00");
        Catalog.offer(redis, guitarist, "guitar", "40.00");

        await().atMost(Duration.ofSeconds(20)).until(() -> everyInstructor("piano lessons").containsAll(
                List.of(cheap.toString(), dear.toString())));
        JsonPath answer = search("piano under $80");
        assertThat(answer.getString("match.kind")).isEqualTo("service");
        assertThat(answer.getList("match.services.name")).containsExactly("Piano");
        assertThat(everyInstructor("piano under $80")).contains(cheap.toString()).doesNotContain(dear.toString(), guitarist.toString());
        assertThat(answer.getList("results.serviceName", String.class)).containsOnly("Piano");
        assertThat(answer.getList("results.hourlyRate", Float.class)).allMatch(rate -> rate <= 80);
        assertThat(answer.getList("results.currency", String.class)).isNotEmpty().containsOnly("USD");
        assertThat(answer.getString("parsed.currency")).isEqualTo("USD");
        assertThat(answer.getList("relaxed")).isEmpty();
        assertThat(answer.getFloat("parsed.maxPrice")).isEqualTo(80f);
    }

    @Test
    void aCategoryQueryReturnsEveryServiceOfTheCategory() {
        UUID pianist = Catalog.instructor(redis, "Category Pianist", List.of("Manhattan"), false);
        UUID guitarist = Catalog.instructor(redis, "Category Guitarist", List.of("Queens"), false);
        UUID linguist = Catalog.instructor(redis, "Category Linguist", List.of("Queens"), false);
        Catalog.offer(redis, pianist, "piano", "70.00");
        Catalog.offer(redis, guitarist, "guitar", "70.00");
        Catalog.offer(redis, linguist, "spanish", "70.00");

        await().atMost(Duration.ofSeconds(20)).until(() -> everyInstructor("music lessons").containsAll(
                List.of(pianist.toString(), guitarist.toString())));
        JsonPath answer = search("music lessons");
        assertThat(answer.getString("match.kind")).isEqualTo("category");
        assertThat(answer.getString("match.category.name")).isEqualTo("Music");
        assertThat(answer.getList("results.category", String.class)).containsOnly("Music");
        assertThat(everyInstructor("music lessons")).doesNotContain(linguist.toString());
    }

    @Test
    void theAskedDayAndTimeAreEnforcedAndBookedTimeIsNotFree() {
        // Under $15: other tests' (and the rebuild's) Spanish teachers, free every evening, stay out of the page.
        LocalDate tomorrow = LocalDate.now(NEW_YORK).plusDays(1);
        UUID evening = Catalog.instructor(redis, "Evening Spanish", List.of("Bronx"), true);
        UUID morning = Catalog.instructor(redis, "Morning Spanish", List.of("Bronx"), true);
        Catalog.offer(redis, evening, "spanish", "14.00");
        Catalog.offer(redis, morning, "spanish", "14.00");
        availability(evening, tomorrow, "18:00", "20:00");
        availability(morning, tomorrow, "08:00", "10:00");
        // Someone else stays free tomorrow evening, so the search never has to relax the time.
        UUID other = Catalog.instructor(redis, "Other Evening Spanish", List.of("Bronx"), true);
        Catalog.offer(redis, other, "spanish", "14.00");
        availability(other, tomorrow, "17:00", "22:00");

        // The offerings can be indexed before their free time is: until then the search relaxes the time and
        // still lists them, so the wait is for an answer that needed no relaxing.
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonPath found = search("spanish under $15 tomorrow evening");
            return found.getList("relaxed").isEmpty() && instructors(found).containsAll(List.of(evening.toString(), other.toString()));
        });
        JsonPath answer = search("spanish under $15 tomorrow evening");
        assertThat(answer.getList("relaxed")).isEmpty();
        assertThat(instructors(answer)).doesNotContain(morning.toString());
        assertThat(answer.getString("parsed.date.keyword")).isEqualTo("tomorrow");
        assertThat(answer.getString("parsed.timeOfDay")).isEqualTo("evening");
        Instant firstFree = Instant.parse(answer.getString("results.find { it.instructorId == '" + evening + "' }.nextAvailable"));
        assertThat(firstFree).isEqualTo(tomorrow.atTime(18, 0).atZone(NEW_YORK).toInstant());

        // A lesson booked over the whole evening leaves no free time then; cancelling frees it again.
        UUID booking = UUID.randomUUID();
        Streams.publish(redis, "booking-events", "booking.created", Map.of("bookingId", booking, "instructorId", evening,
                "serviceId", Catalog.serviceId("spanish"), "startTime", tomorrow.atTime(18, 0).atZone(NEW_YORK).toOffsetDateTime().toString(),
                "endTime", tomorrow.atTime(20, 0).atZone(NEW_YORK).toOffsetDateTime().toString(), "durationMinutes", 120));
        await().atMost(Duration.ofSeconds(20)).until(() -> !instructors(search("spanish under $15 tomorrow evening"))
                .contains(evening.toString()));
        assertThat(instructors(search("spanish under $15 tomorrow morning"))).contains(morning.toString())
                .doesNotContain(evening.toString());

        Streams.publish(redis, "booking-events", "booking.cancelled", Map.of("bookingId", booking, "instructorId", evening,
                "cancelledBy", "student", "late", false));
        await().atMost(Duration.ofSeconds(20)).until(() -> instructors(search("spanish under $15 tomorrow evening"))
                .contains(evening.toString()));
    }

    @Test
    void eachResultCarriesItsOfferingWhereItIsTaughtAndItsNextBookableStarts() {
        LocalDate tomorrow = LocalDate.now(NEW_YORK).plusDays(1);
        UUID teacher = Catalog.instructor(redis, "Two Evenings Ukulele", List.of("Astoria"), true);
        UUID offering = UUID.randomUUID();
        Streams.publish(redis, "catalog-events", "offering.upserted", Catalog.offering(offering, teacher, "ukulele",
                "12.00", List.of(30, 60), List.of("beginner"), List.of("adults"), List.of("student_home", "online")));
        Streams.publish(redis, "booking-events", "availability.changed", Map.of("instructorId", teacher,
                "timeZone", "America/New_York", "dates", List.of(Map.of("date", tomorrow.toString(), "blackout", false,
                        "windows", List.of(Map.of("start", "18:00", "end", "19:00"), Map.of("start", "19:30", "end", "20:30"))))));
        String mine = "results.find { it.instructorId == '" + teacher + "' }";
        await().atMost(Duration.ofSeconds(20)).until(() -> search("ukulele under $13 tomorrow evening")
                .getString(mine + ".nextAvailable") != null);

        JsonPath answer = search("ukulele under $13 tomorrow evening");
        assertThat(answer.getString(mine + ".offeringId")).isEqualTo(offering.toString());
        assertThat(answer.getList(mine + ".locationTypes", String.class)).containsExactly("student_home", "online");
        // The shortest lesson offered (30 minutes), on the quarter hour, in New York time.
        List<String> starts = answer.getList(mine + ".nextStarts", String.class);
        assertThat(starts).containsExactly(ny(tomorrow, "18:00"), ny(tomorrow, "18:15"), ny(tomorrow, "18:30"));
        assertThat(answer.getString(mine + ".nextAvailable")).isEqualTo(starts.get(0));
        // An hour's lesson fits once in each window.
        assertThat(search("ukulele under $13 for an hour tomorrow evening").getList(mine + ".nextStarts", String.class))
                .containsExactly(ny(tomorrow, "18:00"), ny(tomorrow, "19:30"));
        // After 7: only the second window.
        assertThat(search("ukulele under $13 tomorrow after 7pm").getList(mine + ".nextStarts", String.class))
                .containsExactly(ny(tomorrow, "19:30"), ny(tomorrow, "19:45"), ny(tomorrow, "20:00"));
        // No time asked: the soonest from now (here tomorrow's, the only free time).
        assertThat(search("ukulele under $13").getList(mine + ".nextStarts", String.class)).containsExactly(
                ny(tomorrow, "18:00"), ny(tomorrow, "18:15"), ny(tomorrow, "18:30"));
    }

    /** How search writes a New York time: ISO-8601 with the offset of that day. */
    private static String ny(LocalDate date, String time) {
        return java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                date.atTime(java.time.LocalTime.parse(time)).atZone(NEW_YORK));
    }

    @Test
    void freeTimeThatArrivesBeforeItsInstructorIsKept() {
        // booking-events and catalog-events are read side by side: a new instructor's hours can come first.
        LocalDate tomorrow = LocalDate.now(NEW_YORK).plusDays(1);
        UUID early = UUID.randomUUID();
        UUID hours = availability(early, tomorrow, "09:00", "10:00");
        await().atMost(Duration.ofSeconds(20)).until(() -> TestCatalogLoader.processed(hours));
        Catalog.instructor(redis, early, "Dawn Calligrapher", List.of("Harlem"), true);
        Catalog.offer(redis, early, "calligraphy", "40.00");

        await().atMost(Duration.ofSeconds(20)).until(() -> instructors(search("calligraphy")).contains(early.toString()));
        JsonPath answer = search("calligraphy tomorrow morning");
        assertThat(answer.getList("relaxed")).isEmpty();
        assertThat(Instant.parse(answer.getString("results.find { it.instructorId == '" + early + "' }.nextAvailable")))
                .isEqualTo(tomorrow.atTime(9, 0).atZone(NEW_YORK).toInstant());
    }

    @Test
    void whenNothingMatchesOneConstraintIsRelaxedAndNamed() {
        UUID violinist = Catalog.instructor(redis, "Pricey Violinist", List.of("Chelsea"), false);
        Catalog.offer(redis, violinist, "violin", "150.00");
        await().atMost(Duration.ofSeconds(20)).until(() -> instructors(search("violin")).contains(violinist.toString()));

        JsonPath answer = search("violin under $5");
        assertThat(answer.getList("relaxed")).containsExactly("price");
        assertThat(answer.getList("results.serviceName", String.class)).isNotEmpty().containsOnly("Violin");
        assertThat(answer.getFloat("parsed.maxPrice")).isEqualTo(5f);
    }

    @Test
    void inactiveInstructorsAndRemovedOfferingsAreNotFound() {
        UUID paused = Catalog.instructor(redis, "Soon Suspended", List.of("Astoria"), true);
        UUID leaving = Catalog.instructor(redis, "Stops Teaching", List.of("Astoria"), true);
        Catalog.offer(redis, paused, "chess", "45.00");
        UUID offering = Catalog.offer(redis, leaving, "chess", "45.00");
        await().atMost(Duration.ofSeconds(20)).until(() -> instructors(search("chess")).containsAll(
                List.of(paused.toString(), leaving.toString())));

        Streams.publish(redis, "catalog-events", "instructor.status-changed",
                Map.of("instructorId", paused, "status", "suspended", "previousStatus", "active"));
        Streams.publish(redis, "catalog-events", "offering.removed",
                Map.of("offeringId", offering, "instructorId", leaving, "serviceId", Catalog.serviceId("chess")));
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            List<String> found = instructors(search("chess"));
            return !found.contains(paused.toString()) && !found.contains(leaving.toString());
        });
    }

    @Test
    void aRedeliveredOrOlderEventDoesNotUndoANewerChange() {
        UUID instructor = Catalog.instructor(redis, "Rate Changer", List.of("Tribeca"), true);
        UUID offering = UUID.randomUUID();
        Instant now = Instant.now();
        UUID first = Streams.publish(redis, "catalog-events", UUID.randomUUID(), "offering.upserted", now,
                versioned(Catalog.offering(offering, instructor, "drums", "70.00", List.of(60), List.of("beginner"),
                        List.of("adults"), List.of("studio")), 2));
        await().atMost(Duration.ofSeconds(20)).until(() -> instructors(search("drums under $75")).contains(instructor.toString()));

        // The same event delivered again, with a payload that would change it: applied once only.
        Streams.publish(redis, "catalog-events", first, "offering.upserted", now,
                versioned(Catalog.offering(offering, instructor, "drums", "95.00", List.of(60), List.of("beginner"),
                        List.of("adults"), List.of("studio")), 3));
        // An older version arriving late (reclaimed from a dead pod), even with a later time stamp: ignored.
        UUID late = Streams.publish(redis, "catalog-events", UUID.randomUUID(), "offering.upserted", now.plusSeconds(60),
                versioned(Catalog.offering(offering, instructor, "drums", "99.00", List.of(60), List.of("beginner"),
                        List.of("adults"), List.of("studio")), 1));
        await().atMost(Duration.ofSeconds(20)).until(() -> TestCatalogLoader.processed(late));
        assertThat(instructors(search("drums under $75"))).contains(instructor.toString());
    }

    private static Map<String, Object> versioned(Map<String, Object> payload, long version) {
        Map<String, Object> p = new java.util.LinkedHashMap<>(payload);
        p.put("version", version);
        return p;
    }

    @Test
    void pagesFollowTheCursorWithoutRepeats() {
        List<String> cellists = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            UUID cellist = Catalog.instructor(redis, "Cellist " + i, List.of("Queens"), true);
            Catalog.offer(redis, cellist, "cello", "80.00");
            cellists.add(cellist.toString());
        }
        // All of them in (and nothing else arriving) before paging, so the pages see one ordering.
        await().atMost(Duration.ofSeconds(20)).until(() -> instructors(search("cello")).containsAll(cellists));
        JsonPath first = given().queryParam("q", "cello").queryParam("limit", 2).get("/api/v1/search")
                .then().statusCode(200).extract().jsonPath();
        String cursor = first.getString("nextCursor");
        assertThat(cursor).isNotBlank();
        JsonPath second = given().queryParam("q", "cello").queryParam("limit", 2).queryParam("cursor", cursor)
                .get("/api/v1/search").then().statusCode(200).extract().jsonPath();
        assertThat(second.getList("results.instructorId", String.class)).isNotEmpty()
                .doesNotContainAnyElementsOf(first.getList("results.instructorId", String.class));
        assertThat(second.getInt("total")).isEqualTo(first.getInt("total"));
    }

    @Test
    void aRelaxedAnswerPagesWithTheSameRelaxation() {
        List<String> players = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            UUID player = Catalog.instructor(redis, "Accordion Player " + i, List.of("Queens"), true);
            Catalog.offer(redis, player, "accordion", "90.00");
            players.add(player.toString());
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> everyInstructor("accordion").containsAll(players));
        JsonPath first = given().queryParam("q", "accordion under $5").queryParam("limit", 2).get("/api/v1/search")
                .then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("relaxed")).containsExactly("price");
        assertThat(first.getInt("total")).isGreaterThanOrEqualTo(3);
        JsonPath second = given().queryParam("q", "accordion under $5").queryParam("limit", 2)
                .queryParam("cursor", first.getString("nextCursor")).get("/api/v1/search").then().statusCode(200)
                .extract().jsonPath();
        assertThat(second.getList("relaxed")).containsExactly("price");
        assertThat(second.getInt("total")).isEqualTo(first.getInt("total"));
        assertThat(second.getList("results.instructorId", String.class)).isNotEmpty()
                .doesNotContainAnyElementsOf(first.getList("results.instructorId", String.class));
        // A cursor that claims a relaxation search never gives is not one of search's cursors.
        String forged = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("o:2;r:service".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        given().queryParam("q", "accordion under $5").queryParam("cursor", forged).get("/api/v1/search").then()
                .statusCode(400).contentType("application/problem+json");
    }

    @Test
    void lessonsAtHomeSeveralAreasAndPlacesOutsideTheCity() {
        UUID travels = Catalog.instructor(redis, "Travelling Banjo", List.of("Astoria"), false);
        UUID studio = Catalog.instructor(redis, "Studio Banjo", List.of("Long Island City"), false);
        UUID uptown = Catalog.instructor(redis, "Uptown Banjo", List.of("Harlem"), false);
        Streams.publish(redis, "catalog-events", "offering.upserted", Catalog.offering(UUID.randomUUID(), travels, "banjo",
                "33.00", List.of(60), List.of("beginner"), List.of("adults"), List.of("student_home")));
        Streams.publish(redis, "catalog-events", "offering.upserted", Catalog.offering(UUID.randomUUID(), studio, "banjo",
                "33.00", List.of(60), List.of("beginner"), List.of("adults"), List.of("studio")));
        Streams.publish(redis, "catalog-events", "offering.upserted", Catalog.offering(UUID.randomUUID(), uptown, "banjo",
                "33.00", List.of(60), List.of("beginner"), List.of("adults"), List.of("studio", "student_home")));
        await().atMost(Duration.ofSeconds(20)).until(() -> everyInstructor("banjo").containsAll(
                List.of(travels.toString(), studio.toString(), uptown.toString())));

        JsonPath home = search("banjo teacher who can come to us");
        assertThat(home.getString("parsed.locationType")).isEqualTo("student_home");
        assertThat(everyInstructor("banjo teacher who can come to us")).contains(travels.toString(), uptown.toString())
                .doesNotContain(studio.toString());
        assertThat(home.getList("results.locationTypes.flatten()", String.class)).contains("student_home");

        JsonPath two = search("banjo in Astoria or LIC");
        assertThat(two.getList("parsed.location.areas", String.class)).containsExactly("astoria", "long island city");
        assertThat(everyInstructor("banjo in Astoria or LIC")).contains(travels.toString(), studio.toString())
                .doesNotContain(uptown.toString());
        assertThat(everyInstructor("banjo near 10027")).contains(uptown.toString()).doesNotContain(travels.toString());

        JsonPath outside = search("banjo in hoboken");
        assertThat(outside.getBoolean("parsed.location.outside")).isTrue();
        assertThat(outside.getList("relaxed")).containsExactly("location");
        assertThat(outside.getList("results")).isNotEmpty();
    }

    @Test
    void startsKeepTheInstructorsNoticeAndSeveralDaysOfTheWeek() {
        LocalDate today = LocalDate.now(NEW_YORK);
        UUID teacher = Catalog.instructor(redis, "Notice Harpist", List.of("Harlem"), true);
        Catalog.offer(redis, teacher, "harp", "11.00");
        List<Map<String, Object>> days = new java.util.ArrayList<>();
        for (int d = 0; d < 8; d++) {
            days.add(Map.of("date", today.plusDays(d).toString(), "blackout", false,
                    "windows", List.of(Map.of("start", "00:00", "end", "24:00"))));
        }
        Map<String, Object> change = new java.util.LinkedHashMap<>(Map.of("instructorId", teacher, "timeZone", "America/New_York",
                "version", 3, "minNoticeHours", 48, "bufferMinutes", 0, "horizonDays", 90));
        change.put("dates", days);
        Streams.publish(redis, "booking-events", "availability.changed", change);
        String mine = "results.find { it.instructorId == '" + teacher + "' }";
        await().atMost(Duration.ofSeconds(20)).until(() -> search("harp under $12").getString(mine + ".nextAvailable") != null);

        Instant first = Instant.parse(search("harp under $12").getString(mine + ".nextAvailable"));
        Instant notice = Instant.now().plus(Duration.ofHours(48));
        // The first quarter hour after the notice; late in the evening, when a 30-minute lesson starting then
        // would cross the instructor's midnight, the start of the next day.
        Instant nextDay = notice.atZone(NEW_YORK).toLocalDate().plusDays(1).atStartOfDay(NEW_YORK).toInstant();
        Instant latest = notice.plus(Duration.ofMinutes(20));
        if (notice.plus(Duration.ofMinutes(15 + 30)).isAfter(nextDay)) {
            latest = nextDay.plus(Duration.ofMinutes(1));
        }
        assertThat(first).isAfterOrEqualTo(notice.minus(Duration.ofMinutes(1))).isBefore(latest);
        // Only the weekdays asked, and a span of the day.
        JsonPath asked = search("harp under $12 tuesdays and thursdays from 1 to 3");
        assertThat(asked.getList(mine + ".nextStarts", String.class)).hasSize(3);
        for (String start : asked.getList(mine + ".nextStarts", String.class)) {
            java.time.ZonedDateTime at = java.time.OffsetDateTime.parse(start).atZoneSameInstant(NEW_YORK);
            assertThat(at.getDayOfWeek()).isIn(java.time.DayOfWeek.TUESDAY, java.time.DayOfWeek.THURSDAY);
            assertThat(at.toLocalTime()).isBetween(java.time.LocalTime.of(13, 0), java.time.LocalTime.of(14, 30));
        }
    }

    @Test
    void aRepeatedQueryIsAnsweredFromTheCache() {
        String q = "harp lessons for adults " + UUID.randomUUID().toString().substring(0, 4);
        JsonPath first = search(q);
        JsonPath second = search(q);
        assertThat(first.getBoolean("timings.cached")).isFalse();
        assertThat(second.getBoolean("timings.cached")).isTrue();
        assertThat(second.getString("searchId")).isNotEqualTo(first.getString("searchId"));
        assertThat(second.getList("results")).isEqualTo(first.getList("results"));
    }

    @Test
    void timingsAndParsedConstraintsAreReported() {
        JsonPath answer = search("piano lessons under $50 tomorrow evening");
        assertThat(answer.getString("parsed.serviceText")).isEqualTo("piano");
        assertThat(answer.getDouble("timings.totalMs")).isPositive();
        for (String stage : List.of("parseMs", "embedMs", "retrieveMs", "filterMs")) {
            assertThat(answer.getDouble("timings." + stage)).isNotNegative();
        }
    }

    @Test
    void servicesAreStoredWithTheirEmbeddingsAndFoundByMeaning() {
        // The snapshot's vectors are read back from the read model's pgvector column.
        float[] query = embeddings.embed("learning to play the piano");
        List<ServiceMatch.Scored> nearest = snapshot.current().nearest(query, 3);
        assertThat(nearest).hasSize(3);
        assertThat(nearest.get(0).service().name()).isEqualTo("Piano");
        assertThat(nearest.get(0).score()).isGreaterThan(nearest.get(1).score()).isGreaterThan(0.3);
        // Words none of the rules know still reach a search, answered by meaning (never an error).
        JsonPath answer = search("somebody to teach me sea shanties");
        assertThat(answer.getDouble("timings.embedMs")).isPositive();
    }

    @Test
    void hostileOrMeaninglessInputIsAnOrdinaryAnswer() {
        for (String q : List.of("'; DROP TABLE offering; --", "%_%", "🎹🎸🥁", "学钢琴", "piano\u0000lessons",
                "under $99999999999999999999", "<script>alert(1)</script>", "asdfghjkl qwerty", "\\", "$$$ -- /* */")) {
            given().queryParam("q", q).when().get("/api/v1/search").then().statusCode(200)
                    .body("query", org.hamcrest.Matchers.notNullValue());
        }
    }

    @Test
    void emptyOverlongOrMalformedRequestsAreClearProblems() {
        for (String q : List.of("", "   ", "\n\t ")) {
            given().queryParam("q", q).when().get("/api/v1/search").then().statusCode(400)
                    .contentType("application/problem+json").body("detail", containsString("q"));
        }
        given().when().get("/api/v1/search").then().statusCode(400).contentType("application/problem+json");
        given().queryParam("q", "a".repeat(501)).when().get("/api/v1/search").then().statusCode(400)
                .body("detail", containsString("500"));
        given().queryParam("q", "a".repeat(500)).when().get("/api/v1/search").then().statusCode(200);
        given().queryParam("q", "piano").queryParam("limit", "0").when().get("/api/v1/search").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        given().queryParam("q", "piano").queryParam("limit", "lots").when().get("/api/v1/search").then().statusCode(400);
        given().queryParam("q", "piano").queryParam("cursor", "not-a-cursor").when().get("/api/v1/search").then()
                .statusCode(400).body("errors[0].field", equalTo("cursor"));
    }
}
