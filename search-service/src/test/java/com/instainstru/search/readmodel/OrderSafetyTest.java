package com.instainstru.search.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.instainstru.platform.streams.StreamConsumer;
import com.instainstru.search.support.Catalog;
import com.instainstru.search.support.Streams;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Search pods share the streams as one consumer group: the entries of a stream are applied by several
 * pods at once, in any order. The same story of instructors — profiles and status changes, offerings
 * changed and removed, windows and rules changed again and again, lessons booked, cancelled (some
 * before they were created) and moved — told once in order and then shuffled through three consumers,
 * must leave the same read model.
 */
@QuarkusTest
class OrderSafetyTest {

    private static final ZoneId NY = ZoneId.of("America/New_York");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int INSTRUCTORS = 3;

    @Inject
    Redis redis;

    @Inject
    Pool pool;

    @Inject
    StreamConsumer consumer;

    record Event(String stream, String type, Map<String, Object> payload) {
    }

    /** Ids of one telling of the story: the same names give the same ids within it, other ids in another. */
    static final class Story {
        final String telling;
        final Map<UUID, String> names = new LinkedHashMap<>();
        final List<Event> events = new ArrayList<>();

        Story(String telling) {
            this.telling = telling;
        }

        UUID id(String name) {
            UUID id = UUID.nameUUIDFromBytes((telling + ":" + name).getBytes(StandardCharsets.UTF_8));
            names.put(id, name);
            return id;
        }

        void add(String stream, String type, Object... fields) {
            Map<String, Object> payload = new LinkedHashMap<>();
            for (int i = 0; i < fields.length; i += 2) {
                payload.put((String) fields[i], fields[i + 1]);
            }
            events.add(new Event(stream, type, payload));
        }

        void add(String stream, String type, Map<String, Object> payload) {
            events.add(new Event(stream, type, payload));
        }
    }

    static Story story(String telling) {
        Story s = new Story(telling);
        LocalDate d1 = LocalDate.now(NY).plusDays(2);
        LocalDate d2 = d1.plusDays(1);
        LocalDate d3 = d1.plusDays(2);
        for (int k = 0; k < INSTRUCTORS; k++) {
            UUID i = s.id("instructor" + k);
            UUID o0 = s.id("offering" + k + "a");
            UUID o1 = s.id("offering" + k + "b");
            UUID o2 = s.id("offering" + k + "c");
            String piano = Catalog.serviceId("piano").toString();
            String guitar = Catalog.serviceId("guitar").toString();
            s.add("catalog-events", "instructor.upserted", "instructorId", i, "name", "First " + k, "areas",
                    List.of("Harlem"), "teachesOnline", false, "status", "active", "timeZone", "America/New_York", "version", 0);
            s.add("catalog-events", "offering.upserted", offering(o0, i, piano, "50", List.of(60), true, 0));
            s.add("catalog-events", "offering.upserted", offering(o1, i, guitar, "60", List.of(30, 60), true, 0));
            s.add("catalog-events", "instructor.upserted", "instructorId", i, "name", "Second " + k, "areas",
                    List.of("Park Slope"), "teachesOnline", true, "status", "active", "timeZone", "America/New_York", "version", 1);
            s.add("catalog-events", "offering.upserted", offering(o0, i, piano, "55", List.of(60), true, 1));
            s.add("catalog-events", "instructor.status-changed", "instructorId", i, "status", "suspended",
                    "previousStatus", "active", "version", 2);
            s.add("catalog-events", "offering.upserted", offering(o1, i, guitar, "65", List.of(30, 60), false, 1));
            s.add("catalog-events", "offering.removed", "offeringId", o1, "instructorId", i, "serviceId", guitar, "version", 2);
            s.add("catalog-events", "instructor.status-changed", "instructorId", i, "status", "active",
                    "previousStatus", "suspended", "version", 3);
            s.add("catalog-events", "offering.upserted", offering(o0, i, piano, "58", List.of(30, 60), true, 2));
            s.add("catalog-events", "instructor.upserted", "instructorId", i, "name", "Last " + k, "areas",
                    List.of("Astoria"), "teachesOnline", true, "status", "active", "timeZone", "America/New_York", "version", 4);
            s.add("catalog-events", "offering.upserted", offering(o2, i, guitar, "70", List.of(45), true, 0));
            s.add("catalog-events", "offering.removed", "offeringId", o2, "instructorId", i, "serviceId", guitar, "version", 1);

            s.add("booking-events", "availability.changed", availability(i, 1, 2, 0,
                    date(d1, false, "09:00", "12:00", "14:00", "18:00"), date(d2, false, "09:00", "12:00")));
            s.add("booking-events", "availability.changed", availability(i, 2, 2, 15,
                    date(d2, false, "10:00", "16:00"), date(d3, false, "08:00", "20:00")));
            s.add("booking-events", "availability.changed", availability(i, 3, 2, 15, date(d1, true, "09:00", "12:00")));
            s.add("booking-events", "availability.changed", availability(i, 4, 4, 0));
            s.add("booking-events", "availability.changed", availability(i, 5, 4, 0, date(d3, false, "09:00", "17:00")));

            UUID b0 = s.id("booking" + k + "a");
            UUID b1 = s.id("booking" + k + "b");
            UUID b2 = s.id("booking" + k + "c");
            UUID b3 = s.id("booking" + k + "d");
            UUID b4 = s.id("booking" + k + "e");
            s.add("booking-events", "booking.created", booking(b0, i, at(d2, "11:00"), at(d2, "12:00"), at(d2, "12:00")));
            s.add("booking-events", "booking.cancelled", booking(b0, i, at(d2, "11:00"), at(d2, "12:00"), null));
            s.add("booking-events", "booking.created", booking(b1, i, at(d3, "10:00"), at(d3, "11:00"), at(d3, "11:00")));
            Map<String, Object> moved = booking(b2, i, at(d3, "13:00"), at(d3, "14:00"), at(d3, "14:00"));
            moved.put("previousBookingId", b1);
            moved.put("previousStartTime", at(d3, "10:00"));
            moved.put("previousEndTime", at(d3, "11:00"));
            s.add("booking-events", "booking.rescheduled", moved);
            s.add("booking-events", "booking.created", booking(b3, i, at(d3, "15:00"), at(d3, "15:30"), at(d3, "15:45")));
            // A cancellation that reaches search before its booking: the booking must stay cancelled.
            s.add("booking-events", "booking.cancelled", booking(b4, i, at(d2, "14:00"), at(d2, "15:00"), null));
            s.add("booking-events", "booking.created", booking(b4, i, at(d2, "14:00"), at(d2, "15:00"), at(d2, "15:00")));
        }
        return s;
    }

    private static Map<String, Object> offering(UUID id, UUID instructor, String service, String rate,
            List<Integer> durations, boolean active, long version) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("offeringId", id);
        p.put("instructorId", instructor);
        p.put("serviceId", service);
        p.put("hourlyRate", new java.math.BigDecimal(rate));
        p.put("durationOptions", durations);
        p.put("levels", List.of("beginner"));
        p.put("ageGroups", List.of("adults"));
        p.put("locationTypes", List.of("studio", "online"));
        p.put("active", active);
        p.put("version", version);
        return p;
    }

    private static Object[] availability(UUID instructor, long version, int notice, int buffer, Map<?, ?>... dates) {
        return new Object[] {"instructorId", instructor, "timeZone", "America/New_York", "version", version,
                "minNoticeHours", notice, "bufferMinutes", buffer, "horizonDays", 90, "dates", List.of(dates)};
    }

    private static Map<String, Object> date(LocalDate date, boolean blackout, String... times) {
        List<Map<String, String>> windows = new ArrayList<>();
        for (int i = 0; i < times.length; i += 2) {
            windows.add(Map.of("start", times[i], "end", times[i + 1]));
        }
        return Map.of("date", date.toString(), "blackout", blackout, "windows", windows);
    }

    private static String at(LocalDate date, String time) {
        return date.atTime(LocalTime.parse(time)).atZone(NY).toOffsetDateTime().toString();
    }

    private static Map<String, Object> booking(UUID id, UUID instructor, String start, String end, String blockedUntil) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("bookingId", id);
        p.put("instructorId", instructor);
        p.put("serviceId", Catalog.serviceId("piano"));
        p.put("startTime", start);
        p.put("endTime", end);
        if (blockedUntil != null) {
            p.put("blockedUntil", blockedUntil);
        }
        return p;
    }

    @Test
    void theSameEventsInOrderAndShuffledThroughThreeConsumersLeaveTheSameReadModel() throws Exception {
        Story inOrder = story("in-order-" + UUID.randomUUID());
        for (Event e : inOrder.events) {
            JsonNode envelope = JSON.valueToTree(Map.of("id", UUID.randomUUID().toString(), "type", e.type(),
                    "payload", e.payload()));
            consumer.applyOnce(e.stream(), envelope).await().atMost(Duration.ofSeconds(10));
        }
        Map<String, Object> expected = readModel(inOrder);

        for (long seed : new long[] {1, 2}) {
            Story shuffled = story("shuffled-" + seed + "-" + UUID.randomUUID());
            List<Event> events = new ArrayList<>(shuffled.events);
            Collections.shuffle(events, new Random(seed));
            assertThat(events).isNotEqualTo(shuffled.events);
            throughThreeConsumers(events);
            assertThat(readModel(shuffled)).isEqualTo(expected);
        }
        // Spot checks that the story itself came out as told.
        assertThat(expected.toString()).contains("Last 0", "removed=true").doesNotContain("First 0");
    }

    /** Three pods of the one consumer group, taking a couple of entries at a time while the events arrive. */
    private void throughThreeConsumers(List<Event> events) throws Exception {
        List<UUID> ids = new ArrayList<>();
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService pods = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int pod = 0; pod < 3; pod++) {
                String name = "order-test-pod-" + pod;
                running.add(pods.submit(() -> {
                    while (!done.get()) {
                        for (String stream : List.of("catalog-events", "booking-events")) {
                            consumer.poll(stream, name, 2).await().atMost(Duration.ofSeconds(30));
                        }
                    }
                    return null;
                }));
            }
            for (Event e : events) {
                ids.add(Streams.publish(redis, e.stream(), UUID.randomUUID(), e.type(), Instant.now(), e.payload()));
            }
            await().atMost(Duration.ofSeconds(90)).until(() -> processed(ids) == ids.size());
            done.set(true);
            for (Future<?> pod : running) {
                pod.get(30, TimeUnit.SECONDS);
            }
        } finally {
            done.set(true);
            pods.shutdownNow();
        }
    }

    private long processed(List<UUID> ids) {
        return pool.preparedQuery("SELECT count(*) FROM processed_event WHERE event_id = ANY($1)")
                .execute(Tuple.of((Object) ids.toArray(UUID[]::new))).await().atMost(Duration.ofSeconds(5))
                .iterator().next().getLong(0);
    }

    /** Everything the read model holds about the story's instructors, by the story's names (not its ids). */
    private Map<String, Object> readModel(Story story) {
        Map<String, Object> model = new TreeMap<>();
        UUID[] ids = story.names.keySet().toArray(UUID[]::new);
        rows("""
                SELECT id, name, areas, boroughs, area_names, teaches_online, status, profile_version, status_version,
                       free_ms, notice_minutes, horizon_days, schedule_zone FROM instructor WHERE id = ANY($1)""", ids)
                .forEach(r -> model.put(story.names.get(r.getUUID("id")), describe(r, "id")));
        rows("""
                SELECT id, service_id, hourly_rate, durations, min_duration, active, removed, version
                FROM offering WHERE id = ANY($1)""", ids)
                .forEach(r -> model.put(story.names.get(r.getUUID("id")), describe(r, "id")));
        rows("SELECT instructor_id, day, windows::text, free::text, version FROM availability WHERE instructor_id = ANY($1)", ids)
                .forEach(r -> model.put(story.names.get(r.getUUID("instructor_id")) + "@" + r.getLocalDate("day"),
                        describe(r, "instructor_id")));
        rows("SELECT * FROM booking_rules WHERE instructor_id = ANY($1)", ids)
                .forEach(r -> model.put(story.names.get(r.getUUID("instructor_id")) + " rules", describe(r, "instructor_id")));
        rows("SELECT booking_id, during::text, cancelled, reconciled FROM booked WHERE booking_id = ANY($1)", ids)
                .forEach(r -> model.put(story.names.get(r.getUUID("booking_id")), describe(r, "booking_id")));
        return model;
    }

    private List<Row> rows(String sql, UUID[] ids) {
        List<Row> out = new ArrayList<>();
        pool.preparedQuery(sql).execute(Tuple.of((Object) ids)).await().atMost(Duration.ofSeconds(10)).forEach(out::add);
        return out;
    }

    private static String describe(Row r, String idColumn) {
        Map<String, Object> values = new TreeMap<>();
        for (int c = 0; c < r.size(); c++) {
            String column = r.getColumnName(c);
            if (!column.equals(idColumn)) {
                Object v = r.getValue(c);
                values.put(column, v instanceof Object[] array ? List.of(array) : v);
            }
        }
        return values.toString();
    }
}
