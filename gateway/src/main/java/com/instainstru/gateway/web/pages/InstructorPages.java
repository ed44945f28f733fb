package com.instainstru.gateway.web.pages;

import com.instainstru.gateway.web.client.BookingViews.BookableTimes;
import com.instainstru.gateway.web.client.CatalogViews.Instructor;
import com.instainstru.gateway.web.client.CatalogViews.Offering;
import com.instainstru.gateway.web.client.PageServices;
import com.instainstru.gateway.web.client.Part;
import com.instainstru.gateway.web.client.SharedReads;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * /instructors/{id}: the profile (bio, experience, areas), offerings and prices, and when they can be booked:
 * a 14-day strip with the days that have free time marked, the picked day's times grouped by part of the day,
 * a length choice when several are offered. Read from catalog-service and booking-service in parallel.
 */
@Path("/instructors/{id}")
@Produces(MediaType.TEXT_HTML)
public class InstructorPages {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    /** The lesson length shown when the address names none and the offering has it. */
    static final int DEFAULT_MINUTES = 60;

    @Inject
    PageServices services;

    @Inject
    SharedReads shared;

    @Inject
    Clock clock;

    @Inject
    Clicks clicks;

    /** A lesson length and what it costs at the offering's rate, in the offering's currency. */
    public record Length(int minutes, BigDecimal price, String currency, boolean chosen, String url) {
    }

    /** One of the instructor's offerings, linked unless it is the one shown (a page reads no outer value in a loop). */
    public record OfferingLink(Offering offering, String url, boolean current) {
    }

    public record ProfileView(Instructor instructor, Offering offering, List<OfferingLink> offerings,
            List<Length> lengths, int duration, TimePicker.Strip strip, String timesMissing) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance profile(ProfileView view);

        static native TemplateInstance profile$times(ProfileView view);
    }

    @GET
    public Uni<TemplateInstance> profile(@RestPath String id, @RestQuery String service, @RestQuery String duration,
            @RestQuery String date, @RestQuery String sid, @RestQuery String pos, @RestHeader("HX-Request") String htmx) {
        UUID instructorId = SearchPages.uuidOrNull(id);
        if (instructorId == null) {
            throw PageException.notFound("There is no instructor at this address.");
        }
        Integer asked = duration == null || duration.isBlank() ? null : minutes(duration);
        LocalDate picked = date == null || date.isBlank() ? null : date(date);
        clicks.report(sid, pos, instructorId, SearchPages.uuidOrNull(service));
        // The profile is a shared read, kept a few seconds; the times are always asked (the review page asks live again).
        Uni<Part<Instructor>> instructor = shared.instructor(instructorId);
        // Both asked at once: without a length in the address, the usual hour is asked for, which is the
        // length shown whenever the offering has it (otherwise its times are asked again for its first length).
        int likely = asked == null ? DEFAULT_MINUTES : asked;
        return Uni.combine().all().unis(instructor, times(instructorId, likely)).asTuple()
                .map(t -> new Parts(t.getItem1(), likely, t.getItem2()))
                .flatMap(parts -> view(parts, instructorId, service, asked, picked))
                .map(view -> htmx != null ? Templates.profile$times(view) : Templates.profile(view));
    }

    private record Parts(Part<Instructor> instructor, int minutes, Part<BookableTimes> times) {
    }

    private Uni<ProfileView> view(Parts parts, UUID instructorId, String service, Integer asked, LocalDate picked) {
        Instructor instructor = found(parts.instructor());
        Offering offering = instructor.offering(service);
        int duration = length(offering, asked);
        Uni<Part<BookableTimes>> times = parts.minutes() == duration
                ? Uni.createFrom().item(parts.times()) : times(instructorId, duration);
        return times.map(part -> build(instructor, offering, duration, picked, part));
    }

    /** The length shown: the one asked when offered, else an hour when offered, else the offering's first. */
    static int length(Offering offering, Integer asked) {
        if (offering == null || offering.durationOptions().isEmpty()) {
            return asked == null ? DEFAULT_MINUTES : asked;
        }
        if (asked != null && offering.offers(asked)) {
            return asked;
        }
        return offering.offers(DEFAULT_MINUTES) ? DEFAULT_MINUTES : offering.durationOptions().get(0);
    }

    private ProfileView build(Instructor instructor, Offering offering, int duration, LocalDate picked,
            Part<BookableTimes> times) {
        String base = "/instructors/" + instructor.id() + "?service=" + (offering == null ? "" : offering.catalogServiceId());
        List<Length> lengths = offering == null ? List.of() : offering.durationOptions().stream()
                .map(m -> new Length(m, price(offering.hourlyRate(), m), offering.currency(), m == duration,
                        base + "&duration=" + m + (picked == null ? "" : "&date=" + picked) + "#times"))
                .toList();
        TimePicker.Strip strip = null;
        String missing = null;
        if (times.ok() && offering != null) {
            LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(times.value().timeZone())));
            strip = TimePicker.strip(times.value(), duration, today, picked,
                    day -> base + "&duration=" + duration + "&date=" + day + "#times",
                    start -> BookingPages.reviewUrl(instructor.id(), offering.id(), start, duration, null, null, 0));
        } else if (!times.ok()) {
            missing = times.unavailable() ? "Available times can't be shown right now. Please try again in a minute."
                    : "Available times can't be shown: " + times.detail();
        }
        List<OfferingLink> offerings = instructor.activeOfferings().stream()
                .map(o -> new OfferingLink(o, "/instructors/" + instructor.id() + "?service=" + o.catalogServiceId(),
                        offering != null && o.id().equals(offering.id())))
                .toList();
        return new ProfileView(instructor, offering, offerings, lengths, duration, strip, missing);
    }

    private Uni<Part<BookableTimes>> times(UUID instructorId, int duration) {
        LocalDate today = LocalDate.now(clock.withZone(NEW_YORK));
        return services.read("booking", "/api/v1/availability/" + instructorId + "?from=" + today
                + "&to=" + today.plusDays(TimePicker.DAYS - 1) + "&duration=" + duration, null, BookableTimes.class,
                "available times");
    }

    private static Instructor found(Part<Instructor> part) {
        if (part.ok()) {
            return part.value();
        }
        if (part.unavailable()) {
            throw PageException.unavailable("Instructor profiles can't be shown right now. Please try again in a minute.");
        }
        throw PageException.notFound("There is no instructor at this address, or they no longer teach here.");
    }

    /** Price of a lesson at the offering's hourly rate: rate × minutes / 60, to the cent (as booking-service charges). */
    static BigDecimal price(BigDecimal hourlyRate, int minutes) {
        return hourlyRate.multiply(BigDecimal.valueOf(minutes)).divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_UP);
    }

    static int minutes(String duration) {
        try {
            int minutes = Integer.parseInt(duration.strip());
            if (minutes < 15 || minutes > 240) {
                throw new NumberFormatException();
            }
            return minutes;
        } catch (NumberFormatException e) {
            throw PageException.badRequest("The lesson length must be a number of minutes between 15 and 240.");
        }
    }

    static LocalDate date(String date) {
        try {
            return LocalDate.parse(date.strip());
        } catch (DateTimeParseException e) {
            throw PageException.badRequest("“" + date + "” is not a date (it should look like 2026-12-01).");
        }
    }
}
