-- The transactional outbox of every service that publishes events (platform outbox.EventOutbox writes a row in the
-- transaction of the change; outbox.OutboxRelay publishes pending rows to Redis in id order and marks them
-- published; published rows are kept for a republish, then purged). A service takes it with
-- quarkus.flyway.locations=db/migration,db/outbox. Repeatable: it runs after the service's own migrations, and
-- again only if this file changes, so every statement must be safe to run on a database that has the table.
CREATE TABLE IF NOT EXISTS outbox_event (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id     uuid        NOT NULL UNIQUE,
    stream       varchar(64) NOT NULL,
    type         varchar(64) NOT NULL,
    envelope     text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz
);
CREATE INDEX IF NOT EXISTS outbox_event_pending_idx ON outbox_event (id) WHERE published_at IS NULL;
CREATE INDEX IF NOT EXISTS outbox_event_published_idx ON outbox_event (published_at) WHERE published_at IS NOT NULL;
