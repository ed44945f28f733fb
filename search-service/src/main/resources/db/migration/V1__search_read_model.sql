-- search-service's read model: what search needs from catalog, booking and analytics, kept
-- current by their streams. Nothing here is the source of truth; it can be rebuilt.
CREATE EXTENSION IF NOT EXISTS vector;

CREATE TABLE category (
    slug         varchar(64)  PRIMARY KEY,
    name         varchar(120) NOT NULL
);

-- Catalog services with their embedding (name, category and search terms) and analytics.
CREATE TABLE catalog_service (
    id             uuid         PRIMARY KEY,
    slug           varchar(120) NOT NULL,
    name           varchar(200) NOT NULL,
    category_slug  varchar(64)  NOT NULL,
    category_name  varchar(120) NOT NULL,
    search_terms   text[]       NOT NULL DEFAULT '{}',
    online_capable boolean      NOT NULL DEFAULT false,
    active         boolean      NOT NULL,
    embedding      vector(384)  NOT NULL,
    popularity     double precision NOT NULL DEFAULT 0 CHECK (popularity BETWEEN 0 AND 1),
    demand_score   double precision,
    trending       boolean      NOT NULL DEFAULT false,
    analytics_as_of timestamptz,
    as_of          timestamptz
);
CREATE INDEX catalog_service_embedding_idx ON catalog_service USING hnsw (embedding vector_cosine_ops);

CREATE TABLE instructor (
    id             uuid         PRIMARY KEY,
    name           varchar(200) NOT NULL,
    time_zone      varchar(64)  NOT NULL DEFAULT 'America/New_York',
    -- canonical area names in lower case, and the boroughs they lie in
    areas          text[]       NOT NULL DEFAULT '{}',
    boroughs       text[]       NOT NULL DEFAULT '{}',
    area_names     text[]       NOT NULL DEFAULT '{}',
    teaches_online boolean      NOT NULL DEFAULT false,
    status         varchar(16)  NOT NULL,
    -- earliest free start from now (at least 30 free minutes), kept by FreeTimeJob and the booking events
    next_free      timestamptz,
    as_of          timestamptz
);

CREATE TABLE offering (
    id             uuid          PRIMARY KEY,
    instructor_id  uuid          NOT NULL,
    service_id     uuid          NOT NULL,
    hourly_rate    numeric(10,2) NOT NULL,
    durations      integer[]     NOT NULL,
    min_duration   integer       NOT NULL,
    levels         text[]        NOT NULL DEFAULT '{}',
    age_groups     text[]        NOT NULL DEFAULT '{}',
    location_types text[]        NOT NULL DEFAULT '{}',
    active         boolean       NOT NULL,
    as_of          timestamptz
);
CREATE INDEX offering_service_idx ON offering (service_id, hourly_rate) WHERE active;
CREATE INDEX offering_instructor_idx ON offering (instructor_id);

-- Free time per instructor and date: the availability windows minus the booked lessons.
CREATE TABLE availability (
    instructor_id  uuid           NOT NULL,
    day            date           NOT NULL,
    windows        tstzmultirange NOT NULL,
    free           tstzmultirange NOT NULL,
    PRIMARY KEY (instructor_id, day)
);

CREATE TABLE booked (
    booking_id     uuid      PRIMARY KEY,
    instructor_id  uuid      NOT NULL,
    during         tstzrange NOT NULL
);
CREATE INDEX booked_instructor_idx ON booked (instructor_id, lower(during));

-- Events applied (idempotent consumers): a redelivered event id is skipped.
CREATE TABLE processed_event (
    event_id     uuid        PRIMARY KEY,
    stream       varchar(64) NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX processed_event_at_idx ON processed_event (processed_at);

-- search-events go out through the outbox like every other stream.
-- outbox_event (the transactional outbox) is created by the platform's db/outbox/R__outbox_event.sql, the same in
-- every producing service. It stood here until then; a database migrated with it keeps it as it is.

-- Recomputes the free time of an instructor's dates from their windows and booked lessons.
CREATE FUNCTION refresh_free(p_instructor uuid, p_from date, p_to date) RETURNS void LANGUAGE sql AS $$
    UPDATE availability a
       SET free = CASE WHEN isempty(a.windows) THEN a.windows
                       ELSE a.windows - COALESCE((SELECT range_agg(b.during) FROM booked b
                                                   WHERE b.instructor_id = a.instructor_id
                                                     AND b.during && range_merge(a.windows)), '{}'::tstzmultirange) END
     WHERE a.instructor_id = p_instructor AND a.day BETWEEN p_from AND p_to;
$$;

-- The earliest moment from now an instructor has at least p_minutes free.
CREATE FUNCTION next_free(p_instructor uuid, p_minutes integer) RETURNS timestamptz LANGUAGE sql STABLE AS $$
    SELECT min(greatest(lower(r), now()))
      FROM availability a, unnest(a.free) r
     WHERE a.instructor_id = p_instructor AND a.day >= (now() AT TIME ZONE 'UTC')::date - 1
       AND upper(r) - greatest(lower(r), now()) >= make_interval(mins => p_minutes);
$$;

-- Whether the read model has been rebuilt from the services' APIs (one row once it has).
CREATE TABLE read_model_rebuild (
    id           integer     PRIMARY KEY CHECK (id = 1),
    started_at   timestamptz NOT NULL,
    finished_at  timestamptz NOT NULL,
    services     integer     NOT NULL,
    instructors  integer     NOT NULL
);
