package com.instainstru.booking.reservation;

import com.instainstru.booking.infra.BookingConfig;
import com.instainstru.platform.problem.ApiException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * How much of one instructor's calendar one student may hold: at most
 * {@code booking.rules.max-future-lessons-per-day-with-instructor} future lessons on one day (the
 * instructor's local date) and {@code booking.rules.max-future-lessons-with-instructor} in all. Checked in
 * the booking's transaction after a lock on the (student, instructor) pair, so concurrent requests are
 * counted one after the other and cannot together pass the limits; booking-service enforces them for every
 * caller, whether it came through the gateway or not.
 */
@ApplicationScoped
class StudentLimits {

    /** Refused: the student holds as many of the instructor's future lessons as allowed. */
    static final String KIND = "booking-limit";

    @Inject
    BookingConfig config;

    @Inject
    Clock clock;

    Uni<Void> check(SqlConnection conn, UUID studentId, UUID instructorId, Instant start, ZoneId zone) {
        LocalDate day = start.atZone(zone).toLocalDate();
        return conn.preparedQuery("SELECT pg_advisory_xact_lock(hashtextextended($1::uuid::text || '/' || $2::uuid::text, 0))")
                .execute(Tuple.of(studentId, instructorId))
                // A new statement after the lock: it sees every booking committed by whoever held the lock before.
                .chain(() -> conn.preparedQuery("""
                                SELECT count(*) AS total,
                                       count(*) FILTER (WHERE (start_at AT TIME ZONE $3)::date = $4) AS that_day
                                FROM booking
                                WHERE student_id = $1 AND instructor_id = $2 AND status = 'confirmed' AND start_at > $5""")
                        .execute(Tuple.of(studentId, instructorId, zone.getId(), day, clock.instant().atOffset(ZoneOffset.UTC))))
                .invoke(rows -> refuseBeyondLimits(rows.iterator().next(), day))
                .replaceWithVoid();
    }

    private void refuseBeyondLimits(Row counts, LocalDate day) {
        int perDay = config.rules().maxFutureLessonsPerDayWithInstructor();
        int total = config.rules().maxFutureLessonsWithInstructor();
        if (counts.getLong("that_day") >= perDay) {
            throw new ApiException(409, KIND, "Booking limit reached", "you already have " + perDay
                    + " lessons with this instructor on " + day + ", the most one student may book on one day", null);
        }
        if (counts.getLong("total") >= total) {
            throw new ApiException(409, KIND, "Booking limit reached", "you already have " + total
                    + " upcoming lessons with this instructor, the most one student may hold; book more once some have taken place",
                    null);
        }
    }
}
