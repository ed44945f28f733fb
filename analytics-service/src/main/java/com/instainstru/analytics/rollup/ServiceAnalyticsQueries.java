package com.instainstru.analytics.rollup;

import com.instainstru.platform.problem.ApiException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads of the latest service analytics: one statement each. */
@ApplicationScoped
class ServiceAnalyticsQueries {

    private static final String FROM = " FROM service_analytics a LEFT JOIN catalog_service_ref r ON r.service_id = a.service_id ";

    @Inject
    Pool pool;

    Uni<ServiceAnalyticsResponse.Listing> latest(int limit) {
        return pool.preparedQuery("SELECT " + ServiceAnalyticsResponse.COLUMNS + FROM
                        + "WHERE a.as_of_date = (SELECT max(as_of_date) FROM service_analytics) "
                        + "ORDER BY a.popularity DESC, a.demand_score DESC, a.service_id LIMIT $1")
                .execute(Tuple.of(limit))
                .map(rows -> {
                    List<ServiceAnalyticsResponse> services = new ArrayList<>();
                    for (Row r : rows) {
                        services.add(ServiceAnalyticsResponse.of(r));
                    }
                    return new ServiceAnalyticsResponse.Listing(services.isEmpty() ? null : services.get(0).asOfDate(),
                            services);
                });
    }

    Uni<ServiceAnalyticsResponse> latest(UUID serviceId) {
        return pool.preparedQuery("SELECT " + ServiceAnalyticsResponse.COLUMNS + FROM
                        + "WHERE a.service_id = $1 ORDER BY a.as_of_date DESC LIMIT 1")
                .execute(Tuple.of(serviceId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        throw ApiException.notFound("analytics of service", serviceId);
                    }
                    return ServiceAnalyticsResponse.of(rows.iterator().next());
                });
    }
}
