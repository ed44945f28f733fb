-- catalog-service schema: categories, catalog services, instructors, their offerings, the outbox.

CREATE TABLE category (
    id            uuid PRIMARY KEY,
    slug          varchar(60)  NOT NULL UNIQUE,
    name          varchar(120) NOT NULL,
    subtitle      varchar(200),
    icon_name     varchar(60),
    display_order integer      NOT NULL
);

CREATE TABLE catalog_service (
    id                     uuid PRIMARY KEY,
    category_id            uuid         NOT NULL REFERENCES category (id),
    slug                   varchar(80)  NOT NULL UNIQUE,
    name                   varchar(120) NOT NULL,
    description            varchar(2000),
    display_order          integer      NOT NULL,
    online_capable         boolean      NOT NULL DEFAULT true,
    requires_certification boolean      NOT NULL DEFAULT false,
    search_terms           text[]       NOT NULL DEFAULT '{}',
    related_slugs          text[]       NOT NULL DEFAULT '{}',
    active                 boolean      NOT NULL DEFAULT true,
    -- Read-only here: filled from analytics-events (service-analytics.updated).
    popularity             double precision,
    demand_score           double precision,
    trending               boolean      NOT NULL DEFAULT false,
    bookings_30d           integer,
    searches_30d           integer,
    price_p25              numeric(8, 2),
    price_p50              numeric(8, 2),
    price_p75              numeric(8, 2),
    analytics_as_of        timestamptz,
    created_at             timestamptz  NOT NULL DEFAULT now(),
    updated_at             timestamptz  NOT NULL DEFAULT now(),
    version                bigint       NOT NULL DEFAULT 0
);
CREATE INDEX catalog_service_category_idx ON catalog_service (category_id, display_order);

CREATE TABLE instructor (
    id                 uuid PRIMARY KEY,               -- the user's id from the identity token
    name               varchar(120) NOT NULL,
    bio                varchar(4000),
    years_experience   integer      NOT NULL DEFAULT 0 CHECK (years_experience BETWEEN 0 AND 80),
    time_zone          varchar(64)  NOT NULL DEFAULT 'America/New_York',
    areas              text[]       NOT NULL DEFAULT '{}',
    teaches_online     boolean      NOT NULL DEFAULT false,
    teaches_at_studio  boolean      NOT NULL DEFAULT false,
    travels_to_student boolean      NOT NULL DEFAULT false,
    status             varchar(16)  NOT NULL DEFAULT 'active'
                       CHECK (status IN ('active', 'suspended', 'deactivated')),
    -- Who put the account in its current state: an instructor may only resume their own pause.
    status_changed_by  varchar(16)  NOT NULL DEFAULT 'self' CHECK (status_changed_by IN ('self', 'admin')),
    status_reason      varchar(500),
    status_changed_at  timestamptz  NOT NULL DEFAULT now(),
    created_at         timestamptz  NOT NULL DEFAULT now(),
    updated_at         timestamptz  NOT NULL DEFAULT now(),
    version            bigint       NOT NULL DEFAULT 0
);
CREATE INDEX instructor_active_idx ON instructor (id) WHERE status = 'active';

CREATE TABLE instructor_service (
    id                 uuid PRIMARY KEY,
    instructor_id      uuid          NOT NULL REFERENCES instructor (id),
    catalog_service_id uuid          NOT NULL REFERENCES catalog_service (id) ON DELETE RESTRICT,
    hourly_rate        numeric(8, 2) NOT NULL CHECK (hourly_rate >= 10 AND hourly_rate <= 1000),
    duration_options   integer[]     NOT NULL CHECK (cardinality(duration_options) BETWEEN 1 AND 15),
    levels             text[]        NOT NULL,
    age_groups         text[]        NOT NULL,
    location_types     text[]        NOT NULL,
    description        varchar(2000),
    active             boolean       NOT NULL DEFAULT true,
    created_at         timestamptz   NOT NULL DEFAULT now(),
    updated_at         timestamptz   NOT NULL DEFAULT now(),
    version            bigint        NOT NULL DEFAULT 0,
    -- An instructor offers a catalog service at most once.
    CONSTRAINT instructor_service_once UNIQUE (instructor_id, catalog_service_id)
);
CREATE INDEX instructor_service_service_idx ON instructor_service (catalog_service_id) INCLUDE (instructor_id, hourly_rate, active);

-- Transactional outbox: written in the same transaction as the change, relayed to Redis streams.
-- outbox_event (the transactional outbox) is created by the platform's db/outbox/R__outbox_event.sql, the same in
-- every producing service. It stood here until then; a database migrated with it keeps it as it is.
