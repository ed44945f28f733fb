package com.instainstru.booking.availability;

import com.instainstru.booking.availability.AvailabilityRequests.BlackoutRequest;
import com.instainstru.booking.availability.AvailabilityRequests.CopyWeekRequest;
import com.instainstru.booking.availability.AvailabilityRequests.DateWindowsRequest;
import com.instainstru.booking.availability.AvailabilityRequests.PatternRequest;
import com.instainstru.booking.availability.AvailabilityRequests.SearchRequest;
import com.instainstru.booking.availability.AvailabilityRequests.SettingsRequest;
import com.instainstru.booking.availability.AvailabilityRequests.WeekRequest;
import com.instainstru.booking.availability.AvailabilityResponses.BookableTimes;
import com.instainstru.booking.availability.AvailabilityResponses.FreeTime;
import com.instainstru.booking.availability.AvailabilityResponses.MyAvailability;
import com.instainstru.platform.web.Caller;
import com.instainstru.platform.web.Dates;
import com.instainstru.platform.web.Ids;
import com.instainstru.platform.web.QueryParams;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.ZoneId;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/availability")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Availability", description = "When instructors teach, and when they can be booked")
public class AvailabilityResource {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Inject
    AvailabilityService availability;

    @Inject
    Caller caller;

    @Inject
    JsonWebToken jwt;

    @Inject
    java.time.Clock clock;

    @GET
    @Path("/{instructorId}")
    @Operation(summary = "Bookable start times (15-minute grid) for a lesson of the given length")
    @APIResponse(responseCode = "200")
    public Uni<BookableTimes> bookableTimes(@PathParam("instructorId") String instructorId, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("duration") String duration) {
        LocalDate start = Dates.parse("from", from, LocalDate.now(clock.withZone(NEW_YORK)));
        LocalDate end = Dates.parse("to", to, start.plusDays(13));
        int minutes = QueryParams.intIn("duration", duration, 60, 15, 240);
        return availability.bookableTimes(Ids.parse("instructorId", instructorId), start, end, minutes);
    }

    @POST
    @Path("/search")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Free time of many instructors over a date range, in one call (for search)")
    @APIResponse(responseCode = "200")
    public Uni<FreeTime> freeTime(@Valid @NotNull SearchRequest request) {
        return availability.freeTime(request);
    }

    @GET
    @Path("/me")
    @RolesAllowed(Caller.INSTRUCTOR)
    @Operation(summary = "The caller's windows, blackout dates and settings over a date range")
    public Uni<MyAvailability> mine(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate start = Dates.parse("from", from, LocalDate.now(clock.withZone(NEW_YORK)));
        return availability.myAvailability(caller.userId(), start, Dates.parse("to", to, start.plusDays(27)));
    }

    @PUT
    @Path("/me/dates/{date}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.INSTRUCTOR)
    @Operation(summary = "Replace the windows of one date")
    @APIResponse(responseCode = "204", description = "Saved")
    @APIResponse(responseCode = "409", description = "No instructor profile")
    @APIResponse(responseCode = "503", description = "catalog-service unreachable on first use")
    public Uni<Response> setDate(@PathParam("date") String date, @Valid @NotNull DateWindowsRequest request) {
        return done(availability.setDate(caller.userId(), jwt.getRawToken(), Dates.parse("date", date, null),
                request.windows()));
    }

    @PUT
    @Path("/me/weeks/{weekStart}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.INSTRUCTOR)
    @Operation(summary = "Replace the windows of the week starting on the given Monday")
    @APIResponse(responseCode = "204", description = "Saved")
    public Uni<Response> setWeek(@PathParam("weekStart") String weekStart, @Valid @NotNull WeekRequest request) {
        return done(availability.setWeek(caller.userId(), jwt.getRawToken(), Dates.parse("weekStart", weekStart, null),
                request.days()));
    }

    @POST
    @Path("/me/weeks/{weekStart}/copy")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.INSTRUCTOR)
    @Operation(summary = "Copy a week's windows to the following N weeks")
    @APIResponse(responseCode = "204", description = "Saved")
    public Uni<Response> copyWeek(@PathParam("weekStart") String weekStart, @Valid @NotNull CopyWeekRequest request) {
        return done(availability.copyWeek(caller.userId(), jwt.getRawToken(), Dates.parse("weekStart", weekStart, null),
                request.weeks()));
    }

    @POST
    @Path("/me/pattern")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.INSTRUCTOR)
    @Operation(summary = "Apply a weekly pattern to every date of a range")
    @APIResponse(responseCode = "204", description = "Saved")
    public Uni<Response> applyPattern(@Valid @NotNull PatternRequest request) {
        return done(availability.applyPattern(caller.userId(), jwt.getRawToken(), request));
    }

    @POST
    @Path("/me/blackouts")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.INSTRUCTOR)
    @Operation(summary = "Block dates (vacation): nothing can be booked on them")
    @APIResponse(responseCode = "204", description = "Saved")
    public Uni<Response> addBlackouts(@Valid @NotNull BlackoutRequest request) {
        return done(availability.addBlackouts(caller.userId(), jwt.getRawToken(), request));
    }

    @DELETE
    @Path("/me/blackouts")
    @RolesAllowed(Caller.INSTRUCTOR)
    @Operation(summary = "Unblock dates")
    @APIResponse(responseCode = "204", description = "Saved")
    public Uni<Response> removeBlackouts(@QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate start = Dates.parse("from", from, null);
        return done(availability.removeBlackouts(caller.userId(), jwt.getRawToken(), start, Dates.parse("to", to, start)));
    }

    @PUT
    @Path("/me/settings")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Caller.INSTRUCTOR)
    @Operation(summary = "Minimum notice, buffer between lessons, booking horizon")
    @APIResponse(responseCode = "204", description = "Saved")
    public Uni<Response> updateSettings(@Valid @NotNull SettingsRequest request) {
        return done(availability.updateSettings(caller.userId(), jwt.getRawToken(), request));
    }

    private static Uni<Response> done(Uni<Void> work) {
        return work.map(v -> Response.noContent().build());
    }
}
