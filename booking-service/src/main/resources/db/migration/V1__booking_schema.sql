-- booking-service schema: availability windows, instructor booking settings, bookings,
-- idempotency keys and the outbox. No double booking is guaranteed here, by exclusion constraints.

CREATE EXTENSION IF NOT EXISTS btree_gist;

-- Per instructor: their time zone (windows are local to it) and booking rules.
CREATE TABLE instructor_settings (
    instructor_id    uuid PRIMARY KEY,
    time_zone        varchar(64) NOT NULL DEFAULT 'America/New_York',
    min_notice_hours integer     NOT NULL DEFAULT 2 CHECK (min_notice_hours BETWEEN 0 AND 720),
    buffer_minutes   integer     NOT NULL DEFAULT 0 CHECK (buffer_minutes BETWEEN 0 AND 240),
    horizon_days     integer     NOT NULL DEFAULT 90 CHECK (horizon_days BETWEEN 1 AND 365),
    updated_at       timestamptz NOT NULL DEFAULT now()
);

-- One row per window of teaching time on a date, in the instructor's local time.
-- Bookings never reference these rows.
CREATE TABLE availability_window (
    instructor_id uuid NOT NULL,
    date          date NOT NULL,
    start_time    time NOT NULL,
    end_time      time NOT NULL,
    CONSTRAINT availability_window_order CHECK (end_time > start_time),
    PRIMARY KEY (instructor_id, date, start_time)
);

-- Dates an instructor does not teach whatever their windows say (vacation).
CREATE TABLE blackout_date (
    instructor_id uuid NOT NULL,
    date          date NOT NULL,
    reason        varchar(200),
    PRIMARY KEY (instructor_id, date)
);

CREATE TABLE booking (
    id                 uuid PRIMARY KEY,
    student_id         uuid          NOT NULL,
    instructor_id      uuid          NOT NULL,
    offering_id        uuid          NOT NULL,
    service_id         uuid          NOT NULL,
    service_name       varchar(120)  NOT NULL,
    instructor_name    varchar(120)  NOT NULL,
    start_at           timestamptz   NOT NULL,
    end_at             timestamptz   NOT NULL,
    -- The instructor's time taken: the lesson plus their buffer at booking time.
    blocked_until      timestamptz   NOT NULL,
    duration_minutes   integer       NOT NULL CHECK (duration_minutes BETWEEN 15 AND 240),
    hourly_rate        numeric(8, 2) NOT NULL,
    total_price        numeric(10, 2) NOT NULL,
    location_type      varchar(16)   NOT NULL CHECK (location_type IN ('online', 'studio', 'student_home')),
    meeting_location   varchar(300),
    note               varchar(1000),
    time_zone          varchar(64)   NOT NULL,
    status             varchar(16)   NOT NULL DEFAULT 'confirmed'
                       CHECK (status IN ('confirmed', 'completed', 'cancelled', 'no_show')),
    cancelled_at       timestamptz,
    cancelled_by       varchar(16) CHECK (cancelled_by IN ('student', 'instructor', 'admin')),
    cancel_reason      varchar(500),
    late_cancellation  boolean       NOT NULL DEFAULT false,
    rescheduled_from   uuid REFERENCES booking (id),
    created_at         timestamptz   NOT NULL DEFAULT now(),
    updated_at         timestamptz   NOT NULL DEFAULT now(),
    version            bigint        NOT NULL DEFAULT 0,
    CONSTRAINT booking_time_order CHECK (end_at > start_at AND blocked_until >= end_at),
    -- No two confirmed lessons of one instructor overlap (buffers included), whatever the interleaving.
    CONSTRAINT booking_instructor_no_overlap EXCLUDE USING gist (
        instructor_id WITH =, tstzrange(start_at, blocked_until, '[)') WITH &&) WHERE (status = 'confirmed'),
    -- Nor two confirmed lessons of one student.
    CONSTRAINT booking_student_no_overlap EXCLUDE USING gist (
        student_id WITH =, tstzrange(start_at, end_at, '[)') WITH &&) WHERE (status = 'confirmed')
);
CREATE INDEX booking_student_idx ON booking (student_id, start_at);
CREATE INDEX booking_instructor_idx ON booking (instructor_id, start_at);
CREATE INDEX booking_confirmed_end_idx ON booking (end_at) WHERE status = 'confirmed';

-- A retried POST with the same Idempotency-Key returns the first answer.
CREATE TABLE idempotency_key (
    student_id      uuid         NOT NULL,
    key             varchar(200) NOT NULL,
    request_hash    varchar(64)  NOT NULL,
    booking_id      uuid REFERENCES booking (id),
    response_status integer,
    response_body   text,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (student_id, key)
);

-- outbox_event (the transactional outbox) is created by the platform's db/outbox/R__outbox_event.sql, the same in
-- every producing service. It stood here until then; a database migrated with it keeps it as it is.
