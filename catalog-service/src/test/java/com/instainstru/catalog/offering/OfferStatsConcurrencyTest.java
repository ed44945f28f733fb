package com.instainstru.catalog.offering;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import com.instainstru.catalog.support.Api;
import com.instainstru.platform.test.Tokens;
import com.instainstru.platform.test.contract.OpenApiContract;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The per-service counts and price ranges stay exact when many instructors change offerings at once. */
@QuarkusTest
@ExtendWith(OpenApiContract.class)
class OfferStatsConcurrencyTest {

    private static final int INSTRUCTORS = 24;

    @Test
    void concurrentOffersAndWithdrawalsAreAllCounted() throws Exception {
        UUID service = Api.newCatalogService("hidden-gems", true);
        List<UUID> instructors = new ArrayList<>();
        for (int i = 0; i < INSTRUCTORS; i++) {
            instructors.add(Api.newInstructor("Concurrent " + i));
        }
        List<UUID> offerings = runAll(instructors, i -> Api.offer(instructors.get(i), service, Integer.toString(20 + i)));
        given().get("/api/v1/catalog/services/" + service).then().statusCode(200)
                .body("instructorCount", equalTo(INSTRUCTORS))
                .body("priceRange.min", equalTo(20.0f)).body("priceRange.max", equalTo((float) (20 + INSTRUCTORS - 1)));

        // Half withdraw while the other half pause their accounts, all at once.
        runAll(instructors, i -> {
            if (i % 2 == 0) {
                Api.as(Tokens.instructor(instructors.get(i))).delete("/api/v1/instructors/me/services/" + offerings.get(i))
                        .then().statusCode(204);
            } else {
                Api.setStatus(instructors.get(i), "pause");
            }
            return null;
        });
        given().get("/api/v1/catalog/services/" + service).then().statusCode(200).body("instructorCount", equalTo(0));

        runAll(instructors, i -> {
            if (i % 2 == 1) {
                Api.setStatus(instructors.get(i), "resume");
            }
            return null;
        });
        given().get("/api/v1/catalog/services/" + service).then().statusCode(200)
                .body("instructorCount", equalTo(INSTRUCTORS / 2))
                .body("priceRange.min", equalTo(21.0f)).body("priceRange.max", equalTo((float) (20 + INSTRUCTORS - 1)));
    }

    interface Indexed<T> {
        T call(int index) throws Exception;
    }

    private static <T> List<T> runAll(List<UUID> instructors, Indexed<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(INSTRUCTORS);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < instructors.size(); i++) {
                int index = i;
                futures.add(pool.submit((Callable<T>) () -> task.call(index)));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
