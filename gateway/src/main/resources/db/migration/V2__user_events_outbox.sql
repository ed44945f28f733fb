-- user-events (user.registered, ...) written in the transaction of the change and relayed to Redis by the
-- platform's outbox relay; notification-service learns users' names and addresses from them. Published rows are
-- kept 7 days for a republish.
CREATE TABLE outbox_event (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id     uuid        NOT NULL UNIQUE,
    stream       varchar(64) NOT NULL,
    type         varchar(64) NOT NULL,
    envelope     text        NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz
);
CREATE INDEX outbox_event_pending_idx ON outbox_event (id) WHERE published_at IS NULL;
CREATE INDEX outbox_event_published_idx ON outbox_event (published_at) WHERE published_at IS NOT NULL;
