package com.instainstru.gateway.web.teach;

import com.fasterxml.jackson.core.type.TypeReference;
import com.instainstru.gateway.web.WebConfig;
import com.instainstru.gateway.web.client.BookingViews.Booking;
import com.instainstru.gateway.web.client.BookingViews.BookingPage;
import com.instainstru.gateway.web.client.CatalogViews.Instructor;
import com.instainstru.gateway.web.client.CatalogViews.Offering;
import com.instainstru.gateway.web.client.PageServices;
import com.instainstru.gateway.web.client.Part;
import com.instainstru.gateway.web.pages.LessonLists;
import com.instainstru.gateway.web.pages.PageException;
import com.instainstru.gateway.web.session.Visitor;
import com.instainstru.gateway.web.teach.TeachViews.Borough;
import com.instainstru.gateway.web.teach.TeachViews.MyAvailability;
import com.instainstru.gateway.web.teach.TeachViews.Offerable;
import com.instainstru.gateway.web.teach.TeachViews.ServiceOption;
import com.instainstru.gateway.web.teach.TeachViews.Stats;
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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The instructor's side: /teach (today, upcoming, this month, what is missing before students can find them),
 * /teach/profile, /teach/services (offerings, with the market's price percentiles) and /teach/lessons (complete,
 * no-show, cancel). Every read and write is catalog- or booking-service's, with the instructor's own token: a page
 * can never do what the API refuses, and shows the service's reason when it refuses.
 */
@Path("/teach")
@Produces(MediaType.TEXT_HTML)
public class TeachPages {

    static final List<String> ZONES = List.of("America/New_York", "America/Chicago", "America/Denver",
            "America/Phoenix", "America/Los_Angeles", "America/Anchorage", "Pacific/Honolulu");
    static final List<Integer> LENGTHS = List.of(30, 45, 60, 75, 90, 120);
    static final List<String> LEVELS = List.of("beginner", "intermediate", "advanced");
    static final List<String> AGES = List.of("kids", "teens", "adults");
    static final List<String> PLACES = List.of("online", "studio", "student_home");
    private static final TypeReference<List<Stats>> STATS = new TypeReference<>() { };
    private static final TypeReference<List<Borough>> BOROUGHS = new TypeReference<>() { };

    @Inject
    PageServices services;

    @Inject
    TeachCalls calls;

    @Inject
    Clock clock;

    @Inject
    WebConfig web;

    public record Dashboard(Instructor profile, List<Booking> today, List<Booking> upcoming, Stats month,
            List<String> missing, List<String> unavailable, String monthName) {
    }

    public record ProfileForm(String name, String bio, String yearsExperience, String timeZone, List<String> areas,
            boolean teachesOnline, boolean teachesAtStudio, boolean travelsToStudents) {

        public boolean has(String area) {
            return areas.contains(area);
        }
    }

    public record ProfileView(ProfileForm form, String status, List<Borough> boroughs, List<String> zones, String done,
            String error, String missing) {
    }

    @io.quarkus.qute.TemplateData
    public record OfferingForm(String service, String rate, List<Integer> lengths, List<String> levels,
            List<String> ages, List<String> places, String description, boolean active) {

        public boolean length(int minutes) {
            return lengths.contains(minutes);
        }

        public boolean level(String level) {
            return levels.contains(level);
        }

        public boolean age(String age) {
            return ages.contains(age);
        }

        public boolean place(String place) {
            return places.contains(place);
        }
    }

    public record OfferingItem(Offering offering, OfferingForm form, ServiceOption service) {
    }

    @io.quarkus.qute.TemplateData
    public record ServicesView(List<OfferingItem> offerings, List<ServiceOption> choices, OfferingForm adding,
            ServiceOption addingService, String done, String error, String missing) {

        public List<Integer> lengthChoices() {
            return LENGTHS;
        }

        public List<String> levelChoices() {
            return LEVELS;
        }

        public List<String> ageChoices() {
            return AGES;
        }

        public List<String> placeChoices() {
            return PLACES;
        }
    }

    public record LessonItem(Booking booking, boolean started, boolean lateIfCancelled) {
    }

    /** A page of a tab's lessons; {@code moreUrl} shows the next (null on the last), {@code later}: not the first. */
    public record LessonsView(String tab, List<LessonItem> lessons, String done, String error, String missing,
            long freeCancellationHours, String moreUrl, boolean later) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance dashboard(Dashboard view);

        static native TemplateInstance profile(ProfileView view);

        static native TemplateInstance services(ServicesView view);

        static native TemplateInstance market(ServiceOption service);

        static native TemplateInstance lessons(LessonsView view);

        static native TemplateInstance lessons$more(LessonsView view);
    }

    // ---- /teach ----

    @GET
    public Uni<TemplateInstance> dashboard() {
        Visitor me = calls.instructor();
        Instant now = clock.instant();
        return profile(me).flatMap(profile -> {
            ZoneId zone = zone(profile.value());
            LocalDate today = LocalDate.now(clock.withZone(zone));
            LocalDate monthStart = today.withDayOfMonth(1);
            Uni<Part<List<Booking>>> upcoming = services.read("booking", "/api/v1/bookings?as=instructor&status=confirmed&limit=50&startsFrom="
                    + iso(now.minus(Duration.ofHours(4))), me.accessToken(), BookingPage.class, "your lessons")
                    .map(part -> part.map(BookingPage::items));
            Uni<Part<List<Stats>>> month = services.read("booking", "/api/v1/bookings/instructors/stats?ids=" + me.userId()
                    + "&startsFrom=" + iso(monthStart.atStartOfDay(zone).toInstant()) + "&startsBefore="
                    + iso(monthStart.plusMonths(1).atStartOfDay(zone).toInstant()), me.accessToken(), STATS,
                    "this month's figures");
            Uni<Part<MyAvailability>> free = services.read("booking", "/api/v1/availability/me?from=" + today + "&to="
                    + today.plusDays(27), me.accessToken(), MyAvailability.class, "your free time");
            return Uni.combine().all().unis(upcoming, month, free).asTuple().map(t -> {
                Part<List<Booking>> lessons = calls.checked(t.getItem1());
                List<String> unavailable = new ArrayList<>();
                for (Part<?> part : List.of(profile, lessons, t.getItem2(), t.getItem3())) {
                    if (part.unavailable()) {
                        unavailable.add(part.missing());
                    }
                }
                List<Booking> todays = new ArrayList<>();
                List<Booking> later = new ArrayList<>();
                for (Booking b : lessons.orElse(List.of())) {
                    if (b.startTime().atZoneSameInstant(zone).toLocalDate().equals(today)) {
                        todays.add(b);
                    } else if (b.startTime().toInstant().isAfter(now)) {
                        later.add(b);
                    }
                }
                List<String> missing = new ArrayList<>();
                Instructor p = profile.value();
                if (profile.status() == 404 || (p != null && (p.bio() == null || p.bio().isBlank()))) {
                    missing.add("profile");
                }
                if (profile.status() == 404 || (p != null && p.activeOfferings().isEmpty())) {
                    missing.add("offering");
                }
                if (t.getItem3().ok() && t.getItem3().value().dates().stream().noneMatch(d -> !d.blackout()
                        && !d.windows().isEmpty())) {
                    missing.add("time");
                }
                Stats stats = t.getItem2().ok() && !t.getItem2().value().isEmpty() ? t.getItem2().value().get(0) : null;
                return Templates.dashboard(new Dashboard(p, todays, later.subList(0, Math.min(10, later.size())), stats,
                        missing, unavailable, monthStart.getMonth().getDisplayName(java.time.format.TextStyle.FULL,
                                Locale.US)));
            });
        });
    }

    // ---- /teach/profile ----

    @GET
    @Path("profile")
    public Uni<Response> profilePage(@RestQuery String done) {
        Visitor me = calls.instructor();
        return Uni.combine().all().unis(profile(me), boroughs()).asTuple().map(t -> {
            Part<Instructor> p = t.getItem1();
            if (p.unavailable()) {
                throw PageException.unavailable("Your profile can't be shown right now. Please try again in a minute.");
            }
            Instructor i = p.value();
            ProfileForm form = i == null ? new ProfileForm("", "", "0", "America/New_York", List.of(), false, false, false)
                    : new ProfileForm(i.name(), i.bio() == null ? "" : i.bio(), String.valueOf(i.yearsExperience()),
                            i.timeZone(), i.areas(), i.teachesOnline(), i.teachesAtStudio(), i.travelsToStudents());
            return profileResponse(200, form, i == null ? null : i.status(), t.getItem2(), done, null);
        });
    }

    @POST
    @Path("profile")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> saveProfile(@RestForm String name, @RestForm String bio, @RestForm String yearsExperience,
            @RestForm String timeZone, @RestForm List<String> areas, @RestForm String teachesOnline,
            @RestForm String teachesAtStudio, @RestForm String travelsToStudents) {
        calls.instructor();
        ProfileForm form = new ProfileForm(strip(name), strip(bio), strip(yearsExperience),
                timeZone == null || timeZone.isBlank() ? "America/New_York" : timeZone.strip(),
                areas == null ? List.of() : areas, teachesOnline != null, teachesAtStudio != null, travelsToStudents != null);
        Integer years;
        try {
            years = form.yearsExperience().isEmpty() ? 0 : Integer.valueOf(form.yearsExperience());
        } catch (NumberFormatException e) {
            return invalidProfile(form, "Years of experience must be a whole number.");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", form.name());
        body.put("bio", form.bio());
        body.put("yearsExperience", years);
        body.put("timeZone", form.timeZone());
        body.put("areas", form.areas());
        body.put("teachesOnline", form.teachesOnline());
        body.put("teachesAtStudio", form.teachesAtStudio());
        body.put("travelsToStudents", form.travelsToStudents());
        // PUT: saving twice leaves the same profile.
        return calls.write("catalog", HttpMethod.PUT, "/api/v1/instructors/me", body, Map.of(),
                answer -> Response.seeOther(URI.create("/teach/profile?done=saved")).build(),
                why -> invalidProfile(form, why));
    }

    private Uni<Response> invalidProfile(ProfileForm form, String error) {
        Visitor me = calls.instructor();
        return Uni.combine().all().unis(profile(me), boroughs()).asTuple().map(t -> profileResponse(400, form,
                t.getItem1().ok() ? t.getItem1().value().status() : null, t.getItem2(), null, error));
    }

    private Response profileResponse(int status, ProfileForm form, String accountStatus, Part<List<Borough>> boroughs,
            String done, String error) {
        List<String> zones = new ArrayList<>(ZONES);
        if (!zones.contains(form.timeZone())) {
            zones.add(form.timeZone());
        }
        return Response.status(status).entity(Templates.profile(new ProfileView(form, accountStatus,
                boroughs.orElse(List.of()), zones, done, error,
                boroughs.ok() ? null : "The list of areas can't be shown right now; the areas you chose are kept."))).build();
    }

    // ---- /teach/services ----

    @GET
    @Path("services")
    public Uni<Response> servicesPage(@RestQuery String done) {
        Visitor me = calls.instructor();
        return servicesResponse(me, 200, emptyOffering(), done, null);
    }

    /** The market's prices of one service, for the "add" form as a service is picked (htmx). */
    @GET
    @Path("services/market")
    public Uni<TemplateInstance> market(@RestQuery String service) {
        calls.instructor();
        return offerable().map(o -> Templates.market(o.ok() ? find(o.value().services(), service).orElse(null) : null));
    }

    @POST
    @Path("services")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> addOffering(@RestForm String service, @RestForm String rate, @RestForm List<String> lengths,
            @RestForm List<String> levels, @RestForm List<String> ages, @RestForm List<String> places,
            @RestForm String description) {
        Visitor me = calls.instructor();
        OfferingForm form = offeringForm(service, rate, lengths, levels, ages, places, description, "on");
        return offerable().flatMap(o -> {
            if (!o.ok()) {
                throw PageException.unavailable("The catalog can't be read right now, and nothing was added. Please try again in a minute.");
            }
            Optional<ServiceOption> picked = find(o.value().services(), form.service());
            if (picked.isEmpty()) {
                return servicesResponse(me, 400, form, null, form.service().isEmpty() ? "Pick the service you teach."
                        : "There is no service “" + form.service() + "” in the catalog. Pick one from the list.");
            }
            Map<String, Object> body = offeringBody(form, picked.get().id());
            if (body == null) {
                return servicesResponse(me, 400, form, null, "The hourly rate must be a number of dollars, such as 60.");
            }
            // A repeated post (a retry) finds the offering there and is refused by catalog-service, never added twice.
            return calls.write("catalog", HttpMethod.POST, "/api/v1/instructors/me/services", body, Map.of(),
                    answer -> Response.seeOther(URI.create("/teach/services?done=added")).build(),
                    why -> servicesResponse(me, 400, form, null, why));
        });
    }

    @POST
    @Path("services/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> editOffering(@RestPath String id, @RestForm String serviceId, @RestForm String rate,
            @RestForm List<String> lengths, @RestForm List<String> levels, @RestForm List<String> ages,
            @RestForm List<String> places, @RestForm String description, @RestForm String active) {
        Visitor me = calls.instructor();
        UUID offering = TeachCalls.id(id, "offering of yours");
        OfferingForm form = offeringForm(serviceId, rate, lengths, levels, ages, places, description, active);
        Map<String, Object> body = offeringBody(form, TeachCalls.id(serviceId, "service"));
        if (body == null) {
            return servicesResponse(me, 400, emptyOffering(), null, "The hourly rate must be a number of dollars, such as 60.");
        }
        return calls.write("catalog", HttpMethod.PUT, "/api/v1/instructors/me/services/" + offering, body, Map.of(),
                answer -> Response.seeOther(URI.create("/teach/services?done=saved")).build(),
                why -> servicesResponse(me, 400, emptyOffering(), null, why));
    }

    @POST
    @Path("services/{id}/remove")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> removeOffering(@RestPath String id) {
        Visitor me = calls.instructor();
        UUID offering = TeachCalls.id(id, "offering of yours");
        return services.write("catalog", HttpMethod.DELETE, "/api/v1/instructors/me/services/" + offering,
                        me.accessToken(), null, Map.of())
                .flatMap(answer -> {
                    // Removing what is already gone (a retry) is done too.
                    if (answer.ok() || answer.status() == 404) {
                        return Uni.createFrom().item(Response.seeOther(URI.create("/teach/services?done=removed")).build());
                    }
                    if (answer.status() == 401) {
                        throw new PageException.LoginRequired("/teach/services", true);
                    }
                    return servicesResponse(me, answer.status() == 409 ? 409 : 400, emptyOffering(), null,
                            calls.refusal(answer));
                })
                .onFailure(TeachCalls::notAPageAnswer).transform(e -> PageException.unavailable(TeachCalls.UNAVAILABLE));
    }

    private Uni<Response> servicesResponse(Visitor me, int status, OfferingForm adding, String done, String error) {
        return Uni.combine().all().unis(profile(me), offerable()).asTuple().map(t -> {
            Part<Instructor> p = t.getItem1();
            if (p.unavailable()) {
                throw PageException.unavailable("Your offerings can't be shown right now. Please try again in a minute.");
            }
            List<ServiceOption> choices = t.getItem2().ok() ? t.getItem2().value().services() : List.of();
            List<OfferingItem> items = new ArrayList<>();
            for (Offering o : p.value() == null ? List.<Offering>of() : p.value().offerings()) {
                items.add(new OfferingItem(o, new OfferingForm(o.catalogServiceId().toString(), o.hourlyRate().toPlainString(),
                        o.durationOptions(), o.levels(), o.ageGroups(), o.locationTypes(),
                        o.description() == null ? "" : o.description(), o.active()),
                        choices.stream().filter(c -> c.id().equals(o.catalogServiceId())).findFirst().orElse(null)));
            }
            String missing = t.getItem2().ok() ? null
                    : "The catalog and the market's prices can't be shown right now; your offerings are below.";
            return Response.status(status).entity(Templates.services(new ServicesView(items, choices, adding,
                    find(choices, adding.service()).orElse(null), done, error, missing))).build();
        });
    }

    private static OfferingForm emptyOffering() {
        return new OfferingForm("", "", List.of(60), List.of("beginner"), List.of("adults"), List.of("online"), "", true);
    }

    private static OfferingForm offeringForm(String service, String rate, List<String> lengths, List<String> levels,
            List<String> ages, List<String> places, String description, String active) {
        List<Integer> minutes = new ArrayList<>();
        for (String l : lengths == null ? List.<String>of() : lengths) {
            try {
                minutes.add(Integer.valueOf(l.strip()));
            } catch (NumberFormatException e) {
                throw PageException.badRequest("A lesson length must be a number of minutes.");
            }
        }
        return new OfferingForm(strip(service), strip(rate).replace("$", ""), minutes, orEmpty(levels), orEmpty(ages),
                orEmpty(places), strip(description), active != null);
    }

    /** The offering as catalog-service takes it; null when the rate is not a number (its ranges are the service's). */
    private static Map<String, Object> offeringBody(OfferingForm form, UUID serviceId) {
        BigDecimal rate;
        try {
            rate = new BigDecimal(form.rate());
        } catch (NumberFormatException e) {
            return null;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("catalogServiceId", serviceId);
        body.put("hourlyRate", rate);
        body.put("durationOptions", form.lengths());
        body.put("levels", form.levels());
        body.put("ageGroups", form.ages());
        body.put("locationTypes", form.places());
        body.put("description", form.description().isEmpty() ? null : form.description());
        body.put("active", form.active());
        return body;
    }

    /** A service picked by name (as typed or chosen from the list), slug or id. */
    static Optional<ServiceOption> find(List<ServiceOption> services, String picked) {
        if (picked == null || picked.isBlank()) {
            return Optional.empty();
        }
        String p = picked.strip();
        return services.stream().filter(s -> s.name().equalsIgnoreCase(p) || s.slug().equalsIgnoreCase(p)
                || s.id().toString().equals(p)).findFirst();
    }

    // ---- /teach/lessons ----

    @GET
    @Path("lessons")
    public Uni<Response> lessons(@RestQuery String tab, @RestQuery String done, @RestQuery String cursor,
            @RestHeader("HX-Request") String htmx) {
        Visitor me = calls.instructor();
        return lessonsResponse(me, tab, cursor, htmx != null, done, null, 200);
    }

    @POST
    @Path("lessons/{id}/complete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> complete(@RestPath String id) {
        return act(id, "complete", "completed", null);
    }

    @POST
    @Path("lessons/{id}/no-show")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> noShow(@RestPath String id) {
        return act(id, "no-show", "no_show", null);
    }

    @POST
    @Path("lessons/{id}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> cancel(@RestPath String id, @RestForm String reason) {
        String why = strip(reason);
        if (why.length() > 500) {
            throw PageException.badRequest("The reason can be at most 500 characters.");
        }
        return act(id, "cancel", "cancelled", why.isEmpty() ? Map.of() : Map.of("reason", why));
    }

    /**
     * One of booking-service's lesson actions. A retry of an action that was done (the first answer lost) finds the
     * lesson already in that state: that is the same success, not an error.
     */
    private Uni<Response> act(String id, String action, String status, Map<String, Object> body) {
        Visitor me = calls.instructor();
        UUID booking = TeachCalls.id(id, "lesson of yours");
        String tab = status.equals("cancelled") ? "cancelled" : "past";
        URI done = URI.create("/teach/lessons?tab=" + tab + "&done=" + status);
        return services.write("booking", HttpMethod.POST, "/api/v1/bookings/" + booking + "/" + action, me.accessToken(),
                        body, Map.of())
                .flatMap(answer -> {
                    if (answer.ok()) {
                        return Uni.createFrom().item(Response.seeOther(done).build());
                    }
                    if (answer.status() == 401) {
                        throw new PageException.LoginRequired("/teach/lessons", true);
                    }
                    if (answer.status() == 404) {
                        throw PageException.notFound("There is no lesson of yours at this address.");
                    }
                    String why = calls.refusal(answer);
                    return services.read("booking", "/api/v1/bookings/" + booking, me.accessToken(), Booking.class, "the lesson")
                            .flatMap(now -> now.ok() && status.equals(now.value().status())
                                    ? Uni.createFrom().item(Response.seeOther(done).build())
                                    : lessonsResponse(me, "upcoming", null, false, null, why, answer.status()));
                })
                .onFailure(TeachCalls::notAPageAnswer).transform(e -> PageException.unavailable(TeachCalls.UNAVAILABLE));
    }

    /**
     * A page of one tab (LessonLists): Upcoming the confirmed lessons from a week ago (started ones stay until marked
     * completed or no-show), soonest first; Past the completed and no-show ones, latest first; Cancelled latest
     * first. With {@code cursor}, the page after; asked by htmx ("Show more"), only the lessons and the next link.
     */
    private Uni<Response> lessonsResponse(Visitor me, String tab, String cursor, boolean htmx, String done, String error,
            int status) {
        String shown = LessonLists.tab(tab);
        Instant now = clock.instant();
        String query = switch (shown) {
            case "upcoming" -> "status=confirmed&startsFrom=" + iso(now.minus(Duration.ofDays(7)));
            case "past" -> "status=completed,no_show&order=-start";
            default -> "status=cancelled&order=-start";
        };
        boolean later = cursor != null && !cursor.isBlank();
        return LessonLists.page(services, "instructor", query, cursor, me.accessToken()).map(part -> {
            calls.checked(part);
            List<LessonItem> items = part.ok() ? part.value().items().stream().map(b -> new LessonItem(b,
                    !b.startTime().toInstant().isAfter(now),
                    Duration.between(now, b.startTime().toInstant()).compareTo(web.freeCancellationNotice()) < 0))
                    .toList() : List.of();
            LessonsView view = new LessonsView(shown, items, done, error,
                    part.ok() ? null : LessonLists.UNAVAILABLE,
                    web.freeCancellationNotice().toHours(), LessonLists.moreUrl("/teach/lessons", shown, part), later);
            return Response.status(status).entity(later && htmx && part.ok() ? Templates.lessons$more(view)
                    : Templates.lessons(view)).build();
        });
    }

    // ---- reads ----

    /** The instructor's own profile (404: not made yet). */
    Uni<Part<Instructor>> profile(Visitor me) {
        return services.read("catalog", "/api/v1/instructors/me", me.accessToken(), Instructor.class, "your profile")
                .map(calls::checked);
    }

    private Uni<Part<List<Borough>>> boroughs() {
        return services.read("catalog", "/api/v1/catalog/areas", null, BOROUGHS, "the areas");
    }

    private Uni<Part<Offerable>> offerable() {
        return services.read("catalog", "/api/v1/catalog/all?include=offerable", null, Offerable.class, "the catalog");
    }

    static ZoneId zone(Instructor profile) {
        try {
            return ZoneId.of(profile == null || profile.timeZone() == null ? "America/New_York" : profile.timeZone());
        } catch (java.time.DateTimeException e) {
            return ZoneId.of("America/New_York");
        }
    }

    static String iso(Instant t) {
        return PageServices.encode(t.atOffset(ZoneOffset.UTC).toString());
    }

    static String strip(String value) {
        return value == null ? "" : value.strip();
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values.stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
    }
}
