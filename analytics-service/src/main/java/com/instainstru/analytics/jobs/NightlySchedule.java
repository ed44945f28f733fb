package com.instainstru.analytics.jobs;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The nightly triggers, in the business time zone: at 02:00 the service analytics and at 02:30 the daily
 * report, both for the day that just ended. Every pod fires; the run's lock lets one of them compute.
 */
@ApplicationScoped
public class NightlySchedule {

    @Inject
    JobRunner runner;

    @Scheduled(identity = "service-analytics", cron = "${analytics.jobs.service-analytics-cron:0 0 2 * * ?}",
            timeZone = "${analytics.zone:America/New_York}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> serviceAnalytics() {
        return runYesterday("service-analytics");
    }

    @Scheduled(identity = "daily-report", cron = "${analytics.jobs.daily-report-cron:0 30 2 * * ?}",
            timeZone = "${analytics.zone:America/New_York}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> dailyReport() {
        return runYesterday("daily-report");
    }

    @Scheduled(every = "10m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> failAbandonedRuns() {
        return runner.failAbandonedRuns().invoke(n -> {
            if (n > 0) {
                Log.warnf("Marked %d abandoned job runs failed", n);
            }
        }).replaceWithVoid();
    }

    private Uni<Void> runYesterday(String job) {
        return runner.runAndWait(job, JobRun.Trigger.schedule, runner.today().minusDays(1)).replaceWithVoid();
    }
}
