package com.instainstru.analytics.trending;

import com.instainstru.platform.web.QueryParams;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The public face of the analytics, for the homepage: which services are trending and which services
 * students search for most (by service name, once enough distinct searchers asked; never a search's own
 * text). Everything else (revenue, reports, per-service figures) stays admin-only.
 */
@Path("/api/v1/analytics/trending")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
@Tag(name = "Trending", description = "Trending services and searches (public)")
public class TrendingResource {

    @Inject
    Pool pool;

    @Inject
    com.instainstru.analytics.infra.AnalyticsConfig config;

    @GET
    @Operation(summary = "Trending services and the most frequent searches")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = TrendingResponse.class)))
    @APIResponse(responseCode = "400", description = "limit outside 1..50")
    public Uni<TrendingResponse> trending(@QueryParam("limit") String rawLimit) {
        int limit = QueryParams.intIn("limit", rawLimit, 10, 1, 50);
        // Only services known from catalog (with a name to show); one analytics has only seen in bookings is left out.
        Uni<List<Row>> services = pool.preparedQuery("""
                        SELECT a.as_of_date, a.service_id, r.slug, r.name, r.category_slug, a.popularity, a.trending
                        FROM service_analytics a JOIN catalog_service_ref r ON r.service_id = a.service_id
                        WHERE a.as_of_date = (SELECT max(as_of_date) FROM service_analytics)
                        ORDER BY a.trending DESC, a.popularity DESC, a.service_id LIMIT $1""")
                .execute(Tuple.of(limit)).map(TrendingResource::rows);
        // Never the searches' own text: the services that enough distinct searchers found (see DailyReportJob).
        Uni<List<Row>> searches = pool.preparedQuery("""
                        SELECT d.report_date, s.value ->> 'name' AS name, s.value ->> 'slug' AS slug,
                               (s.value ->> 'serviceId')::uuid AS service_id, (s.value ->> 'searchers')::bigint AS searchers
                        FROM (SELECT report_date, body FROM daily_report ORDER BY report_date DESC LIMIT 1) d,
                             jsonb_array_elements(coalesce(d.body -> 'trendingSearches', '[]'::jsonb)) WITH ORDINALITY AS s(value, n)
                        WHERE (s.value ->> 'searchers')::bigint >= $2
                        ORDER BY s.n LIMIT $1""")
                .execute(Tuple.of(limit, config.trending().minSearchers())).map(TrendingResource::rows);
        return Uni.combine().all().unis(services, searches).asTuple().map(t -> {
            List<TrendingResponse.Service> top = t.getItem1().stream().map(r -> new TrendingResponse.Service(
                    r.getUUID("service_id"), r.getString("slug"), r.getString("name"), r.getString("category_slug"),
                    r.getDouble("popularity"), r.getBoolean("trending"))).toList();
            List<TrendingResponse.Search> asked = t.getItem2().stream()
                    .map(r -> new TrendingResponse.Search(r.getString("name"), r.getLong("searchers"),
                            r.getUUID("service_id"), r.getString("slug"))).toList();
            LocalDate servicesDay = t.getItem1().isEmpty() ? null : t.getItem1().get(0).getLocalDate("as_of_date");
            LocalDate searchesDay = t.getItem2().isEmpty() ? null : t.getItem2().get(0).getLocalDate("report_date");
            return new TrendingResponse(servicesDay, top, searchesDay, asked);
        });
    }

    private static List<Row> rows(io.vertx.mutiny.sqlclient.RowSet<Row> rows) {
        List<Row> out = new ArrayList<>(rows.size());
        rows.forEach(out::add);
        return out;
    }
}
