package com.instainstru.search.readmodel;

import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What one reconciliation compared with catalog-service and booking-service, and what it repaired. */
@Schema(name = "ReconcileReport")
public record ReconcileReport(OffsetDateTime startedAt, long tookMs,
        @Schema(description = "Rows compared with the sources") Counts checked,
        @Schema(description = "Rows that differed and were repaired") Counts repaired,
        @Schema(description = "Dates whose windows were repaired") int dates,
        @Schema(description = "Taken times (lessons) added or freed") int takenTimes) {

    @Schema(name = "ReconcileCounts")
    public record Counts(int services, int instructors, int offerings,
            @Schema(description = "Instructors' free time (windows, taken time, rules)") int schedules) {

        public int total() {
            return services + instructors + offerings + schedules;
        }
    }

    /** Counts as a run goes (its steps run one after another, but on different threads). */
    static final class Tally {
        final AtomicInteger services = new AtomicInteger();
        final AtomicInteger instructors = new AtomicInteger();
        final AtomicInteger offerings = new AtomicInteger();
        final AtomicInteger schedules = new AtomicInteger();
        final AtomicInteger servicesRepaired = new AtomicInteger();
        final AtomicInteger instructorsRepaired = new AtomicInteger();
        final AtomicInteger offeringsRepaired = new AtomicInteger();
        final AtomicInteger schedulesRepaired = new AtomicInteger();
        final AtomicInteger dates = new AtomicInteger();
        final AtomicInteger taken = new AtomicInteger();

        void add(Tally other) {
            services.addAndGet(other.services.get());
            instructors.addAndGet(other.instructors.get());
            offerings.addAndGet(other.offerings.get());
            schedules.addAndGet(other.schedules.get());
            servicesRepaired.addAndGet(other.servicesRepaired.get());
            instructorsRepaired.addAndGet(other.instructorsRepaired.get());
            offeringsRepaired.addAndGet(other.offeringsRepaired.get());
            schedulesRepaired.addAndGet(other.schedulesRepaired.get());
            dates.addAndGet(other.dates.get());
            taken.addAndGet(other.taken.get());
        }

        ReconcileReport report(OffsetDateTime startedAt, long tookMs) {
            return new ReconcileReport(startedAt, tookMs,
                    new Counts(services.get(), instructors.get(), offerings.get(), schedules.get()),
                    new Counts(servicesRepaired.get(), instructorsRepaired.get(), offeringsRepaired.get(),
                            schedulesRepaired.get()), dates.get(), taken.get());
        }
    }
}
