-- An order-safe read model. Search pods share the streams as one consumer group, so the entries of a
-- stream are applied by several pods at once, in any order. Every write is therefore made
-- order-independent: each aggregate keeps the version (a sequence from its producer) of what it
-- holds and takes a change only from an equal or newer version; removals and cancellations are
-- tombstones that nothing older can undo. The clock-based as_of columns are no longer used.

-- catalog-service.upserted: the catalog service's version.
ALTER TABLE catalog_service ADD COLUMN version bigint NOT NULL DEFAULT 0;
ALTER TABLE catalog_service DROP COLUMN as_of;

-- instructor.upserted sets the profile (and the status); instructor.status-changed the status only.
-- Each part keeps the version it was set from. A status that arrives before the profile leaves a row
-- with profile_version -1 (no profile yet: never shown).
ALTER TABLE instructor ADD COLUMN profile_version bigint NOT NULL DEFAULT 0;
ALTER TABLE instructor ADD COLUMN status_version bigint NOT NULL DEFAULT 0;
ALTER TABLE instructor DROP COLUMN as_of;
-- Booking's rules, copied onto the row with the free time: notice is applied from the moment of the
-- search, the horizon from the date; the zone is the one the windows are in (free time is cut at its midnights).
ALTER TABLE instructor ADD COLUMN notice_minutes integer NOT NULL DEFAULT 0;
ALTER TABLE instructor ADD COLUMN horizon_days integer NOT NULL DEFAULT 365;
ALTER TABLE instructor ADD COLUMN schedule_zone varchar(64);

-- offering.upserted: the offering's version; offering.removed: a tombstone (offering ids are never reused).
ALTER TABLE offering ADD COLUMN version bigint NOT NULL DEFAULT 0;
ALTER TABLE offering ADD COLUMN removed boolean NOT NULL DEFAULT false;
ALTER TABLE offering DROP COLUMN as_of;

-- availability.changed: each date keeps the windows of the highest availability version seen.
ALTER TABLE availability ADD COLUMN version bigint NOT NULL DEFAULT 0;

-- The instructor's booking rules from availability.changed (or the free-time API), by the same version.
CREATE TABLE booking_rules (
    instructor_id    uuid        PRIMARY KEY,
    time_zone        varchar(64) NOT NULL,
    min_notice_hours integer     NOT NULL,
    buffer_minutes   integer     NOT NULL,
    horizon_days     integer     NOT NULL,
    version          bigint      NOT NULL
);

-- booking.cancelled (or the cancelled side of a reschedule) is a tombstone: a booking.created arriving
-- after it changes nothing. Taken time found by a reconciliation and not known from an event is kept
-- as `reconciled` (its booking id is a name-based one); a cancellation at its start replaces it.
ALTER TABLE booked ADD COLUMN cancelled boolean NOT NULL DEFAULT false;
ALTER TABLE booked ADD COLUMN reconciled boolean NOT NULL DEFAULT false;
ALTER TABLE booked ADD COLUMN noted_at timestamptz NOT NULL DEFAULT now();

-- Free time of an instructor's dates: their windows minus every taken time that is not cancelled, each
-- widened before its start by the instructor's buffer (a new lesson keeps its buffer before the next).
CREATE OR REPLACE FUNCTION refresh_free(p_instructor uuid, p_from date, p_to date) RETURNS void LANGUAGE sql AS $$
    WITH taken AS (
        SELECT tstzrange(lower(b.during) - make_interval(mins => coalesce(
                   (SELECT r.buffer_minutes FROM booking_rules r WHERE r.instructor_id = p_instructor), 0)),
                   upper(b.during)) AS during
          FROM booked b
         WHERE b.instructor_id = p_instructor AND NOT b.cancelled AND NOT isempty(b.during))
    UPDATE availability a
       SET free = CASE WHEN isempty(a.windows) THEN a.windows
                       ELSE a.windows - COALESCE((SELECT range_agg(t.during) FROM taken t
                                                   WHERE t.during && range_merge(a.windows)), '{}'::tstzmultirange) END
     WHERE a.instructor_id = p_instructor AND a.day BETWEEN p_from AND p_to;
$$;

-- When a row was last written (a reconciliation leaves alone what changed after it read the sources).
ALTER TABLE instructor ADD COLUMN noted_at timestamptz NOT NULL DEFAULT now();
ALTER TABLE offering ADD COLUMN noted_at timestamptz NOT NULL DEFAULT now();
CREATE OR REPLACE FUNCTION stamp_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.changed_in := pg_current_xact_id();
    NEW.noted_at := now();
    RETURN NEW;
END $$;

-- The last reconciliation with the sources (one row), so that pods take turns: one runs at a time
-- (an advisory lock) and none runs again before the interval has passed since the last one finished.
CREATE TABLE reconcile_run (
    id          integer     PRIMARY KEY CHECK (id = 1),
    started_at  timestamptz NOT NULL,
    finished_at timestamptz NOT NULL,
    report      text        NOT NULL
);
