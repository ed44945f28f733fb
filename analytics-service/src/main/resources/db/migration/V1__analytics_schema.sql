-- analytics-service: the raw event log, typed facts derived from it, the catalog as events describe
-- it, job runs, their results (service analytics per day, daily reports) and the outbox.

-- Every event consumed, once, by its envelope id (a redelivery finds its id here and changes nothing).
CREATE TABLE event_log (
    event_id    uuid PRIMARY KEY,
    stream      varchar(64)  NOT NULL,
    type        varchar(64)  NOT NULL,
    occurred_at timestamptz  NOT NULL,
    source      varchar(64),
    version     integer,
    payload     jsonb        NOT NULL,
    received_at timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX event_log_occurred_idx ON event_log (occurred_at);

-- One row per booking as its events describe it. A reschedule closes the previous row
-- (rescheduled_at) and opens a new one that keeps the original booked_at: one chain, one booking.
-- Times are when the events happened, so a rollup "as of" any instant sees the state at that instant.
CREATE TABLE booking_fact (
    booking_id       uuid PRIMARY KEY,
    student_id       uuid,
    instructor_id    uuid,
    service_id       uuid,
    start_time       timestamptz,
    duration_minutes integer,
    total_price      numeric(10, 2),
    booked_at        timestamptz,   -- when the chain's first booking was made
    recorded_at      timestamptz,   -- when this row's booking came to exist (created or rescheduled into)
    rescheduled_at   timestamptz,   -- moved to another booking at
    cancelled_at     timestamptz,
    late_cancel      boolean      NOT NULL DEFAULT false,
    cancelled_by     varchar(16),
    completed_at     timestamptz,
    no_show_at       timestamptz
);
CREATE INDEX booking_fact_booked_idx ON booking_fact (booked_at) INCLUDE (service_id);
CREATE INDEX booking_fact_start_idx ON booking_fact (start_time);
CREATE INDEX booking_fact_cancelled_idx ON booking_fact (cancelled_at) WHERE cancelled_at IS NOT NULL;
CREATE INDEX booking_fact_student_idx ON booking_fact (student_id, booked_at);

-- One row per search. service_ids are distinct; only specific matches (service, services) count
-- as searches for a service.
CREATE TABLE search_fact (
    search_id    uuid PRIMARY KEY,
    occurred_at  timestamptz NOT NULL,
    query        text        NOT NULL,
    match_kind   varchar(16) NOT NULL,
    service_ids  uuid[]      NOT NULL DEFAULT '{}',
    result_count integer     NOT NULL DEFAULT 0,
    latency_ms   double precision,
    user_id      uuid
);
CREATE INDEX search_fact_occurred_idx ON search_fact (occurred_at);

CREATE TABLE search_click (
    event_id      uuid PRIMARY KEY,
    search_id     uuid        NOT NULL,
    instructor_id uuid,
    service_id    uuid,
    position      integer,
    occurred_at   timestamptz NOT NULL
);
CREATE INDEX search_click_occurred_idx ON search_click (occurred_at);

-- The catalog as catalog-events describe it (as_of: the occurredAt of the event that set the row,
-- so an older event delivered late does not overwrite a newer state).
CREATE TABLE catalog_service_ref (
    service_id    uuid PRIMARY KEY,
    slug          varchar(80),
    name          varchar(120),
    category_slug varchar(80),
    category_name varchar(120),
    active        boolean     NOT NULL DEFAULT true,
    as_of         timestamptz NOT NULL
);

CREATE TABLE instructor_ref (
    instructor_id uuid PRIMARY KEY,
    name          varchar(120),
    status        varchar(16),
    first_seen_at timestamptz NOT NULL,
    as_of         timestamptz NOT NULL
);
CREATE INDEX instructor_ref_first_seen_idx ON instructor_ref (first_seen_at);

CREATE TABLE offering_ref (
    offering_id   uuid PRIMARY KEY,
    instructor_id uuid,
    service_id    uuid,
    hourly_rate   numeric(8, 2),
    active        boolean     NOT NULL DEFAULT true,
    as_of         timestamptz NOT NULL
);

-- Every run of a job: who started it, when, how it ended, how many rows it wrote, why it failed.
CREATE TABLE job_run (
    id          uuid PRIMARY KEY,
    job         varchar(32)  NOT NULL,
    as_of_date  date         NOT NULL,
    trigger     varchar(16)  NOT NULL CHECK (trigger IN ('schedule', 'manual')),
    status      varchar(16)  NOT NULL CHECK (status IN ('running', 'succeeded', 'failed', 'skipped')),
    started_at  timestamptz  NOT NULL DEFAULT now(),
    finished_at timestamptz,
    rows        integer,
    error       varchar(2000)
);
CREATE INDEX job_run_job_idx ON job_run (job, started_at DESC);

-- Service analytics per day (as_of_date in America/New_York); re-running a day replaces its rows.
CREATE TABLE service_analytics (
    as_of_date          date        NOT NULL,
    service_id          uuid        NOT NULL,
    run_id              uuid        NOT NULL,
    window_end          timestamptz NOT NULL,
    searches_7d         integer     NOT NULL,
    searches_30d        integer     NOT NULL,
    searches_90d        integer     NOT NULL,
    bookings_7d         integer     NOT NULL,
    bookings_30d        integer     NOT NULL,
    bookings_90d        integer     NOT NULL,
    distinct_students   integer     NOT NULL,
    active_instructors  integer     NOT NULL,
    price_p25           numeric(10, 2),
    price_p50           numeric(10, 2),
    price_p75           numeric(10, 2),
    price_avg           numeric(10, 2),
    top_duration        integer,
    completion_rate     double precision,
    cancellation_rate   double precision,
    conversion_rate     double precision,
    demand_score        double precision NOT NULL,
    trending            boolean     NOT NULL,
    popularity          double precision NOT NULL CHECK (popularity BETWEEN 0 AND 1),
    computed_at         timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (as_of_date, service_id)
);

CREATE TABLE daily_report (
    report_date  date PRIMARY KEY,
    run_id       uuid        NOT NULL,
    window_end   timestamptz NOT NULL,
    body         jsonb       NOT NULL,
    computed_at  timestamptz NOT NULL DEFAULT now()
);

-- outbox_event (the transactional outbox) is created by the platform's db/outbox/R__outbox_event.sql, the same in
-- every producing service. It stood here until then; a database migrated with it keeps it as it is.
