package com.instainstru.search.readmodel;

import static com.instainstru.platform.streams.EventFields.dateTime;
import static com.instainstru.platform.streams.EventFields.optionalDateTime;
import static com.instainstru.platform.streams.EventFields.platformCurrency;
import static com.instainstru.platform.streams.EventFields.text;
import static com.instainstru.platform.streams.EventFields.uuid;
import static com.instainstru.search.readmodel.ReadModelStore.strings;

import com.fasterxml.jackson.databind.JsonNode;
import com.instainstru.platform.streams.EventHandler;
import com.instainstru.search.readmodel.FreeTimeStore.DayWindows;
import com.instainstru.search.readmodel.FreeTimeStore.Rules;
import com.instainstru.search.readmodel.ReadModelStore.InstructorRow;
import com.instainstru.search.readmodel.ReadModelStore.OfferingRow;
import com.instainstru.search.readmodel.ReadModelStore.Popularity;
import com.instainstru.search.readmodel.ReadModelStore.ServiceRow;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What search does with the events of catalog-events, booking-events and analytics-events (read for it by the
 * platform's stream consumer, once per event, in the transaction that records the event as processed):
 * read-model writes (a tolerant reader: unknown types and fields are ignored). A payload that cannot be read
 * throws {@link IllegalArgumentException}: retrying would not help, so the consumer skips it. Every write is
 * order-independent (versions, tombstones, a lock per instructor's free time), so pods and chunks may apply
 * entries in any order. No event is applied before the read model's rebuild at start has finished.
 */
@ApplicationScoped
public class EventApplier implements EventHandler {

    @Inject
    ReadModelStore store;

    @Inject
    FreeTimeStore freeTime;

    @Inject
    ReadModelRebuild rebuild;

    /** An empty read model is filled from the services first; the events since are applied after it. */
    @Override
    public boolean ready() {
        return rebuild.done();
    }

    @Override
    public Uni<Void> apply(Applying applying, JsonNode event) {
        SqlClient sql = applying.connection();
        JsonNode p = event.path("payload");
        try {
            return switch (event.path("type").asText()) {
                case "catalog-service.upserted" -> store.upsertService(sql, service(p));
                case "instructor.upserted" -> store.upsertInstructor(sql, instructor(p));
                case "instructor.status-changed" -> store.changeStatus(sql, uuid(p, "instructorId"), text(p, "status"),
                        version(p));
                case "offering.upserted" -> store.upsertOffering(sql, offering(p));
                case "offering.removed" -> store.removeOffering(sql, uuid(p, "offeringId"), uuid(p, "instructorId"),
                        uuid(p, "serviceId"));
                case "availability.changed" -> freeTime.replaceWindows(sql, uuid(p, "instructorId"),
                        ZoneId.of(ReadModelStore.validZone(p.path("timeZone").asText(null))), version(p), rules(p),
                        days(p.path("dates")));
                case "booking.created" -> freeTime.addBooking(sql, uuid(p, "bookingId"), uuid(p, "instructorId"),
                        dateTime(p, "startTime"), blockedUntil(p));
                case "booking.cancelled" -> freeTime.cancelBooking(sql, uuid(p, "bookingId"), uuid(p, "instructorId"),
                        optionalDateTime(p, "startTime"), optionalDateTime(p, "endTime"));
                case "booking.rescheduled" -> freeTime.cancelBooking(sql, uuid(p, "previousBookingId"),
                                uuid(p, "instructorId"), optionalDateTime(p, "previousStartTime"), optionalDateTime(p, "previousEndTime"))
                        .chain(() -> freeTime.addBooking(sql, uuid(p, "bookingId"), uuid(p, "instructorId"),
                                dateTime(p, "startTime"), blockedUntil(p)));
                case "service-analytics.updated" -> store.updatePopularity(sql, popularity(p.path("services")),
                        occurredAt(event));
                default -> Uni.createFrom().voidItem();
            };
        } catch (RuntimeException unreadable) {
            throw new IllegalArgumentException(unreadable.toString(), unreadable);
        }
    }

    public static ServiceRow service(JsonNode p) {
        return new ServiceRow(uuid(p, "serviceId"), text(p, "slug"), text(p, "name"), text(p, "categorySlug"),
                text(p, "categoryName"), strings(p.path("searchTerms")), p.path("onlineCapable").asBoolean(false),
                p.path("active").asBoolean(true), version(p));
    }

    public static InstructorRow instructor(JsonNode p) {
        return new InstructorRow(uuid(p, "instructorId"), text(p, "name"), p.path("timeZone").asText(null),
                strings(p.path("areas")), p.path("teachesOnline").asBoolean(false), text(p, "status"), version(p));
    }

    /**
     * An offering as catalog-events (offeringId, serviceId) or catalog's pages (id, catalogServiceId) give it; its
     * hourlyRate in USD (the currency of an event written before events carried one), which price filters compare.
     */
    public static OfferingRow offering(JsonNode p, UUID instructorId) {
        platformCurrency(p);
        List<Integer> durations = new ArrayList<>();
        p.path("durationOptions").forEach(d -> durations.add(d.asInt()));
        if (durations.isEmpty() || !p.path("hourlyRate").isNumber() && !p.path("hourlyRate").isTextual()) {
            throw new IllegalArgumentException("an offering needs an hourlyRate and durationOptions");
        }
        return new OfferingRow(uuid(p, p.has("offeringId") ? "offeringId" : "id"),
                instructorId != null ? instructorId : uuid(p, "instructorId"),
                uuid(p, p.has("serviceId") ? "serviceId" : "catalogServiceId"),
                new BigDecimal(p.get("hourlyRate").asText()), durations, strings(p.path("levels")),
                strings(p.path("ageGroups")), strings(p.path("locationTypes")), p.path("active").asBoolean(true),
                version(p));
    }

    public static OfferingRow offering(JsonNode p) {
        return offering(p, null);
    }

    /** The rules an availability.changed (or the free-time API) carries, or null from a producer that sends none. */
    static Rules rules(JsonNode p) {
        if (!p.hasNonNull("minNoticeHours")) {
            return null;
        }
        return new Rules(p.path("timeZone").asText(null), p.path("minNoticeHours").asInt(0),
                p.path("bufferMinutes").asInt(0), p.path("horizonDays").asInt(365), version(p));
    }

    /** The producer's per-aggregate version (0 from one that sends none). */
    static long version(JsonNode p) {
        return p.path("version").asLong(0);
    }

    static List<DayWindows> days(JsonNode dates) {
        List<DayWindows> out = new ArrayList<>();
        for (JsonNode d : dates) {
            List<String[]> windows = new ArrayList<>();
            if (!d.path("blackout").asBoolean(false)) {
                d.path("windows").forEach(w -> windows.add(new String[] {text(w, "start"), text(w, "end")}));
            }
            out.add(new DayWindows(LocalDate.parse(text(d, "date")), windows));
        }
        return out;
    }

    /** The end of the instructor's taken time: after the buffer when the producer says, else the lesson's end. */
    private static OffsetDateTime blockedUntil(JsonNode p) {
        return p.hasNonNull("blockedUntil") ? dateTime(p, "blockedUntil") : dateTime(p, "endTime");
    }

    static List<Popularity> popularity(JsonNode services) {
        List<Popularity> out = new ArrayList<>();
        for (JsonNode s : services) {
            out.add(new Popularity(uuid(s, "serviceId"), s.path("popularity").asDouble(0),
                    s.hasNonNull("demandScore") ? s.get("demandScore").asDouble() : null, s.path("trending").asBoolean(false)));
        }
        return out;
    }

    /** When the analytics were computed; an envelope without a readable one still updates popularity. */
    private static OffsetDateTime occurredAt(JsonNode event) {
        try {
            return optionalDateTime(event, "occurredAt");
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
