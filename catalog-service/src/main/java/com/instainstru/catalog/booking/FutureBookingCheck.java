package com.instainstru.catalog.booking;

import com.instainstru.platform.problem.ApiException;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The rule "no deactivation while the instructor has future bookings", asked of booking-service.
 * When booking-service cannot answer, the answer is unknown, so the deactivation is refused (503)
 * rather than guessed.
 */
@ApplicationScoped
public class FutureBookingCheck {

    @Inject
    @RestClient
    BookingClient bookings;

    /** Completes when the instructor has no future bookings; fails with 409 if they have, 503 if unknown. */
    public Uni<Void> requireNoFutureBookings(UUID instructorId, String bearerToken) {
        return bookings.futureBookings(instructorId, "Bearer " + bearerToken)
                .onFailure(f -> !(f instanceof ApiException)).transform(failure -> {
                    Log.warnf("booking-service could not tell whether instructor %s has future bookings: %s",
                            instructorId, failure.toString());
                    return ApiException.unavailable("booking-service cannot confirm that there are no future "
                            + "bookings; nothing was changed, try again shortly");
                })
                .invoke(future -> {
                    if (future.count() > 0) {
                        throw ApiException.conflict("the instructor has " + future.count()
                                + " future booking(s); cancel or complete them before deactivating");
                    }
                })
                .replaceWithVoid();
    }
}
