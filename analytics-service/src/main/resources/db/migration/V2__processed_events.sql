-- The ids of the events the platform's stream consumer has applied (one row per event, kept 7 days):
-- a redelivered or republished event finds its id here and is not applied again. The event log keeps
-- the events themselves, longer.
CREATE TABLE processed_event (
    event_id     uuid PRIMARY KEY,
    stream       varchar(64) NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX processed_event_age_idx ON processed_event (processed_at);

-- Events logged before this table existed were applied then: remembered as processed, for the same 7 days.
INSERT INTO processed_event (event_id, stream, processed_at)
SELECT event_id, stream, received_at FROM event_log WHERE received_at > now() - interval '7 days';
