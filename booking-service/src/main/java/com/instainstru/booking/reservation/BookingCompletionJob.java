package com.instainstru.booking.reservation;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Marks lessons that have ended as completed (SKIP LOCKED: several pods may run it at once). */
@ApplicationScoped
public class BookingCompletionJob {

    @Inject
    BookingService bookings;

    @Scheduled(every = "${booking.completion.interval:5m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> completeEndedLessons() {
        return bookings.completeEndedLessons()
                .invoke(n -> {
                    if (n > 0) {
                        Log.infof("Marked %d ended lessons completed", n);
                    }
                })
                .replaceWithVoid();
    }

    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> purgeIdempotencyKeys() {
        return bookings.purgeIdempotencyKeys().replaceWithVoid();
    }
}
