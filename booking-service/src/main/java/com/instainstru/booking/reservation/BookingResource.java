package com.instainstru.booking.reservation;

import com.instainstru.booking.reservation.BookingActions.CancelRequest;
import com.instainstru.booking.reservation.BookingActions.RescheduleRequest;
import com.instainstru.booking.reservation.BookingService.Actor;
import com.instainstru.platform.problem.ApiException;
import com.instainstru.platform.web.Caller;
import com.instainstru.platform.web.Ids;
import com.instainstru.platform.web.QueryParams;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/bookings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Bookings", description = "Instant booking and the booking lifecycle")
public class BookingResource {

    @Inject
    BookingService bookings;

    @Inject
    Caller caller;

    @Inject
    JsonWebToken jwt;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.STUDENT)
    @Operation(summary = "Book a lesson instantly; a retry with the same Idempotency-Key returns the first answer")
    @APIResponse(responseCode = "201", description = "Booked", content = @Content(schema = @Schema(implementation = Booking.class)))
    @APIResponse(responseCode = "400", description = "Invalid request, or not offered by the instructor")
    @APIResponse(responseCode = "409", description = "The time is taken or not available")
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with another body")
    @APIResponse(responseCode = "503", description = "catalog-service unreachable; nothing stored")
    public Uni<Response> createBooking(@Valid @NotNull BookingRequest request,
            @HeaderParam("Idempotency-Key") String idempotencyKey, UriInfo uri) {
        return bookings.createBooking(caller.userId(), request, idempotencyKey).map(created -> {
            Response.ResponseBuilder response = Response.status(201).type(MediaType.APPLICATION_JSON).entity(created.body());
            if (created.replayed()) {
                response.header("Idempotent-Replayed", "true");
            } else {
                response.location(uri.getAbsolutePathBuilder().path(created.bookingId().toString()).build());
            }
            return response.build();
        });
    }

    @GET
    @RolesAllowed({Caller.STUDENT, Caller.INSTRUCTOR, Caller.ADMIN})
    @Operation(summary = "The caller's bookings as student or instructor (admins: as=all), by status and start time")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = BookingPage.class)))
    @APIResponse(responseCode = "400", description = "Bad filter, order, cursor or limit")
    public Uni<BookingPage> list(@QueryParam("as") String as,
            @Parameter(description = BookingPage.Filter.STATUS) @QueryParam("status") String status,
            @Parameter(description = BookingPage.Filter.STARTS_FROM) @QueryParam("startsFrom") String startsFrom,
            @Parameter(description = BookingPage.Filter.STARTS_BEFORE) @QueryParam("startsBefore") String startsBefore,
            @Parameter(description = "Bookings per page (1–200, default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "nextCursor of the previous page (none: the first page)") @QueryParam("cursor") String cursor,
            @Parameter(description = BookingPage.Filter.ORDER) @QueryParam("order") String order) {
        String view = as != null ? as : jwt.getGroups().contains(Caller.STUDENT) ? Caller.STUDENT
                : jwt.getGroups().contains(Caller.INSTRUCTOR) ? Caller.INSTRUCTOR : "all";
        if (!Map.of(Caller.STUDENT, Caller.STUDENT, Caller.INSTRUCTOR, Caller.INSTRUCTOR, "all",
                Caller.ADMIN).containsKey(view)) {
            throw ApiException.invalid("as", "must be student, instructor or all");
        }
        String role = view.equals("all") ? Caller.ADMIN : view;
        if (!jwt.getGroups().contains(role)) {
            throw ApiException.forbidden("you do not have the " + role + " role");
        }
        return bookings.bookings(actor(), view, BookingPage.Filter.of(status, order),
                instant("startsFrom", startsFrom), instant("startsBefore", startsBefore), QueryParams.intIn("limit", limit, 50, 1, 200), cursor);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Caller.STUDENT, Caller.INSTRUCTOR, Caller.ADMIN})
    @Operation(summary = "One booking the caller is a party to")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Booking.class)))
    @APIResponse(responseCode = "404", description = "No such booking of yours")
    public Uni<Booking> booking(@PathParam("id") String id) {
        return bookings.booking(actor(), Ids.parse("id", id));
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.STUDENT, Caller.INSTRUCTOR, Caller.ADMIN})
    @Operation(summary = "Cancel a confirmed booking (late if less than 12 hours before the start)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Booking.class)))
    @APIResponse(responseCode = "404", description = "No such booking of yours")
    @APIResponse(responseCode = "409", description = "Not confirmed, or already started")
    public Uni<Booking> cancel(@PathParam("id") String id, @Valid CancelRequest request) {
        return bookings.cancelBooking(actor(), Ids.parse("id", id), request == null ? null : request.reason());
    }

    @POST
    @Path("/{id}/reschedule")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Caller.STUDENT, Caller.INSTRUCTOR, Caller.ADMIN})
    @Operation(summary = "Move a confirmed booking: the old one is cancelled and a new one created, atomically")
    @APIResponse(responseCode = "200", description = "The new booking", content = @Content(schema = @Schema(implementation = Booking.class)))
    @APIResponse(responseCode = "404", description = "No such booking of yours")
    @APIResponse(responseCode = "409", description = "The new time is not available; nothing changed")
    public Uni<Booking> reschedule(@PathParam("id") String id, @Valid @NotNull RescheduleRequest request) {
        return bookings.rescheduleBooking(actor(), Ids.parse("id", id), request);
    }

    @POST
    @Path("/{id}/no-show")
    @RolesAllowed({Caller.INSTRUCTOR, Caller.ADMIN})
    @Operation(summary = "The instructor records that the student did not come (after the start)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Booking.class)))
    @APIResponse(responseCode = "404", description = "No such booking of yours")
    @APIResponse(responseCode = "409", description = "Not started or not confirmed")
    public Uni<Booking> noShow(@PathParam("id") String id) {
        return bookings.markNoShow(actor(), Ids.parse("id", id));
    }

    @POST
    @Path("/{id}/complete")
    @RolesAllowed({Caller.INSTRUCTOR, Caller.ADMIN})
    @Operation(summary = "The instructor marks a lesson completed once it has started (ended lessons are marked by a job)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Booking.class)))
    @APIResponse(responseCode = "403", description = "Not the lesson's instructor")
    @APIResponse(responseCode = "404", description = "No such booking of yours")
    @APIResponse(responseCode = "409", description = "Not started, or not confirmed (already completed, cancelled, no-show)")
    public Uni<Booking> complete(@PathParam("id") String id) {
        return bookings.markCompleted(actor(), Ids.parse("id", id));
    }

    @GET
    @Path("/instructors/stats")
    @RolesAllowed({Caller.INSTRUCTOR, Caller.ADMIN})
    @Operation(summary = "Lessons by status of each instructor (ids, comma-separated, at most 100; an instructor: their own "
            + "id only), starting at or after startsFrom and before startsBefore (either may be left out)")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = InstructorStats[].class)))
    @APIResponse(responseCode = "400", description = "No ids, too many, malformed, or a bad time")
    @APIResponse(responseCode = "403", description = "An instructor asking for another's figures")
    public Uni<List<InstructorStats>> stats(@QueryParam("ids") String ids,
            @Parameter(description = BookingPage.Filter.STARTS_FROM) @QueryParam("startsFrom") String startsFrom,
            @Parameter(description = BookingPage.Filter.STARTS_BEFORE) @QueryParam("startsBefore") String startsBefore) {
        List<UUID> instructors = ids(ids);
        if (!caller.isAdmin() && !instructors.equals(List.of(caller.userId()))) {
            throw ApiException.forbidden("instructors see their own figures only");
        }
        return bookings.instructorStats(instructors, instant("startsFrom", startsFrom),
                instant("startsBefore", startsBefore));
    }

    @GET
    @Path("/instructors/{instructorId}/future-count")
    @RolesAllowed({Caller.INSTRUCTOR, Caller.ADMIN})
    @Operation(summary = "How many confirmed lessons the instructor has ahead (asked by catalog-service before deactivation)")
    @APIResponse(responseCode = "200")
    @APIResponse(responseCode = "404", description = "Not the caller's own count")
    public Uni<Map<String, Object>> futureCount(@PathParam("instructorId") String instructorId) {
        UUID id = Ids.parse("instructorId", instructorId);
        if (!caller.isAdmin() && !id.equals(caller.userId())) {
            throw ApiException.notFound("instructor", id);
        }
        return bookings.futureBookings(id).map(count -> Map.of("instructorId", id, "count", count));
    }

    private Actor actor() {
        return new Actor(caller.userId(), caller.isAdmin());
    }

    private static final int MAX_STATS_IDS = 100;

    private static List<UUID> ids(String ids) {
        if (ids == null || ids.isBlank()) {
            throw ApiException.invalid("ids", "is required: instructor ids, comma-separated");
        }
        List<String> parts = java.util.Arrays.stream(ids.split(",")).map(String::strip).filter(p -> !p.isEmpty())
                .distinct().toList();
        if (parts.isEmpty() || parts.size() > MAX_STATS_IDS) {
            throw ApiException.invalid("ids", "must name 1 to " + MAX_STATS_IDS + " instructors");
        }
        return parts.stream().map(p -> Ids.parse("ids", p)).toList();
    }

    private static OffsetDateTime instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(field, "must be an ISO-8601 time with offset, e.g. 2026-12-01T09:00:00-05:00");
        }
    }
}
