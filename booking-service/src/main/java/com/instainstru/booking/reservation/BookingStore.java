package com.instainstru.booking.reservation;

import com.instainstru.platform.problem.ApiException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** SQL for bookings. Overlaps are refused by the table's exclusion constraints, named in the 409. */
@ApplicationScoped
class BookingStore {

    /** The exclusion constraint that keeps a student's confirmed lessons apart (the other one: the instructor's). */
    static final String STUDENT_OVERLAP = "booking_student_no_overlap";

    /** Everything needed to insert a booking. */
    record NewBooking(UUID id, UUID studentId, UUID instructorId, UUID offeringId, UUID serviceId, String serviceName,
            String instructorName, Instant start, int minutes, int bufferMinutes, BigDecimal hourlyRate,
            BigDecimal totalPrice, String locationType, String meetingLocation, String note, String timeZone,
            UUID rescheduledFrom) {
    }

    Uni<Booking> insert(SqlClient sql, NewBooking b) {
        OffsetDateTime start = b.start().atOffset(ZoneOffset.UTC);
        OffsetDateTime end = start.plusMinutes(b.minutes());
        return sql.preparedQuery("""
                        INSERT INTO booking (id, student_id, instructor_id, offering_id, service_id, service_name,
                            instructor_name, start_at, end_at, blocked_until, duration_minutes, hourly_rate, total_price,
                            location_type, meeting_location, note, time_zone, rescheduled_from)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
                        RETURNING *""")
                .execute(Tuple.tuple(Arrays.asList(b.id(), b.studentId(), b.instructorId(), b.offeringId(), b.serviceId(),
                        b.serviceName(), b.instructorName(), start, end, end.plusMinutes(b.bufferMinutes()), b.minutes(),
                        b.hourlyRate(), b.totalPrice(), b.locationType(), b.meetingLocation(), b.note(), b.timeZone(),
                        b.rescheduledFrom())))
                .onFailure(PgException.class).transform(BookingStore::overlap)
                .map(rows -> Booking.of(rows.iterator().next()));
    }

    /** An exclusion violation is the database refusing a double booking: the constraint it names says whose. */
    private static Throwable overlap(Throwable failure) {
        PgException pg = (PgException) failure;
        if (!"23P01".equals(pg.getSqlState())) {
            return failure;
        }
        if (STUDENT_OVERLAP.equals(pg.getConstraint())) {
            return ApiException.conflict("you already have a lesson booked at that time");
        }
        return ApiException.conflict("the instructor already has a lesson at that time");
    }

    Uni<Optional<Booking>> find(SqlClient sql, UUID id, boolean forUpdate) {
        return sql.preparedQuery("SELECT * FROM booking WHERE id = $1" + (forUpdate ? " FOR UPDATE" : ""))
                .execute(Tuple.of(id)).map(BookingStore::first);
    }

    /** Cancels a confirmed booking; empty if it was not confirmed any more. */
    Uni<Optional<Booking>> cancel(SqlClient sql, UUID id, String by, String reason, boolean late) {
        return sql.preparedQuery("""
                        UPDATE booking SET status = 'cancelled', cancelled_at = now(), cancelled_by = $2,
                               cancel_reason = $3, late_cancellation = $4, updated_at = now(), version = version + 1
                        WHERE id = $1 AND status = 'confirmed' RETURNING *""")
                .execute(Tuple.of(id, by, reason, late)).map(BookingStore::first);
    }

    /** "Now" is the service's clock (which end-to-end tests may run ahead), not the database's. */
    Uni<Optional<Booking>> markNoShow(SqlClient sql, UUID id, Instant now) {
        return sql.preparedQuery("""
                        UPDATE booking SET status = 'no_show', updated_at = now(), version = version + 1
                        WHERE id = $1 AND status IN ('confirmed', 'completed') AND start_at <= $2
                          AND start_at > $2 - interval '48 hours' RETURNING *""")
                .execute(Tuple.of(id, utc(now))).map(BookingStore::first);
    }

    /** The instructor (or an admin) marks a confirmed lesson that has started as completed; empty if it cannot be. */
    Uni<Optional<Booking>> markCompleted(SqlClient sql, UUID id, Instant now) {
        return sql.preparedQuery("""
                        UPDATE booking SET status = 'completed', updated_at = now(), version = version + 1
                        WHERE id = $1 AND status = 'confirmed' AND start_at <= $2 RETURNING *""")
                .execute(Tuple.of(id, utc(now))).map(BookingStore::first);
    }

    /** Marks up to {@code limit} confirmed lessons that have ended as completed. */
    Uni<List<Booking>> completeEnded(SqlClient sql, int limit, Instant now) {
        return sql.preparedQuery("""
                        UPDATE booking SET status = 'completed', updated_at = now(), version = version + 1
                        WHERE id IN (SELECT id FROM booking WHERE status = 'confirmed' AND end_at <= $2
                                     ORDER BY end_at LIMIT $1 FOR UPDATE SKIP LOCKED)
                        RETURNING *""")
                .execute(Tuple.of(limit, utc(now))).map(BookingStore::all);
    }

    Uni<Long> futureCount(SqlClient sql, UUID instructorId, Instant now) {
        return sql.preparedQuery("SELECT count(*) FROM booking WHERE instructor_id = $1 AND status = 'confirmed' "
                        + "AND start_at > $2").execute(Tuple.of(instructorId, utc(now)))
                .map(rows -> rows.iterator().next().getLong(0));
    }

    /**
     * Per instructor, the lessons starting in [from, to) (either may be null: unbounded) by status, those still
     * ahead of {@code now}, and the total price of the completed ones; one statement.
     */
    Uni<List<InstructorStats>> stats(SqlClient sql, List<UUID> instructorIds, OffsetDateTime from, OffsetDateTime to,
            Instant now) {
        return sql.preparedQuery("""
                        SELECT i.id AS instructor_id,
                               count(b.id) FILTER (WHERE b.status = 'confirmed') AS confirmed,
                               count(b.id) FILTER (WHERE b.status = 'confirmed' AND b.start_at > $4) AS upcoming,
                               count(b.id) FILTER (WHERE b.status = 'completed') AS completed,
                               count(b.id) FILTER (WHERE b.status = 'cancelled') AS cancelled,
                               count(b.id) FILTER (WHERE b.status = 'no_show') AS no_show,
                               coalesce(sum(b.total_price) FILTER (WHERE b.status = 'completed'), 0) AS earnings
                        FROM unnest($1::uuid[]) AS i(id)
                        LEFT JOIN booking b ON b.instructor_id = i.id
                             AND ($2::timestamptz IS NULL OR b.start_at >= $2)
                             AND ($3::timestamptz IS NULL OR b.start_at < $3)
                        GROUP BY i.id""")
                .execute(Tuple.of(instructorIds.toArray(UUID[]::new), from, to, utc(now)))
                .map(rows -> {
                    List<InstructorStats> result = new ArrayList<>(rows.size());
                    rows.forEach(r -> result.add(new InstructorStats(r.getUUID("instructor_id"), r.getLong("confirmed"),
                            r.getLong("upcoming"), r.getLong("completed"), r.getLong("cancelled"), r.getLong("no_show"),
                            r.getBigDecimal("earnings"))));
                    return result;
                });
    }

    private static OffsetDateTime utc(Instant t) {
        return t.atOffset(ZoneOffset.UTC);
    }

    /**
     * Bookings by party, statuses and time range, by start time (soonest or latest first, as {@code filter} says):
     * at most {@code limit} after the booking (start, id) of {@code after} (null: from the first); {@code party}
     * null means every booking (admin).
     */
    Uni<List<Booking>> list(SqlClient sql, String partyColumn, UUID party, BookingPage.Filter filter,
            OffsetDateTime from, OffsetDateTime to, int limit, BookingPage.After after) {
        // $1 is typed even when unused: an untyped parameter is an error (42P18).
        String where = partyColumn == null ? "$1::uuid IS NULL" : partyColumn + " = $1";
        String[] statuses = filter.statuses() == null ? null : filter.statuses().toArray(new String[0]);
        // Latest first reads the same (party, start_at) index backwards.
        String continues = filter.latestFirst() ? "<" : ">";
        String order = filter.latestFirst() ? "start_at DESC, id DESC" : "start_at, id";
        return sql.preparedQuery("SELECT * FROM booking WHERE " + where + """
                         AND ($2::text[] IS NULL OR status = ANY($2))
                         AND ($3::timestamptz IS NULL OR start_at >= $3)
                         AND ($4::timestamptz IS NULL OR start_at < $4)
                         AND ($6::timestamptz IS NULL OR (start_at, id) %s ($6, $7::uuid))
                        ORDER BY %s LIMIT $5""".formatted(continues, order))
                .execute(Tuple.tuple(Arrays.asList(party, statuses, from, to, limit,
                        after == null ? null : after.start(), after == null ? null : after.id())))
                .map(BookingStore::all);
    }

    private static Optional<Booking> first(RowSet<Row> rows) {
        return rows.size() == 0 ? Optional.empty() : Optional.of(Booking.of(rows.iterator().next()));
    }

    private static List<Booking> all(RowSet<Row> rows) {
        List<Booking> result = new ArrayList<>(rows.size());
        rows.forEach(r -> result.add(Booking.of(r)));
        return result;
    }
}
