package com.instainstru.gateway.web.pages;

import com.instainstru.gateway.routing.ServiceClient.Answer;
import com.instainstru.gateway.web.WebConfig;
import com.instainstru.gateway.web.client.BookingViews.BookableTimes;
import com.instainstru.gateway.web.client.BookingViews.Booking;
import com.instainstru.gateway.web.client.PageServices;
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
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The student's lessons: /lessons in Upcoming / Past / Cancelled tabs, one lesson's page with its reference
 * and an "Add to calendar" .ics, cancelling (with a reason; a late one is announced), rescheduling to another
 * free time, and booking again. Every action is booking-service's, with the student's own token.
 */
@Path("/lessons")
@Produces(MediaType.TEXT_HTML)
public class LessonPages {

    @Inject
    PageServices services;

    @Inject
    Page page;

    @Inject
    Clock clock;

    @Inject
    WebConfig web;

    /** A lesson as the list shows it: whether it can still be changed, and whether cancelling now would be late. */
    public record LessonItem(Booking booking, boolean changeable, boolean lateIfCancelled) {
    }

    /** A page of a tab's lessons; {@code moreUrl} shows the next (null on the last), {@code later}: not the first. */
    public record ListView(String tab, List<LessonItem> lessons, String missing, String moreUrl, boolean later) {
    }

    public record LessonView(LessonItem lesson, String done, String error, long freeCancellationHours) {
    }

    public record RescheduleView(Booking booking, TimePicker.Strip strip, String missing, String error) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance lessons(ListView view);

        static native TemplateInstance lessons$more(ListView view);

        static native TemplateInstance lesson(LessonView view);

        static native TemplateInstance reschedule(RescheduleView view);
    }

    /**
     * A page of one tab ({@link LessonLists}): Upcoming the confirmed lessons ahead, soonest first; Past the ones
     * that started (confirmed, completed, no-show), latest first; Cancelled latest first. With {@code cursor}, the
     * page after; asked by htmx ("Show more"), only the lessons and the next link.
     */
    @GET
    public Uni<TemplateInstance> lessons(@RestQuery String tab, @RestQuery String cursor,
            @RestHeader("HX-Request") String htmx) {
        Visitor visitor = student();
        String shown = LessonLists.tab(tab);
        String now = iso(clock.instant());
        String query = switch (shown) {
            case "upcoming" -> "status=confirmed&startsFrom=" + now;
            case "past" -> "status=confirmed,completed,no_show&startsBefore=" + now + "&order=-start";
            default -> "status=cancelled&order=-start";
        };
        boolean later = cursor != null && !cursor.isBlank();
        return LessonLists.page(services, "student", query, cursor, visitor.accessToken()).map(part -> {
            if (part.status() == 401) {
                throw page.expired();
            }
            List<LessonItem> lessons = part.ok() ? part.value().items().stream().map(this::item).toList() : List.of();
            ListView view = new ListView(shown, lessons,
                    part.ok() ? null : LessonLists.UNAVAILABLE,
                    LessonLists.moreUrl("/lessons", shown, part), later);
            return later && htmx != null && part.ok() ? Templates.lessons$more(view) : Templates.lessons(view);
        });
    }

    @GET
    @Path("{id}")
    public Uni<TemplateInstance> lesson(@RestPath String id, @RestQuery String done) {
        Visitor visitor = student();
        return booking(id, visitor).map(b -> Templates.lesson(new LessonView(item(b), done, null,
                web.freeCancellationNotice().toHours())));
    }

    @GET
    @Path("{id}/calendar.ics")
    @Produces("text/calendar")
    public Uni<Response> calendar(@RestPath String id, UriInfo uri) {
        Visitor visitor = student();
        return booking(id, visitor).map(b -> Response.ok(Calendar.event(b,
                        uri.getBaseUriBuilder().path("lessons").path(b.id().toString()).build().toString(), clock.instant()))
                .type("text/calendar; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"instainstru-lesson-" + b.reference() + ".ics\"")
                .build());
    }

    @POST
    @Path("{id}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> cancel(@RestPath String id, @RestForm String reason) {
        Visitor visitor = student();
        UUID bookingId = bookingId(id);
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        if (why != null && why.length() > 500) {
            throw PageException.badRequest("The reason can be at most 500 characters.");
        }
        Map<String, Object> body = why == null ? Map.of() : Map.of("reason", why);
        return services.write("booking", HttpMethod.POST, "/api/v1/bookings/" + bookingId + "/cancel",
                        visitor.accessToken(), body, Map.of())
                .flatMap(answer -> answer.ok()
                        ? Uni.createFrom().item(Response.seeOther(URI.create("/lessons/" + bookingId + "?done=cancelled")).build())
                        : refusedOn(bookingId, visitor, answer))
                .onFailure(LessonPages::notAPageAnswer).transform(e -> PageException.unavailable(
                        "Lessons can't be changed right now, and nothing was changed. Please try again in a minute."));
    }

    @GET
    @Path("{id}/reschedule")
    public Uni<Response> reschedulePage(@RestPath String id, @RestQuery String date) {
        Visitor visitor = student();
        LocalDate picked = date == null || date.isBlank() ? null : InstructorPages.date(date);
        return booking(id, visitor).flatMap(b -> reschedule(b, picked, null, 200));
    }

    @POST
    @Path("{id}/reschedule")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> reschedule(@RestPath String id, @RestForm String start) {
        Visitor visitor = student();
        UUID bookingId = bookingId(id);
        OffsetDateTime at;
        try {
            at = OffsetDateTime.parse(start == null ? "" : start.strip().replace(' ', '+'));
        } catch (java.time.format.DateTimeParseException e) {
            throw PageException.badRequest("Pick a new time for the lesson.");
        }
        return services.write("booking", HttpMethod.POST, "/api/v1/bookings/" + bookingId + "/reschedule",
                        visitor.accessToken(), Map.of("startTime", at.toString()), Map.of())
                .flatMap(answer -> {
                    if (answer.ok()) {
                        Booking moved = services.body(answer, Booking.class);
                        return Uni.createFrom().item(Response.seeOther(URI.create("/lessons/" + moved.id()
                                + "?done=rescheduled")).build());
                    }
                    if (answer.status() == 409 || answer.status() == 400) {
                        String why = answer.status() == 409 ? "This time is no longer available: " + services.detail(answer)
                                + ". Pick another one." : services.detail(answer);
                        return booking(id, visitor).flatMap(b -> reschedule(b, at.toLocalDate(), why, answer.status()));
                    }
                    return refusedOn(bookingId, visitor, answer);
                })
                .onFailure(LessonPages::notAPageAnswer).transform(e -> PageException.unavailable(
                        "Lessons can't be changed right now, and nothing was changed. Please try again in a minute."));
    }

    private Uni<Response> reschedule(Booking b, LocalDate picked, String error, int status) {
        if (!b.confirmed()) {
            throw new PageException(409, "This lesson can't be moved", "Only a confirmed lesson can be rescheduled.");
        }
        ZoneId zone = ZoneId.of(b.timeZone());
        LocalDate today = LocalDate.now(clock.withZone(zone));
        String uri = "/api/v1/availability/" + b.instructorId() + "?from=" + today + "&to="
                + today.plusDays(TimePicker.DAYS - 1) + "&duration=" + b.durationMinutes();
        return services.read("booking", uri, null, BookableTimes.class, "available times").map(part -> {
            TimePicker.Strip strip = part.ok() ? TimePicker.strip(part.value(), b.durationMinutes(), today, picked,
                    day -> "/lessons/" + b.id() + "/reschedule?date=" + day + "#times", start -> start.toString()) : null;
            String missing = part.ok() ? null : "Available times can't be shown right now. Please try again in a minute.";
            return Response.status(status).entity(Templates.reschedule(new RescheduleView(b, strip, missing, error))).build();
        });
    }

    /** A refused change: the lesson's page with what booking-service said. */
    private Uni<Response> refusedOn(UUID bookingId, Visitor visitor, Answer answer) {
        if (answer.status() == 401) {
            throw new PageException.LoginRequired("/lessons/" + bookingId, true);
        }
        if (answer.status() == 404) {
            throw PageException.notFound("There is no lesson of yours at this address.");
        }
        String detail = services.detail(answer);
        return booking(bookingId.toString(), visitor).map(b -> Response.status(answer.status())
                .entity(Templates.lesson(new LessonView(item(b), null, "That didn't work: " + detail + ".",
                        web.freeCancellationNotice().toHours()))).build());
    }

    private Uni<Booking> booking(String id, Visitor visitor) {
        UUID bookingId = bookingId(id);
        return services.read("booking", "/api/v1/bookings/" + bookingId, visitor.accessToken(), Booking.class,
                "the lesson").map(part -> {
                    if (part.ok()) {
                        return part.value();
                    }
                    if (part.unavailable()) {
                        throw PageException.unavailable("Your lesson can't be shown right now. Please try again in a minute.");
                    }
                    if (part.status() == 401) {
                        throw page.expired();
                    }
                    throw PageException.notFound("There is no lesson of yours at this address.");
                });
    }

    private LessonItem item(Booking b) {
        Instant now = clock.instant();
        boolean ahead = b.startTime().toInstant().isAfter(now);
        boolean late = Duration.between(now, b.startTime().toInstant()).compareTo(web.freeCancellationNotice()) < 0;
        return new LessonItem(b, b.confirmed() && ahead, late);
    }

    private Visitor student() {
        return page.requireRole(Caller.STUDENT, "This page lists the lessons you booked as a student.");
    }

    private static UUID bookingId(String id) {
        UUID bookingId = SearchPages.uuidOrNull(id);
        if (bookingId == null) {
            throw PageException.notFound("There is no lesson of yours at this address.");
        }
        return bookingId;
    }

    private static boolean notAPageAnswer(Throwable e) {
        return !(e instanceof PageException) && !(e instanceof PageException.LoginRequired);
    }

    private static String iso(Instant t) {
        return PageServices.encode(t.atOffset(ZoneOffset.UTC).toString());
    }

}
