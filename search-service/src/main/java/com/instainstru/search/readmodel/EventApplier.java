package com.instainstru.search.readmodel;

import static com.instainstru.search.readmodel.ReadModelStore.strings;

import com.fasterxml.jackson.databind.JsonNode;
import com.instainstru.search.readmodel.ReadModelStore.DayWindows;
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
 * Turns the events of catalog-events, booking-events and analytics-events into read-model writes
 * (a tolerant reader: unknown types and fields are ignored). A payload that cannot be read throws
 * {@link IllegalArgumentException}: retrying would not help, so the consumer skips it.
 */
@ApplicationScoped
public class EventApplier {

    @Inject
    ReadModelStore store;

    public Uni<Void> apply(SqlClient sql, JsonNode event) {
        JsonNode p = event.path("payload");
        OffsetDateTime asOf = occurredAt(event);
        try {
            return switch (event.path("type").asText()) {
                case "catalog-service.upserted" -> store.upsertService(sql, service(p), asOf);
                case "instructor.upserted" -> store.upsertInstructor(sql, instructor(p), asOf);
                case "instructor.status-changed" -> store.changeStatus(sql, id(p, "instructorId"), text(p, "status"), asOf);
                case "offering.upserted" -> store.upsertOffering(sql, offering(p), asOf);
                case "offering.removed" -> store.removeOffering(sql, id(p, "offeringId"));
                case "availability.changed" -> store.replaceWindows(sql, id(p, "instructorId"),
                        ZoneId.of(ReadModelStore.validZone(p.path("timeZone").asText(null))), days(p.path("dates")));
                case "booking.created" -> store.addBooking(sql, id(p, "bookingId"), id(p, "instructorId"),
                        time(p, "startTime"), time(p, "endTime"));
                case "booking.cancelled" -> store.removeBooking(sql, id(p, "bookingId"));
                case "booking.rescheduled" -> store.removeBooking(sql, id(p, "previousBookingId"))
                        .chain(() -> store.addBooking(sql, id(p, "bookingId"), id(p, "instructorId"),
                                time(p, "startTime"), time(p, "endTime")));
                case "service-analytics.updated" -> store.updatePopularity(sql, popularity(p.path("services")), asOf);
                default -> Uni.createFrom().voidItem();
            };
        } catch (RuntimeException unreadable) {
            throw new IllegalArgumentException(unreadable.toString(), unreadable);
        }
    }

    public static ServiceRow service(JsonNode p) {
        return new ServiceRow(id(p, "serviceId"), text(p, "slug"), text(p, "name"), text(p, "categorySlug"),
                text(p, "categoryName"), strings(p.path("searchTerms")), p.path("onlineCapable").asBoolean(false),
                p.path("active").asBoolean(true));
    }

    public static InstructorRow instructor(JsonNode p) {
        return new InstructorRow(id(p, "instructorId"), text(p, "name"), p.path("timeZone").asText(null),
                strings(p.path("areas")), p.path("teachesOnline").asBoolean(false), text(p, "status"));
    }

    public static OfferingRow offering(JsonNode p) {
        List<Integer> durations = new ArrayList<>();
        p.path("durationOptions").forEach(d -> durations.add(d.asInt()));
        if (durations.isEmpty() || !p.path("hourlyRate").isNumber()) {
            throw new IllegalArgumentException("an offering needs an hourlyRate and durationOptions");
        }
        return new OfferingRow(id(p, "offeringId"), id(p, "instructorId"), id(p, "serviceId"),
                new BigDecimal(p.get("hourlyRate").asText()), durations, strings(p.path("levels")),
                strings(p.path("ageGroups")), strings(p.path("locationTypes")), p.path("active").asBoolean(true));
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

    static List<Popularity> popularity(JsonNode services) {
        List<Popularity> out = new ArrayList<>();
        for (JsonNode s : services) {
            out.add(new Popularity(id(s, "serviceId"), s.path("popularity").asDouble(0),
                    s.hasNonNull("demandScore") ? s.get("demandScore").asDouble() : null, s.path("trending").asBoolean(false)));
        }
        return out;
    }

    private static OffsetDateTime occurredAt(JsonNode event) {
        try {
            return event.hasNonNull("occurredAt") ? OffsetDateTime.parse(event.get("occurredAt").asText()) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    static UUID id(JsonNode p, String field) {
        return UUID.fromString(text(p, field));
    }

    static OffsetDateTime time(JsonNode p, String field) {
        return OffsetDateTime.parse(text(p, field));
    }

    static String text(JsonNode p, String field) {
        JsonNode v = p.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return v.asText();
    }
}
