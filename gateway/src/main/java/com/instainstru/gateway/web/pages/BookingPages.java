package com.instainstru.gateway.web.pages;

import com.instainstru.gateway.routing.ServiceClient.Answer;
import com.instainstru.gateway.web.WebConfig;
import com.instainstru.gateway.web.client.BookingViews.BookableTimes;
import com.instainstru.gateway.web.client.BookingViews.Booking;
import com.instainstru.gateway.web.client.CatalogViews.Instructor;
import com.instainstru.gateway.web.client.CatalogViews.Offering;
import com.instainstru.gateway.web.client.PageServices;
import com.instainstru.gateway.web.client.Part;
import com.instainstru.gateway.web.session.Visitor;
import com.instainstru.platform.web.Caller;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The booking review (/book): service, instructor, date and time, length, where, the price and the
 * cancellation rule; [Book now] posts once with an Idempotency-Key made when the page was rendered, so a
 * double click or a retry makes one booking. A time taken meanwhile is "no longer available", with the
 * nearest free times. Success leads to the lesson's page.
 */
@Path("/book")
@Produces(MediaType.TEXT_HTML)
public class BookingPages {

    private static final int NEAREST = 6;

    @Inject
    PageServices services;

    @Inject
    Page page;

    @Inject
    Limits limits;

    @Inject
    WebConfig web;

    @Inject
    Clicks clicks;

    /** What the student chose: all of it travels in the review page's address and in its form. */
    public record Choice(UUID instructorId, UUID offeringId, OffsetDateTime start, int duration, String location,
            String address, String note) {
    }

    public record ReviewView(Choice choice, Instructor instructor, Offering offering, OffsetDateTime localStart,
            OffsetDateTime localEnd, String timeZone, BigDecimal price, String idempotencyKey, String error,
            boolean taken, List<TimePicker.Slot> nearest, long freeCancellationHours) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance review(ReviewView view);
    }

    /** The review page's address for a choice (search cards, the profile's times, "nearest times"). */
    static String reviewUrl(UUID instructorId, UUID offeringId, OffsetDateTime start, int duration, String location,
            UUID searchId, int position) {
        return "/book?instructor=" + instructorId + "&offering=" + offeringId + "&start=" + PageServices.encode(start.toString())
                + "&duration=" + duration + (location == null ? "" : "&location=" + location)
                + (searchId == null ? "" : "&sid=" + searchId + "&pos=" + position);
    }

    @GET
    public Uni<Response> review(@RestQuery String instructor, @RestQuery String offering, @RestQuery String start,
            @RestQuery String duration, @RestQuery String location, @RestQuery String sid, @RestQuery String pos) {
        Choice choice = choice(instructor, offering, start, duration, location, null, null);
        student();
        return instructor(choice)
                .invoke(found -> clicks.report(sid, pos, choice.instructorId(),
                        found.offering(choice.offeringId().toString()).catalogServiceId()))
                .map(found -> Response.ok(Templates.review(view(choice, found, UUID.randomUUID().toString(), null, false,
                        List.of()))).build());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> book(@RestForm String instructor, @RestForm String offering, @RestForm String start,
            @RestForm String duration, @RestForm String location, @RestForm String address, @RestForm String note,
            @RestForm String key) {
        Choice choice = choice(instructor, offering, start, duration, location, address, note);
        Visitor visitor = student();
        String idempotencyKey = key == null || key.isBlank() || key.length() > 200 ? UUID.randomUUID().toString() : key;
        Map<String, Object> body = new HashMap<>();
        body.put("instructorId", choice.instructorId());
        body.put("instructorServiceId", choice.offeringId());
        body.put("startTime", choice.start().toString());
        body.put("durationMinutes", choice.duration());
        body.put("locationType", choice.location());
        if (choice.address() != null) {
            body.put("meetingLocation", choice.address());
        }
        if (choice.note() != null) {
            body.put("note", choice.note());
        }
        return limits.booking(visitor.userId())
                .flatMap(ok -> services.write("booking", HttpMethod.POST, "/api/v1/bookings", visitor.accessToken(), body,
                        Map.of("Idempotency-Key", idempotencyKey)))
                .flatMap(answer -> answered(choice, answer, idempotencyKey, visitor))
                .onFailure(e -> !(e instanceof PageException)).recoverWithUni(e -> instructor(choice).map(found ->
                        Response.status(503).entity(Templates.review(view(choice, found, idempotencyKey,
                                "Booking is unavailable right now, and nothing was booked. Please try again in a minute.",
                                false, List.of()))).build()));
    }

    private Uni<Response> answered(Choice choice, Answer answer, String key, Visitor visitor) {
        if (answer.status() == 201) {
            Booking booking = services.body(answer, Booking.class);
            return Uni.createFrom().item(Response.seeOther(URI.create("/lessons/" + booking.id() + "?done=booked")).build());
        }
        return switch (answer.status()) {
            case 409 -> instructor(choice).flatMap(found -> nearest(choice).map(slots -> Response.status(409)
                    .entity(Templates.review(view(choice, found, UUID.randomUUID().toString(),
                            "This time is no longer available: " + services.detail(answer) + ".", true, slots))).build()));
            case 401 -> throw new PageException.LoginRequired(reviewUrl(choice.instructorId(), choice.offeringId(),
                    choice.start(), choice.duration(), choice.location(), null, 0), true);
            case 403 -> throw PageException.forbidden("Only student accounts can book lessons.");
            case 422 -> instructor(choice).map(found -> Response.status(422).entity(Templates.review(view(choice, found,
                    UUID.randomUUID().toString(), "The lesson changed since this page was opened. Please check it and "
                            + "book again.", false, List.of()))).build());
            default -> instructor(choice).map(found -> Response.status(answer.status()).entity(Templates.review(view(
                    choice, found, UUID.randomUUID().toString(), "This lesson can't be booked: "
                            + services.detail(answer) + ".", false, List.of()))).build());
        };
    }

    private Visitor student() {
        return page.requireRole(Caller.STUDENT, "Only student accounts can book lessons. Sign in with a student "
                + "account, or sign up as a student.");
    }

    private Uni<Instructor> instructor(Choice choice) {
        return services.read("catalog", "/api/v1/instructors/" + choice.instructorId(), null, Instructor.class,
                "the instructor's profile").map(part -> {
                    if (part.unavailable()) {
                        throw PageException.unavailable("Booking can't be shown right now. Please try again in a minute.");
                    }
                    if (!part.ok() || part.value().offering(choice.offeringId().toString()) == null
                            || !part.value().offering(choice.offeringId().toString()).id().equals(choice.offeringId())) {
                        throw PageException.notFound("This lesson is no longer offered.");
                    }
                    return part.value();
                });
    }

    private Uni<List<TimePicker.Slot>> nearest(Choice choice) {
        String uri = "/api/v1/availability/" + choice.instructorId() + "?from=" + choice.start().toLocalDate().minusDays(1)
                + "&to=" + choice.start().toLocalDate().plusDays(6) + "&duration=" + choice.duration();
        return services.read("booking", uri, null, BookableTimes.class, "available times")
                .map(part -> part.ok() ? TimePicker.nearest(part.value(), choice.start(), NEAREST).stream()
                        .map(t -> new TimePicker.Slot(t, reviewUrl(choice.instructorId(), choice.offeringId(), t,
                                choice.duration(), choice.location(), null, 0), choice.duration()))
                        .toList() : List.<TimePicker.Slot>of());
    }

    private ReviewView view(Choice choice, Instructor instructor, String key, String error, boolean taken,
            List<TimePicker.Slot> nearest) {
        Offering offering = instructor.offering(choice.offeringId().toString());
        String zone = instructor.timeZone() == null ? InstructorPages.NEW_YORK.getId() : instructor.timeZone();
        OffsetDateTime local = choice.start().atZoneSameInstant(ZoneId.of(zone)).toOffsetDateTime();
        String location = choice.location() != null && offering.locationTypes().contains(choice.location())
                ? choice.location() : offering.locationTypes().isEmpty() ? null : offering.locationTypes().get(0);
        Choice shown = new Choice(choice.instructorId(), choice.offeringId(), choice.start(), choice.duration(), location,
                choice.address(), choice.note());
        return new ReviewView(shown, instructor, offering, local, local.plusMinutes(choice.duration()), zone,
                InstructorPages.price(offering.hourlyRate(), choice.duration()), key, error, taken, nearest,
                web.freeCancellationNotice().toHours());
    }

    private static Choice choice(String instructor, String offering, String start, String duration, String location,
            String address, String note) {
        UUID instructorId = SearchPages.uuidOrNull(instructor);
        UUID offeringId = SearchPages.uuidOrNull(offering);
        if (instructorId == null || offeringId == null) {
            throw PageException.badRequest("This booking link is incomplete: it names no instructor or lesson.");
        }
        OffsetDateTime at;
        try {
            at = OffsetDateTime.parse(start == null ? "" : start.strip().replace(' ', '+'));
        } catch (DateTimeParseException e) {
            throw PageException.badRequest("This booking link has no valid start time.");
        }
        int minutes = InstructorPages.minutes(duration == null ? "" : duration);
        String where = location == null || location.isBlank() ? null : location.strip();
        if (where != null && !List.of("online", "studio", "student_home").contains(where)) {
            throw PageException.badRequest("“" + where + "” is not a place for a lesson.");
        }
        return new Choice(instructorId, offeringId, at, minutes, where, blankToNull(address, 300), blankToNull(note, 1000));
    }

    private static String blankToNull(String text, int max) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip();
        return t.length() > max ? t.substring(0, max) : t;
    }
}
