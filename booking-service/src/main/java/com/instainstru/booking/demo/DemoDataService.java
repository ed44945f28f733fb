package com.instainstru.booking.demo;

import com.instainstru.booking.availability.AvailabilityEvents;
import com.instainstru.booking.catalog.CatalogClient.InstructorView;
import com.instainstru.booking.catalog.CatalogClient.OfferingView;
import com.instainstru.booking.catalog.CatalogClient;
import com.instainstru.platform.outbox.EventOutbox;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Demo availability for every active instructor in the catalog (weekday afternoons and evenings,
 * some mornings and weekends, varied per instructor), plus sample past (completed) and future
 * (confirmed) bookings by a handful of demo students, each announced on booking-events like any other
 * change (availability.changed, booking.created). Deterministic and idempotent.
 */
@ApplicationScoped
class DemoDataService {

    static final int PAGE = 100;
    static final int STUDENTS = 10;

    @Inject
    @RestClient
    CatalogClient catalog;

    @Inject
    Pool pool;

    @Inject
    EventOutbox outbox;

    @Inject
    AvailabilityEvents availabilityEvents;

    record Result(int instructors, int windows, int bookings, long tookMs) {
    }

    static UUID studentId(int index) {
        return UUID.nameUUIDFromBytes(("demo-student:" + index).getBytes(StandardCharsets.UTF_8));
    }

    Uni<Result> generate(int days, int sampleBookings) {
        long start = System.nanoTime();
        return allInstructors().flatMap(instructors -> Multi.createFrom().iterable(chunks(instructors, 500))
                .onItem().transformToUniAndConcatenate(chunk -> pool.withTransaction(conn -> windows(conn, chunk, days)))
                .collect().asList()
                .flatMap(counts -> pool.withTransaction(conn -> bookings(conn, instructors, days, sampleBookings))
                        .map(booked -> new Result(instructors.size(), counts.stream().mapToInt(Integer::intValue).sum(),
                                booked, (System.nanoTime() - start) / 1_000_000))));
    }

    /** Every active instructor, page after page (following nextCursor). */
    private Uni<List<InstructorView>> allInstructors() {
        return instructorsFrom(null, new ArrayList<>());
    }

    private Uni<List<InstructorView>> instructorsFrom(String cursor, List<InstructorView> all) {
        return catalog.instructors(cursor, PAGE).flatMap(page -> {
            all.addAll(page.items());
            return page.nextCursor() == null ? Uni.createFrom().item(all) : instructorsFrom(page.nextCursor(), all);
        });
    }

    /** Each instructor's weekly shape, from their id: afternoons on weekdays, and more for some. */
    static List<LocalTime[]> pattern(UUID instructor, LocalDate date) {
        int shape = Math.floorMod(instructor.hashCode(), 4);
        boolean weekend = date.getDayOfWeek().getValue() >= 6;
        List<LocalTime[]> windows = new ArrayList<>();
        if (weekend) {
            if (shape >= 2) {
                windows.add(new LocalTime[] {LocalTime.of(10, 0), LocalTime.of(14, 0)});
            }
            return windows;
        }
        if (shape == 1 || shape == 3) {
            windows.add(new LocalTime[] {LocalTime.of(9, 0), LocalTime.of(12, 0)});
        }
        windows.add(new LocalTime[] {LocalTime.of(14, 0), LocalTime.of(20, 0)});
        return windows;
    }

    private Uni<Integer> windows(SqlConnection conn, List<InstructorView> chunk, int days) {
        List<UUID> ids = new ArrayList<>();
        List<LocalDate> dates = new ArrayList<>();
        List<LocalTime> starts = new ArrayList<>();
        List<LocalTime> ends = new ArrayList<>();
        LocalDate today = LocalDate.now(ZoneId.of("America/New_York"));
        for (InstructorView i : chunk) {
            for (int d = 0; d < days; d++) {
                LocalDate date = today.plusDays(d);
                for (LocalTime[] w : pattern(i.id(), date)) {
                    ids.add(i.id());
                    dates.add(date);
                    starts.add(w[0]);
                    ends.add(w[1]);
                }
            }
        }
        UUID[] instructorIds = chunk.stream().map(InstructorView::id).toArray(UUID[]::new);
        String[] zones = chunk.stream().map(i -> i.timeZone() == null ? "America/New_York" : i.timeZone())
                .toArray(String[]::new);
        return conn.preparedQuery("""
                        INSERT INTO instructor_settings (instructor_id, time_zone)
                        SELECT * FROM unnest($1::uuid[], $2::text[]) ON CONFLICT (instructor_id) DO NOTHING""")
                .execute(Tuple.of(instructorIds, zones))
                .chain(() -> conn.preparedQuery("""
                        INSERT INTO availability_window (instructor_id, date, start_time, end_time)
                        SELECT * FROM unnest($1::uuid[], $2::date[], $3::time[], $4::time[]) AS x(i, d, s, e)
                        -- A date the instructor has already published is left as they made it.
                        WHERE NOT EXISTS (SELECT 1 FROM availability_window w WHERE w.instructor_id = x.i AND w.date = x.d)
                        ON CONFLICT (instructor_id, date, start_time) DO NOTHING RETURNING instructor_id""")
                        .execute(Tuple.of(ids.toArray(UUID[]::new), dates.toArray(LocalDate[]::new),
                                starts.toArray(LocalTime[]::new), ends.toArray(LocalTime[]::new))))
                // Search learns the windows like any other: availability.changed for each instructor given some.
                .flatMap(rows -> {
                    java.util.Set<UUID> changed = new java.util.LinkedHashSet<>();
                    rows.forEach(r -> changed.add(r.getUUID("instructor_id")));
                    return availabilityEvents.restated(conn, changed, today, today.plusDays(days - 1L))
                            .replaceWith(rows.rowCount());
                });
    }

    /**
     * Sample bookings, half in the past (completed), half ahead (confirmed): booking j is instructor j's,
     * by student j mod 10, at a slot no other booking of that student uses.
     */
    private Uni<Integer> bookings(SqlConnection conn, List<InstructorView> instructors, int days, int count) {
        List<Tuple> rows = new ArrayList<>();
        Map<UUID, List<EventOutbox.Event>> events = new java.util.HashMap<>();
        ZoneId ny = ZoneId.of("America/New_York");
        LocalDate today = LocalDate.now(ny);
        int usable = Math.min(count, Math.min(instructors.size(), STUDENTS * 6 * Math.max(1, days - 2)));
        for (int j = 0; j < usable; j++) {
            InstructorView instructor = instructors.get(j);
            OfferingView offering = instructor.offerings().stream().filter(o -> o.durationOptions().contains(60))
                    .findFirst().orElse(null);
            if (offering == null) {
                continue;
            }
            int slot = j / STUDENTS;
            boolean past = j % 2 == 0;
            LocalDate date = weekdays(past ? today.minusDays(1) : today.plusDays(2), slot / 6, past ? -1 : 1);
            ZonedDateTime startAt = ZonedDateTime.of(date, LocalTime.of(14 + slot % 6, 0), ny);
            UUID id = UUID.nameUUIDFromBytes(("demo-booking:" + instructor.id() + ":" + j).getBytes(StandardCharsets.UTF_8));
            BigDecimal price = offering.hourlyRate().setScale(2, RoundingMode.HALF_UP);
            rows.add(Tuple.tuple(List.of(id, studentId(j % STUDENTS), instructor.id(), offering.id(),
                    offering.catalogServiceId(), offering.serviceName(), instructor.name(), startAt.toOffsetDateTime(),
                    startAt.plusMinutes(60).toOffsetDateTime(), price, past ? "completed" : "confirmed",
                    ny.getId(), offering.locationTypes().get(0))));
            Map<String, Object> payload = new java.util.LinkedHashMap<>();
            payload.put("bookingId", id);
            payload.put("studentId", studentId(j % STUDENTS));
            payload.put("instructorId", instructor.id());
            payload.put("offeringId", offering.id());
            payload.put("serviceId", offering.catalogServiceId());
            payload.put("serviceName", offering.serviceName());
            payload.put("startTime", startAt.toOffsetDateTime());
            payload.put("endTime", startAt.plusMinutes(60).toOffsetDateTime());
            payload.put("blockedUntil", startAt.plusMinutes(60).toOffsetDateTime());
            payload.put("durationMinutes", 60);
            payload.put("hourlyRate", price);
            payload.put("totalPrice", price);
            payload.put("locationType", offering.locationTypes().get(0));
            payload.put("timeZone", ny.getId());
            List<EventOutbox.Event> mine = new ArrayList<>(List.of(new EventOutbox.Event("booking.created", payload)));
            if (past) {
                mine.add(new EventOutbox.Event("booking.completed", payload));
            }
            events.put(id, mine);
        }
        if (rows.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return conn.preparedQuery("""
                        INSERT INTO booking (id, student_id, instructor_id, offering_id, service_id, service_name,
                            instructor_name, start_at, end_at, blocked_until, duration_minutes, hourly_rate, total_price,
                            status, time_zone, location_type)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $9, 60, $10, $10, $11, $12, $13)
                        ON CONFLICT DO NOTHING RETURNING id""")
                .executeBatch(rows)
                .flatMap(result -> {
                    // Events only for the bookings this run added: a re-run announces nothing twice.
                    List<EventOutbox.Event> added = new ArrayList<>();
                    for (var rs = result; rs != null; rs = rs.next()) {
                        rs.forEach(row -> added.addAll(events.get(row.getUUID("id"))));
                    }
                    int inserted = (int) added.stream().filter(e -> e.type().equals("booking.created")).count();
                    return outbox.record(conn, added).replaceWith(inserted);
                });
    }

    /** The {@code n}-th weekday (0 = the first) from {@code start}, stepping by {@code step} days. */
    static LocalDate weekdays(LocalDate start, int n, int step) {
        LocalDate date = start;
        int seen = -1;
        while (true) {
            if (date.getDayOfWeek().getValue() < 6 && ++seen == n) {
                return date;
            }
            date = date.plusDays(step);
        }
    }

    private static <T> List<List<T>> chunks(List<T> all, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < all.size(); i += size) {
            chunks.add(all.subList(i, Math.min(all.size(), i + size)));
        }
        return chunks;
    }
}
