package com.instainstru.gateway.web.pages;

import com.instainstru.gateway.web.client.PageServices;
import io.quarkus.logging.Log;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;

/**
 * Reports that a student opened a search result (POST /api/v1/search/clicks, as the API's clients do). Links
 * from the result cards carry the search id and the position; the page they open reports it, so it works
 * without JavaScript. Best effort: a report that fails is logged and never gets in the page's way.
 */
@ApplicationScoped
public class Clicks {

    @Inject
    PageServices services;

    public void report(String sid, String pos, UUID instructorId, UUID serviceId) {
        UUID searchId = SearchPages.uuidOrNull(sid);
        Integer position = position(pos);
        if (searchId == null || serviceId == null || position == null) {
            return;
        }
        services.write("search", HttpMethod.POST, "/api/v1/search/clicks", null, Map.of("searchId", searchId,
                "instructorId", instructorId, "serviceId", serviceId, "position", position), Map.of())
                .subscribe().with(answer -> {
                    if (!answer.ok()) {
                        Log.debugf("Click not recorded: %d %s", answer.status(), services.detail(answer));
                    }
                }, error -> Log.debugf("Click not reported: %s", error.toString()));
    }

    private static Integer position(String pos) {
        try {
            int p = pos == null ? 0 : Integer.parseInt(pos);
            return p >= 1 && p <= 1000 ? p : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
