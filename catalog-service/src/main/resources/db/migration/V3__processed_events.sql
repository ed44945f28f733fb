-- Events this service has applied (analytics-events), by envelope id: a redelivered event is applied once.
CREATE TABLE processed_event (
    event_id     uuid PRIMARY KEY,
    stream       varchar(64) NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX processed_event_age_idx ON processed_event (processed_at);
