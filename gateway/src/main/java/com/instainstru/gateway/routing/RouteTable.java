package com.instainstru.gateway.routing;

import static com.instainstru.gateway.routing.Access.PUBLIC;
import static com.instainstru.platform.web.Caller.ADMIN;
import static com.instainstru.platform.web.Caller.INSTRUCTOR;
import static com.instainstru.platform.web.Caller.STUDENT;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every public endpoint of the services behind the gateway. A path under a routed prefix that is
 * not listed here is a 404 at the gateway: an endpoint becomes public only by being added here,
 * which also documents it (OpenAPI) and puts it in the authorization matrix test.
 */
public final class RouteTable {

    private static final Access ANY_ROLE = Access.roles(STUDENT, INSTRUCTOR, ADMIN);
    private static final Access INSTRUCTOR_ONLY = Access.roles(INSTRUCTOR);
    private static final Access ADMIN_ONLY = Access.roles(ADMIN);

    private static final List<Route> ROUTES = List.of(
            // catalog-service: browsing
            route("catalog.categories", "GET", "/api/v1/catalog/categories", "catalog", PUBLIC, "Categories with their counts of bookable services"),
            route("catalog.services", "GET", "/api/v1/catalog/services", "catalog", PUBLIC, "Bookable services of a category (admins: include=all)"),
            route("catalog.service", "GET", "/api/v1/catalog/services/{id}", "catalog", PUBLIC, "One catalog service by id or slug"),
            route("catalog.top", "GET", "/api/v1/catalog/top-per-category", "catalog", PUBLIC, "Every category with its top bookable services"),
            route("catalog.all", "GET", "/api/v1/catalog/all", "catalog", PUBLIC, "The whole catalog with instructor counts and price ranges"),
            route("catalog.areas", "GET", "/api/v1/catalog/areas", "catalog", PUBLIC, "NYC boroughs and neighbourhoods instructors can teach in"),
            // catalog-service: administration
            route("catalog.service.create", "POST", "/api/v1/catalog/services", "catalog", ADMIN_ONLY, "Add a catalog service (admin)"),
            route("catalog.service.update", "PUT", "/api/v1/catalog/services/{id}", "catalog", ADMIN_ONLY, "Change a catalog service (admin)"),
            route("catalog.service.delete", "DELETE", "/api/v1/catalog/services/{id}", "catalog", ADMIN_ONLY, "Retire a catalog service (admin)"),
            route("catalog.outbox.republish", "POST", "/api/v1/catalog/admin/outbox/republish", "catalog", ADMIN_ONLY, "Publish catalog-events again from the outbox, from a point in time (admin)"),
            // catalog-service: instructors and their offerings
            route("instructors.list", "GET", "/api/v1/instructors", "catalog", PUBLIC, "Active instructors, optionally of one service"),
            route("instructors.one", "GET", "/api/v1/instructors/{id}", "catalog", PUBLIC, "An instructor's profile and offerings"),
            route("instructors.me", "GET", "/api/v1/instructors/me", "catalog", INSTRUCTOR_ONLY, "The caller's own instructor profile"),
            route("instructors.me.update", "PUT", "/api/v1/instructors/me", "catalog", INSTRUCTOR_ONLY, "Create or replace the caller's instructor profile"),
            route("instructors.me.status", "POST", "/api/v1/instructors/me/status", "catalog", INSTRUCTOR_ONLY, "Pause, resume or deactivate the caller's account"),
            route("instructors.status", "POST", "/api/v1/instructors/{id}/status", "catalog", ADMIN_ONLY, "Suspend, reactivate or deactivate an instructor (admin)"),
            route("offerings.create", "POST", "/api/v1/instructors/me/services", "catalog", INSTRUCTOR_ONLY, "Offer a catalog service"),
            route("offerings.update", "PUT", "/api/v1/instructors/me/services/{id}", "catalog", INSTRUCTOR_ONLY, "Change one of the caller's offerings"),
            route("offerings.delete", "DELETE", "/api/v1/instructors/me/services/{id}", "catalog", INSTRUCTOR_ONLY, "Stop offering a service"),
            // search-service
            route("search", "GET", "/api/v1/search", "search", PUBLIC, "Natural-language search, e.g. piano under $50 tomorrow evening"),
            route("search.clicks", "POST", "/api/v1/search/clicks", "search", PUBLIC, "Record that a search result was opened"),
            route("search.outbox.republish", "POST", "/api/v1/search/admin/outbox/republish", "search", ADMIN_ONLY, "Publish search-events again from the outbox, from a point in time (admin)"),
            // booking-service: bookings
            route("bookings.create", "POST", "/api/v1/bookings", "booking", Access.roles(STUDENT), "Book a lesson (Idempotency-Key supported)"),
            route("bookings.list", "GET", "/api/v1/bookings", "booking", ANY_ROLE, "The caller's bookings (as student or instructor; admins all)"),
            route("bookings.one", "GET", "/api/v1/bookings/{id}", "booking", ANY_ROLE, "One booking of the caller's"),
            route("bookings.cancel", "POST", "/api/v1/bookings/{id}/cancel", "booking", ANY_ROLE, "Cancel a booking"),
            route("bookings.reschedule", "POST", "/api/v1/bookings/{id}/reschedule", "booking", ANY_ROLE, "Move a booking to another time"),
            route("bookings.no-show", "POST", "/api/v1/bookings/{id}/no-show", "booking", Access.roles(INSTRUCTOR, ADMIN), "Mark a past booking as a no-show"),
            route("bookings.complete", "POST", "/api/v1/bookings/{id}/complete", "booking", Access.roles(INSTRUCTOR, ADMIN), "Mark a started lesson completed"),
            route("bookings.instructor-stats", "GET", "/api/v1/bookings/instructors/stats", "booking", Access.roles(INSTRUCTOR, ADMIN), "Lessons by status per instructor (instructors: their own)"),
            route("bookings.future-count", "GET", "/api/v1/bookings/instructors/{instructorId}/future-count", "booking", Access.roles(INSTRUCTOR, ADMIN), "How many future bookings an instructor has"),
            route("bookings.outbox.republish", "POST", "/api/v1/bookings/admin/outbox/republish", "booking", ADMIN_ONLY, "Publish booking-events again from the outbox, from a point in time (admin)"),
            // booking-service: availability
            route("availability.instructor", "GET", "/api/v1/availability/{instructorId}", "booking", PUBLIC, "When an instructor can be booked"),
            route("availability.search", "POST", "/api/v1/availability/search", "booking", PUBLIC, "Free time of several instructors at once"),
            route("availability.me", "GET", "/api/v1/availability/me", "booking", INSTRUCTOR_ONLY, "The caller's availability windows"),
            route("availability.me.date", "PUT", "/api/v1/availability/me/dates/{date}", "booking", INSTRUCTOR_ONLY, "Replace the windows of one date"),
            route("availability.me.week", "PUT", "/api/v1/availability/me/weeks/{weekStart}", "booking", INSTRUCTOR_ONLY, "Replace the windows of one week"),
            route("availability.me.week.copy", "POST", "/api/v1/availability/me/weeks/{weekStart}/copy", "booking", INSTRUCTOR_ONLY, "Copy a week's windows to other weeks"),
            route("availability.me.pattern", "POST", "/api/v1/availability/me/pattern", "booking", INSTRUCTOR_ONLY, "Apply a weekly pattern over a range of dates"),
            route("availability.me.blackouts", "POST", "/api/v1/availability/me/blackouts", "booking", INSTRUCTOR_ONLY, "Block out dates"),
            route("availability.me.blackouts.delete", "DELETE", "/api/v1/availability/me/blackouts", "booking", INSTRUCTOR_ONLY, "Remove blocked-out dates"),
            route("availability.me.settings", "PUT", "/api/v1/availability/me/settings", "booking", INSTRUCTOR_ONLY, "Booking settings (time zone, notice, buffer)"),
            // analytics-service (admin, but for what the homepage shows)
            route("analytics.trending", "GET", "/api/v1/analytics/trending", "analytics", PUBLIC, "Trending services and the most frequent searches"),
            route("analytics.job.run", "POST", "/api/v1/analytics/jobs/{name}/runs", "analytics", ADMIN_ONLY, "Start a job run now (admin)"),
            route("analytics.job.runs", "GET", "/api/v1/analytics/jobs/{name}/runs", "analytics", ADMIN_ONLY, "A job's recent runs (admin)"),
            route("analytics.job.run.one", "GET", "/api/v1/analytics/jobs/{name}/runs/{id}", "analytics", ADMIN_ONLY, "One job run (admin)"),
            route("analytics.reports.latest", "GET", "/api/v1/analytics/reports/latest", "analytics", ADMIN_ONLY, "The latest daily report (admin)"),
            route("analytics.reports.day", "GET", "/api/v1/analytics/reports/{date}", "analytics", ADMIN_ONLY, "The daily report of a date (admin)"),
            route("analytics.activity", "GET", "/api/v1/analytics/activity", "analytics", ADMIN_ONLY, "Bookings and searches per day (admin)"),
            route("analytics.services", "GET", "/api/v1/analytics/services", "analytics", ADMIN_ONLY, "Every service's latest analytics (admin)"),
            route("analytics.service", "GET", "/api/v1/analytics/services/{id}", "analytics", ADMIN_ONLY, "One service's latest analytics (admin)"),
            route("analytics.outbox.republish", "POST", "/api/v1/analytics/admin/outbox/republish", "analytics", ADMIN_ONLY, "Publish analytics-events again from a time (admin)"),
            // notification-service
            route("notifications.preferences", "GET", "/api/v1/notifications/preferences", "notification", ANY_ROLE, "The caller's notification preferences (reminders on or off)"),
            route("notifications.preferences.update", "PUT", "/api/v1/notifications/preferences", "notification", ANY_ROLE, "Set the caller's notification preferences"),
            route("notifications.unsubscribe", "POST", "/api/v1/notifications/unsubscribe", "notification", PUBLIC, "Turn reminders off with the token of a reminder's unsubscribe link (no sign-in)"));

    private RouteTable() {
    }

    public static List<Route> routes() {
        return ROUTES;
    }

    /** The first two segments under /api/v1 that lead to a service, e.g. /api/v1/catalog. */
    public static Set<String> prefixes() {
        Set<String> prefixes = new LinkedHashSet<>();
        for (Route route : ROUTES) {
            List<String> segments = route.segments();
            prefixes.add("/" + String.join("/", segments.subList(0, 3)));
        }
        return prefixes;
    }

    /** The route for a request, or why there is none. */
    public static Match match(String method, String path) {
        List<String> segments = Route.segments(path);
        List<Route> onPath = new ArrayList<>();
        for (Route route : ROUTES) {
            if (route.matchesPath(segments)) {
                onPath.add(route);
            }
        }
        if (onPath.isEmpty()) {
            return new Match(null, Set.of());
        }
        // As in JAX-RS: the most literal path wins first, then the method. A literal path (/availability/search)
        // never falls through to a parameter (/availability/{instructorId}) of another method: that is a 405.
        int top = onPath.stream().mapToInt(Route::specificity).max().orElseThrow();
        Set<String> allowed = new LinkedHashSet<>();
        for (Route route : onPath) {
            if (route.specificity() == top) {
                if (route.method().equals(method)) {
                    return new Match(route, Set.of());
                }
                allowed.add(route.method());
            }
        }
        return new Match(null, allowed);
    }

    private static Route route(String id, String method, String template, String service, Access access, String summary) {
        return new Route(id, method, template, service, access, summary);
    }

    /** A route, or no route: {@code allowed} then lists the methods the path has (empty: no such path, 404). */
    public record Match(Route route, Set<String> allowed) {
    }
}
