package com.instainstru.booking.reservation;

import com.instainstru.platform.problem.ApiException;
import io.quarkus.runtime.Startup;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Set;

/**
 * Bookings asked for and what came of them: {@code bookings_created_total} (new bookings; an Idempotency-Key's
 * replay is not a new one) and {@code bookings_refused_total{reason}}, the reason being the problem's kind the
 * student got: {@code conflict} (the time is taken or not open), {@code booking-limit}, {@code validation},
 * {@code not-found} (no such instructor or offering), {@code unavailable} (catalog-service not answering, or
 * too many concurrent attempts), {@code idempotency-key-reused}; {@code error} for anything else.
 */
@Startup // its counters exist from the start, at 0
@ApplicationScoped
public class BookingMetrics {

    private static final Set<String> REASONS = Set.of("conflict", "booking-limit", "validation", "not-found",
            "unavailable", "idempotency-key-reused", "bad-request");

    @Inject
    MeterRegistry registry;

    private Counter created;

    @PostConstruct
    void init() {
        created = registry.counter("bookings.created");
        for (String reason : REASONS) {
            registry.counter("bookings.refused", "reason", reason);
        }
        registry.counter("bookings.refused", "reason", "error");
    }

    void created(BookingService.Created answer) {
        if (!answer.replayed()) {
            created.increment();
        }
    }

    void refused(Throwable failure) {
        String kind = failure instanceof ApiException api ? api.kind() : null;
        registry.counter("bookings.refused", "reason", kind != null && REASONS.contains(kind) ? kind : "error").increment();
    }
}
