package com.instainstru.booking.availability;

import com.instainstru.booking.availability.AvailabilityStore.Snapshot;
import com.instainstru.booking.availability.Schedule.Window;
import com.instainstru.platform.outbox.EventOutbox;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Writes {@code availability.changed} into the outbox, in the transaction of the change: the full
 * windows of each changed date, the instructor's booking rules, and the next value of their
 * availability sequence (so that consumers applying events out of order keep the newest).
 * Every path that changes windows, blackouts, rules or the time zone calls it.
 */
@ApplicationScoped
public class AvailabilityEvents {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    @Inject
    AvailabilityStore store;

    @Inject
    EventOutbox outbox;

    /** One instructor's change of the given dates (none: only their rules changed). */
    public Uni<Void> changed(SqlClient sql, UUID instructorId, Collection<LocalDate> dates) {
        return changed(sql, Map.of(instructorId, new TreeSet<>(dates)));
    }

    /**
     * Every date from {@code from} to {@code to} that has windows or is blacked out, for each instructor
     * (new demo windows, a new time zone).
     */
    public Uni<Void> restated(SqlClient sql, Collection<UUID> instructorIds, LocalDate from, LocalDate to) {
        if (instructorIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return store.snapshots(sql, instructorIds, from, to).flatMap(snapshots -> {
            Map<UUID, TreeSet<LocalDate>> dates = new HashMap<>();
            snapshots.forEach((id, s) -> {
                TreeSet<LocalDate> set = new TreeSet<>(s.windows().keySet());
                set.addAll(s.blackouts());
                dates.put(id, set);
            });
            return changed(sql, dates);
        });
    }

    private Uni<Void> changed(SqlClient sql, Map<UUID, TreeSet<LocalDate>> dates) {
        UUID[] ids = dates.keySet().toArray(UUID[]::new);
        LocalDate first = dates.values().stream().filter(d -> !d.isEmpty()).map(TreeSet::first).min(LocalDate::compareTo)
                .orElse(LocalDate.of(2000, 1, 1));
        LocalDate last = dates.values().stream().filter(d -> !d.isEmpty()).map(TreeSet::last).max(LocalDate::compareTo)
                .orElse(first);
        return sql.preparedQuery("""
                        UPDATE instructor_settings SET availability_version = availability_version + 1
                        WHERE instructor_id = ANY($1) RETURNING instructor_id, availability_version""")
                .execute(Tuple.of((Object) ids))
                .flatMap(rows -> {
                    Map<UUID, Long> versions = new HashMap<>();
                    for (Row r : rows) {
                        versions.put(r.getUUID("instructor_id"), r.getLong("availability_version"));
                    }
                    return store.snapshots(sql, versions.keySet(), first, last).flatMap(snapshots -> {
                        List<EventOutbox.Event> events = new ArrayList<>();
                        versions.forEach((id, version) -> events.add(new EventOutbox.Event(AvailabilityChanged.TYPE,
                                event(snapshots.get(id), version, dates.get(id)))));
                        return outbox.record(sql, events);
                    });
                });
    }

    static AvailabilityChanged event(Snapshot s, long version, Collection<LocalDate> dates) {
        return new AvailabilityChanged(s.instructorId(), s.rules().zone().getId(), version, s.rules().minNoticeHours(),
                s.rules().bufferMinutes(), s.rules().horizonDays(), dates.stream().sorted()
                        .map(d -> new AvailabilityChanged.DateWindows(d, ranges(s.windows().getOrDefault(d, List.of())),
                                s.blackouts().contains(d)))
                        .toList());
    }

    static List<AvailabilityResponses.TimeRange> ranges(List<Window> windows) {
        return windows.stream().map(w -> new AvailabilityResponses.TimeRange(w.start().format(HH_MM),
                w.end().format(HH_MM))).toList();
    }
}
