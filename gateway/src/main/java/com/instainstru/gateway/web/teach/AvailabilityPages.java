package com.instainstru.gateway.web.teach;

import com.instainstru.gateway.web.client.BookingViews.Booking;
import com.instainstru.gateway.web.client.CatalogViews.Instructor;
import com.instainstru.gateway.web.client.PageServices;
import com.instainstru.gateway.web.client.Part;
import com.instainstru.gateway.web.pages.LessonLists;
import com.instainstru.gateway.web.pages.PageException;
import com.instainstru.gateway.web.session.Visitor;
import com.instainstru.gateway.web.teach.TeachViews.DayWindows;
import com.instainstru.gateway.web.teach.TeachViews.MyAvailability;
import com.instainstru.gateway.web.teach.TeachViews.TimeRange;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
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
import java.net.URI;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * /teach/availability: a week of 15-minute cells painted by click or drag (or by keyboard: arrows move, Space
 * paints, Shift+arrows paint as they move), previous/next week, copy last week, apply this week to the next N
 * weeks, presets, blackout dates and the notice, buffer and horizon settings. Saving replaces the week's windows
 * through booking-service, which keeps the time of every booked lesson whatever is painted; the page shows the
 * booked lessons in the grid and says so.
 */
@Path("/teach/availability")
@Produces(MediaType.TEXT_HTML)
public class AvailabilityPages {


    @Inject
    PageServices services;

    @Inject
    TeachCalls calls;

    @Inject
    TeachPages teach;

    @Inject
    Clock clock;

    @TemplateData
    public record Day(int index, LocalDate date, String name, boolean past, boolean blackout, List<Booking> lessons) {
    }

    @TemplateData
    public record Row(int slot, String time, boolean hour) {
    }

    @TemplateData
    public record View(LocalDate week, LocalDate today, String timeZone, List<Day> days, List<Row> rows, WeekGrid grid,
            Map<String, Boolean> booked, MyAvailability settings, List<LocalDate> blackouts, String preset,
            Map<String, WeekGrid.Preset> presets, String done, String error, String missing) {

        public boolean painted(int day, int slot) {
            return grid.painted(day, slot);
        }

        public boolean booked(int day, int slot) {
            return booked.containsKey(day + "-" + slot);
        }

        public LocalDate previous() {
            return week.minusWeeks(1);
        }

        public LocalDate sunday() {
            return week.plusDays(6);
        }

        public LocalDate next() {
            return week.plusWeeks(1);
        }

        public boolean hasLessons() {
            return days.stream().anyMatch(d -> !d.lessons().isEmpty());
        }

        public String windows(int day) {
            List<TimeRange> ranges = grid.windows(day);
            if (ranges.isEmpty()) {
                return "nothing";
            }
            return String.join(", ", ranges.stream().map(r -> r.start() + "–" + r.end()).toList());
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance availability(View view);
    }

    @GET
    public Uni<Response> page(@RestQuery String week, @RestQuery String preset, @RestQuery String done) {
        Visitor me = calls.instructor();
        if (preset != null && !preset.isBlank() && !WeekGrid.PRESETS.containsKey(preset)) {
            throw PageException.badRequest("There is no preset “" + preset + "”.");
        }
        return render(me, week, preset, done, null, 200);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> save(@RestForm String week, @RestForm List<String> cell) {
        Visitor me = calls.instructor();
        LocalDate monday = monday(week, null);
        WeekGrid grid;
        try {
            grid = WeekGrid.ofCells(cell == null ? List.of() : cell);
        } catch (IllegalArgumentException e) {
            throw PageException.badRequest("The week's grid was not sent as this page makes it.");
        }
        // PUT of the whole week: sending it twice leaves the same week. Booked lessons keep their time regardless.
        return calls.write("booking", HttpMethod.PUT, "/api/v1/availability/me/weeks/" + monday,
                Map.of("days", grid.windowsByWeekday()), Map.of(),
                answer -> back(monday, "saved"), why -> render(me, monday.toString(), null, null, why, 400));
    }

    @POST
    @Path("copy-last-week")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> copyLastWeek(@RestForm String week) {
        Visitor me = calls.instructor();
        LocalDate monday = monday(week, null);
        return calls.write("booking", HttpMethod.POST, "/api/v1/availability/me/weeks/" + monday.minusWeeks(1) + "/copy",
                Map.of("weeks", 1), Map.of(), answer -> back(monday, "copied"),
                why -> render(me, monday.toString(), null, null, why, 400));
    }

    @POST
    @Path("apply")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> apply(@RestForm String week, @RestForm String weeks) {
        Visitor me = calls.instructor();
        LocalDate monday = monday(week, null);
        int n;
        try {
            n = Integer.parseInt(TeachPages.strip(weeks));
        } catch (NumberFormatException e) {
            return render(me, monday.toString(), null, null, "Say how many weeks ahead to fill, from 1 to 26.", 400);
        }
        return calls.write("booking", HttpMethod.POST, "/api/v1/availability/me/weeks/" + monday + "/copy",
                Map.of("weeks", n), Map.of(), answer -> back(monday, "applied"),
                why -> render(me, monday.toString(), null, null, why, 400));
    }

    @POST
    @Path("blackouts")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> blackout(@RestForm String week, @RestForm String from, @RestForm String to,
            @RestForm String reason) {
        Visitor me = calls.instructor();
        LocalDate monday = monday(week, null);
        LocalDate first = date(from, "first day off");
        LocalDate last = to == null || to.isBlank() ? first : date(to, "last day off");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", first.toString());
        body.put("to", last.toString());
        String why = TeachPages.strip(reason);
        body.put("reason", why.isEmpty() ? null : why);
        return calls.write("booking", HttpMethod.POST, "/api/v1/availability/me/blackouts", body, Map.of(),
                answer -> back(monday, "blocked"), refusal -> render(me, monday.toString(), null, null, refusal, 400));
    }

    @POST
    @Path("blackouts/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> unblock(@RestForm String week, @RestForm String date) {
        Visitor me = calls.instructor();
        LocalDate monday = monday(week, null);
        LocalDate day = date(date, "day");
        return calls.write("booking", HttpMethod.DELETE, "/api/v1/availability/me/blackouts?from=" + day + "&to=" + day,
                null, Map.of(), answer -> back(monday, "unblocked"),
                refusal -> render(me, monday.toString(), null, null, refusal, 400));
    }

    @POST
    @Path("settings")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> settings(@RestForm String week, @RestForm String minNoticeHours, @RestForm String bufferMinutes,
            @RestForm String horizonDays) {
        Visitor me = calls.instructor();
        LocalDate monday = monday(week, null);
        Map<String, Object> body = new HashMap<>();
        try {
            body.put("minNoticeHours", Integer.parseInt(TeachPages.strip(minNoticeHours)));
            body.put("bufferMinutes", Integer.parseInt(TeachPages.strip(bufferMinutes)));
            body.put("horizonDays", Integer.parseInt(TeachPages.strip(horizonDays)));
        } catch (NumberFormatException e) {
            return render(me, monday.toString(), null, null, "Notice, buffer and horizon are whole numbers.", 400);
        }
        return calls.write("booking", HttpMethod.PUT, "/api/v1/availability/me/settings", body, Map.of(),
                answer -> back(monday, "settings"), why -> render(me, monday.toString(), null, null, why, 400));
    }

    private Uni<Response> render(Visitor me, String week, String preset, String done, String error, int status) {
        return teach.profile(me).flatMap(profile -> {
            Instructor p = profile.value();
            ZoneId zone = TeachPages.zone(p);
            LocalDate today = LocalDate.now(clock.withZone(zone));
            LocalDate monday = monday(week, today);
            LocalDate sunday = monday.plusDays(6);
            Uni<Part<MyAvailability>> mine = services.read("booking", "/api/v1/availability/me?from=" + monday + "&to="
                    + sunday.plusDays(56), me.accessToken(), MyAvailability.class, "your availability");
            Uni<Part<List<Booking>>> lessons = LessonLists.all(services, "instructor", "status=confirmed&startsFrom="
                    + TeachPages.iso(monday.atStartOfDay(zone).toInstant()) + "&startsBefore="
                    + TeachPages.iso(monday.plusDays(7).atStartOfDay(zone).toInstant()), me.accessToken());
            return Uni.combine().all().unis(mine, lessons).asTuple().map(t -> {
                Part<MyAvailability> a = calls.checked(t.getItem1());
                if (!a.ok()) {
                    throw a.unavailable() ? PageException.unavailable(
                            "Your availability can't be shown right now. Please try again in a minute.")
                            : new PageException(409, "Set up your profile first", "Fill in your profile before your "
                                    + "free time: " + a.detail() + ".");
                }
                Map<Integer, List<TimeRange>> windows = new HashMap<>();
                List<Day> days = new ArrayList<>();
                List<Booking> booked = t.getItem2().orElse(List.of());
                Map<String, Boolean> bookedCells = new HashMap<>();
                for (int d = 0; d < 7; d++) {
                    LocalDate date = monday.plusDays(d);
                    DayWindows dw = a.value().on(date);
                    windows.put(d, dw.windows());
                    List<Booking> on = new ArrayList<>();
                    for (Booking b : booked) {
                        var start = b.startTime().atZoneSameInstant(zone);
                        if (start.toLocalDate().equals(date)) {
                            on.add(b);
                            int from = WeekGrid.slot(start.toLocalTime().toString().substring(0, 5));
                            int to = from + (b.durationMinutes() + WeekGrid.MINUTES - 1) / WeekGrid.MINUTES;
                            for (int s = from; s < Math.min(to, WeekGrid.SLOTS); s++) {
                                bookedCells.put(d + "-" + s, true);
                            }
                        }
                    }
                    days.add(new Day(d, date, WeekGrid.dayName(date), date.isBefore(today), dw.blackout(), on));
                }
                WeekGrid grid = WeekGrid.of(windows);
                if (preset != null && !preset.isBlank()) {
                    grid.paint(WeekGrid.PRESETS.get(preset));
                }
                List<Row> rows = new ArrayList<>();
                for (int s = 0; s < WeekGrid.SLOTS; s++) {
                    rows.add(new Row(s, WeekGrid.time(s), s % 4 == 0));
                }
                List<LocalDate> blackouts = a.value().dates().stream().filter(DayWindows::blackout).map(DayWindows::date)
                        .toList();
                return Response.status(status).entity(Templates.availability(new View(monday, today, zone.getId(), days,
                        rows, grid, bookedCells, a.value(), blackouts, preset == null || preset.isBlank() ? null : preset,
                        WeekGrid.PRESETS, done, error,
                        t.getItem2().ok() ? null : "Your lessons can't be shown in the grid right now; booked time is kept whatever you paint.")))
                        .build();
            });
        });
    }

    private static Response back(LocalDate monday, String done) {
        return Response.seeOther(URI.create("/teach/availability?week=" + monday + "&done=" + done)).build();
    }

    /** The Monday of the week of {@code week} (any date of it), or of today's week. */
    static LocalDate monday(String week, LocalDate today) {
        LocalDate date;
        if (week == null || week.isBlank()) {
            if (today == null) {
                throw PageException.badRequest("Which week? The form was not sent as this page makes it.");
            }
            date = today;
        } else {
            date = date(week, "week");
        }
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static LocalDate date(String value, String what) {
        try {
            return LocalDate.parse(value == null ? "" : value.strip());
        } catch (DateTimeParseException e) {
            throw PageException.badRequest("The " + what + " must be a date such as 2026-12-24.");
        }
    }
}
