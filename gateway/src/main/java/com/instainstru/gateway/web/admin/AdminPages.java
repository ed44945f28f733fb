package com.instainstru.gateway.web.admin;

import com.fasterxml.jackson.core.type.TypeReference;
import com.instainstru.gateway.identity.UserRepository;
import com.instainstru.gateway.web.client.PageServices;
import com.instainstru.gateway.web.client.Part;
import com.instainstru.gateway.web.pages.PageException;
import com.instainstru.gateway.web.session.Visitor;
import com.instainstru.gateway.web.admin.AdminViews.Activity;
import com.instainstru.gateway.web.admin.AdminViews.Catalog;
import com.instainstru.gateway.web.admin.AdminViews.DailyReport;
import com.instainstru.gateway.web.admin.AdminViews.Instructor;
import com.instainstru.gateway.web.admin.AdminViews.InstructorPage;
import com.instainstru.gateway.web.admin.AdminViews.JobRun;
import com.instainstru.gateway.web.admin.AdminViews.Service;
import com.instainstru.gateway.web.admin.AdminViews.ServiceListing;
import com.instainstru.gateway.web.admin.AdminViews.Stats;
import com.instainstru.gateway.web.admin.AdminViews.Trending;
import com.instainstru.gateway.web.teach.TeachCalls;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

/**
 * The admin's side: /admin (bookings and searches per day over 90 days as SVG charts with tables, top services,
 * searches that found nothing, trending, the latest daily report, running the jobs), /admin/instructors (find by
 * name or email, status and lesson counts, suspend / reactivate / deactivate with a reason) and /admin/catalog (add
 * a service, rename it, edit its search terms, deactivate it). Every action is the services' own, with the admin's
 * token: the catalog's lifecycle rules decide, and a refusal is shown in its words.
 */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
public class AdminPages {

    static final List<String> JOBS = List.of("service-analytics", "daily-report");
    static final List<String> ACTIONS = List.of("suspend", "reactivate", "deactivate");
    private static final TypeReference<List<Stats>> STATS = new TypeReference<>() { };
    private static final TypeReference<List<JobRun>> RUNS = new TypeReference<>() { };

    @Inject
    PageServices services;

    @Inject
    TeachCalls calls;

    @Inject
    UserRepository users;

    @Inject
    Pool db;

    @TemplateData
    public record AnalyticsView(Activity activity, BarChart bookings, BarChart searches, ServiceListing services,
            Trending trending, DailyReport report, List<JobRun> runs, List<String> jobs, List<String> unavailable,
            String done, String error) {

        public List<AdminViews.DayActivity> newestFirst() {
            List<AdminViews.DayActivity> days = new ArrayList<>(activity == null ? List.of() : activity.days());
            java.util.Collections.reverse(days);
            return days;
        }

        public List<String> zeroResultSearches() {
            List<String> found = new ArrayList<>();
            if (report != null && report.report() != null) {
                report.report().path("zeroResultSearches").forEach(n -> found.add(n.isTextual() ? n.asText()
                        : n.path("query").asText() + (n.has("count") ? " (" + n.path("count").asText() + ")" : "")));
            }
            return found;
        }

        public List<Map.Entry<String, String>> reportFigures() {
            List<Map.Entry<String, String>> figures = new ArrayList<>();
            if (report != null && report.report() != null) {
                report.report().fields().forEachRemaining(e -> {
                    if (e.getValue().isValueNode()) {
                        figures.add(Map.entry(e.getKey(), e.getValue().asText()));
                    }
                });
            }
            return figures;
        }
    }

    @TemplateData
    public record InstructorRow(Instructor instructor, Stats stats) {
    }

    @TemplateData
    public record InstructorsView(String q, String status, List<InstructorRow> rows, long total, String done,
            String error, String missing) {

        public List<String> statuses() {
            return List.of("any", "active", "suspended", "deactivated");
        }
    }

    @TemplateData
    public record CatalogView(Catalog catalog, String done, String error) {
    }

    @TemplateData
    public record ServiceView(Service service, String categoryName, String done, String error) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance analytics(AnalyticsView view);

        static native TemplateInstance instructors(InstructorsView view);

        static native TemplateInstance catalog(CatalogView view);

        static native TemplateInstance service(ServiceView view);
    }

    // ---- analytics ----

    @GET
    public Uni<Response> analytics(@RestQuery String done) {
        return analyticsResponse(done, null, 200);
    }

    @POST
    @Path("jobs/{name}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> runJob(@RestPath String name) {
        calls.admin();
        if (!JOBS.contains(name)) {
            throw PageException.notFound("There is no job “" + name + "”.");
        }
        // A job run recomputes its day from the facts: running it twice gives the same figures.
        return calls.write("analytics", HttpMethod.POST, "/api/v1/analytics/jobs/" + name + "/runs", null, Map.of(),
                answer -> Response.seeOther(URI.create("/admin?done=" + name)).build(),
                why -> analyticsResponse(null, why, 400));
    }

    private Uni<Response> analyticsResponse(String done, String error, int status) {
        Visitor me = calls.admin();
        String token = me.accessToken();
        Uni<Part<Activity>> activity = services.read("analytics", "/api/v1/analytics/activity?days=90", token,
                Activity.class, "bookings and searches per day");
        Uni<Part<ServiceListing>> top = services.read("analytics", "/api/v1/analytics/services?limit=10", token,
                ServiceListing.class, "top services");
        Uni<Part<Trending>> trending = services.read("analytics", "/api/v1/analytics/trending", null, Trending.class,
                "trending services");
        Uni<Part<DailyReport>> report = services.read("analytics", "/api/v1/analytics/reports/latest", token,
                DailyReport.class, "the latest daily report");
        Uni<Part<List<JobRun>>> runs = services.read("analytics", "/api/v1/analytics/jobs/daily-report/runs?limit=3", token,
                RUNS, "the latest job runs");
        return Uni.combine().all().unis(activity, top, trending, report, runs).asTuple().map(t -> {
            List<String> unavailable = new ArrayList<>();
            for (Part<?> part : List.of(calls.checked(t.getItem1()), t.getItem2(), t.getItem3(), t.getItem5())) {
                if (part.unavailable()) {
                    unavailable.add(part.missing());
                }
            }
            if (t.getItem4().unavailable()) {
                unavailable.add(t.getItem4().missing());
            }
            Activity a = t.getItem1().value();
            BarChart bookings = a == null ? null : BarChart.of("Bookings made per day", a.days(),
                    AdminViews.DayActivity::date, AdminViews.DayActivity::bookings, null);
            BarChart searches = a == null ? null : BarChart.of("Searches per day (darker: found nothing)", a.days(),
                    AdminViews.DayActivity::date, AdminViews.DayActivity::searches,
                    AdminViews.DayActivity::zeroResultSearches);
            return Response.status(status).entity(Templates.analytics(new AnalyticsView(a, bookings, searches,
                    t.getItem2().value(), t.getItem3().value(), t.getItem4().value(), t.getItem5().orElse(List.of()),
                    JOBS, unavailable, done, error))).build();
        });
    }

    // ---- instructors ----

    @GET
    @Path("instructors")
    public Uni<Response> instructors(@RestQuery String q, @RestQuery String status, @RestQuery String done) {
        calls.admin();
        return instructorsResponse(q, status, done, null, 200);
    }

    @POST
    @Path("instructors/{id}/status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> changeStatus(@RestPath String id, @RestForm String action, @RestForm String reason,
            @RestForm String q) {
        calls.admin();
        UUID instructor = TeachCalls.id(id, "instructor");
        if (!ACTIONS.contains(action)) {
            throw PageException.badRequest("Pick one of: " + String.join(", ", ACTIONS) + ".");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            return instructorsResponse(q, null, null, "Say why: the reason is kept with the change and shown to the "
                    + "instructor.", 400);
        }
        String back = "/admin/instructors?q=" + PageServices.encode(q == null ? "" : q) + "&done=" + action;
        // Setting a status the instructor already has is refused by catalog-service in its words: nothing changes twice.
        return calls.write("catalog", HttpMethod.POST, "/api/v1/instructors/" + instructor + "/status",
                Map.of("action", action, "reason", why), Map.of(), answer -> Response.seeOther(URI.create(back)).build(),
                refusal -> instructorsResponse(q, null, null, refusal, 409));
    }

    private Uni<Response> instructorsResponse(String q, String status, String done, String error, int code) {
        Visitor me = calls.admin();
        String query = q == null ? "" : q.strip();
        String shown = status == null || status.isBlank() ? "any" : status.strip();
        return idsByEmail(query).flatMap(ids -> {
            String uri = "/api/v1/instructors?limit=50&status=" + PageServices.encode(shown)
                    + (ids.isEmpty() ? (query.isEmpty() ? "" : "&q=" + PageServices.encode(query)) : "&ids=" + ids.get(0));
            return services.read("catalog", uri, me.accessToken(), InstructorPage.class, "the instructors");
        }).flatMap(page -> {
            calls.checked(page);
            if (page.status() == 400) {
                throw PageException.badRequest(page.detail());
            }
            List<Instructor> found = page.ok() ? page.value().items() : List.of();
            Uni<Part<List<Stats>>> stats = found.isEmpty() ? Uni.createFrom().item(Part.of(List.of()))
                    : services.read("booking", "/api/v1/bookings/instructors/stats?ids=" + found.stream()
                            .map(i -> i.id().toString()).collect(Collectors.joining(",")), me.accessToken(), STATS,
                            "lesson counts");
            return stats.map(s -> {
                Map<UUID, Stats> byId = new HashMap<>();
                s.orElse(List.of()).forEach(x -> byId.put(x.instructorId(), x));
                List<InstructorRow> rows = found.stream().map(i -> new InstructorRow(i, byId.get(i.id()))).toList();
                String missing = !page.ok() ? "Instructors can't be shown right now. Please try again in a minute."
                        : s.ok() ? null : "Lesson counts can't be shown right now.";
                return Response.status(code).entity(Templates.instructors(new InstructorsView(query, shown, rows,
                        page.ok() ? page.value().total() : 0, done, error, missing))).build();
            });
        });
    }

    /** An email is looked up in the gateway's own accounts (catalog-service knows no emails). */
    private Uni<List<UUID>> idsByEmail(String query) {
        if (!query.contains("@")) {
            return Uni.createFrom().item(List.of());
        }
        return users.findByEmail(db, query.toLowerCase(java.util.Locale.ROOT))
                .map(user -> user.map(u -> List.of(u.id())).orElse(List.of(new UUID(0, 0))));
    }

    // ---- catalog ----

    @GET
    @Path("catalog")
    public Uni<Response> catalog(@RestQuery String done) {
        calls.admin();
        return catalogResponse(done, null, 200);
    }

    @POST
    @Path("catalog/services")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> addService(@RestForm String category, @RestForm String name, @RestForm String searchTerms,
            @RestForm String description, @RestForm String onlineCapable) {
        calls.admin();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("category", category == null ? "" : category.strip());
        body.put("name", name == null ? "" : name.strip());
        body.put("description", description == null || description.isBlank() ? null : description.strip());
        body.put("onlineCapable", onlineCapable != null);
        body.put("searchTerms", terms(searchTerms));
        // The slug is derived from the name: a repeated post finds it taken and is refused, never added twice.
        return calls.write("catalog", HttpMethod.POST, "/api/v1/catalog/services", body, Map.of(),
                answer -> Response.seeOther(URI.create("/admin/catalog?done=added")).build(),
                why -> catalogResponse(null, why, 400));
    }

    @GET
    @Path("catalog/services/{id}")
    public Uni<Response> servicePage(@RestPath String id, @RestQuery String done) {
        calls.admin();
        return serviceResponse(TeachCalls.id(id, "service"), done, null, 200);
    }

    @POST
    @Path("catalog/services/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> editService(@RestPath String id, @RestForm String name, @RestForm String searchTerms) {
        calls.admin();
        UUID service = TeachCalls.id(id, "service");
        return catalogPart().flatMap(catalog -> {
                    Service s = find(catalog, service).orElseThrow(() -> PageException.notFound(
                            "There is no such service in the catalog."));
                    // The whole definition as it is, with the new name and terms (PUT replaces it: a retry is the same).
                    Map<String, Object> body = new LinkedHashMap<>();
                    body.put("category", s.categorySlug());
                    body.put("name", name == null || name.isBlank() ? s.name() : name.strip());
                    body.put("slug", s.slug());
                    body.put("description", s.description());
                    body.put("displayOrder", s.displayOrder());
                    body.put("onlineCapable", s.onlineCapable());
                    body.put("requiresCertification", s.requiresCertification());
                    body.put("searchTerms", searchTerms == null ? s.searchTerms() : terms(searchTerms));
                    body.put("relatedSlugs", s.relatedSlugs());
                    return calls.write("catalog", HttpMethod.PUT, "/api/v1/catalog/services/" + service, body, Map.of(),
                            answer -> Response.seeOther(URI.create("/admin/catalog/services/" + service + "?done=saved"))
                                    .build(),
                            why -> serviceResponse(service, null, why, 400));
                });
    }

    @POST
    @Path("catalog/services/{id}/deactivate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Uni<Response> deactivateService(@RestPath String id) {
        calls.admin();
        UUID service = TeachCalls.id(id, "service");
        return calls.write("catalog", HttpMethod.DELETE, "/api/v1/catalog/services/" + service, null, Map.of(),
                answer -> Response.seeOther(URI.create("/admin/catalog/services/" + service + "?done=deactivated")).build(),
                why -> serviceResponse(service, null, why, 409));
    }

    private Uni<Response> catalogResponse(String done, String error, int status) {
        return catalogPart().map(catalog -> Response.status(status)
                .entity(Templates.catalog(new CatalogView(catalog, done, error))).build());
    }

    private Uni<Response> serviceResponse(UUID id, String done, String error, int status) {
        return catalogPart().map(catalog -> {
            Service s = find(catalog, id).orElseThrow(() -> PageException.notFound("There is no such service in the catalog."));
            String category = catalog.categories().stream().filter(c -> c.slug().equals(s.categorySlug()))
                    .map(AdminViews.Category::name).findFirst().orElse(s.categorySlug());
            return Response.status(status).entity(Templates.service(new ServiceView(s, category, done, error))).build();
        });
    }

    /** Every service of every category, inactive ones included (the admin's view of the catalog). */
    private Uni<Catalog> catalogPart() {
        Visitor me = calls.admin();
        return services.read("catalog", "/api/v1/catalog/all?include=all", me.accessToken(), Catalog.class, "the catalog")
                .map(part -> {
                    calls.checked(part);
                    if (!part.ok()) {
                        throw PageException.unavailable("The catalog can't be read right now, and nothing was changed. "
                                + "Please try again in a minute.");
                    }
                    return part.value();
                });
    }

    private static Optional<Service> find(Catalog catalog, UUID id) {
        return catalog.categories().stream().flatMap(c -> c.services().stream()).filter(s -> s.id().equals(id)).findFirst();
    }

    static List<String> terms(String text) {
        if (text == null) {
            return List.of();
        }
        Set<String> seen = new java.util.LinkedHashSet<>();
        Arrays.stream(text.split("[,\\n]")).map(String::strip).filter(s -> !s.isEmpty()).forEach(seen::add);
        return List.copyOf(seen);
    }
}
