-- Who can be written to, as the gateway's user-events describe them (no synchronous call is needed to send).
-- as_of: the occurredAt of the event that last changed the row; an older event delivered late changes nothing.
CREATE TABLE recipient (
    user_id        uuid PRIMARY KEY,
    email          text NOT NULL,
    name           text NOT NULL,
    email_verified boolean NOT NULL DEFAULT false,
    reminders      boolean NOT NULL DEFAULT true,    -- the user's preference: lesson reminders on or off
    as_of          timestamptz NOT NULL
);

-- Each lesson as booking-events describe it: what its messages say, and its calendar event (one UID for the
-- lesson however often it is rescheduled; SEQUENCE grows with each change).
CREATE TABLE lesson (
    booking_id       uuid PRIMARY KEY,
    calendar_uid     uuid NOT NULL,
    sequence         int NOT NULL DEFAULT 0,
    student_id       uuid NOT NULL,
    instructor_id    uuid NOT NULL,
    service_name     text NOT NULL,
    start_time       timestamptz NOT NULL,
    end_time         timestamptz NOT NULL,
    duration_minutes int NOT NULL,
    location_type    text,
    time_zone        text NOT NULL,                 -- the instructor's
    status           text NOT NULL CHECK (status IN ('confirmed', 'cancelled', 'rescheduled'))
);

-- One row per message that is to go out: claimed here in the transaction that applies the event, so each
-- (subject, kind, recipient) is claimed once however often the event is delivered; sent afterwards by the
-- sender, which locks due rows (FOR UPDATE SKIP LOCKED: any number of pods, never one row twice) and marks a
-- row sent only once the SMTP server has accepted the message.
CREATE TABLE notification (
    id              uuid PRIMARY KEY,
    subject_id      uuid NOT NULL,                  -- the booking the message is about
    kind            text NOT NULL,                  -- booking-confirmed, booking-cancelled, booking-rescheduled, reminder-24h, ...
    recipient_id    uuid NOT NULL,
    role            text NOT NULL CHECK (role IN ('student', 'instructor')),
    status          text NOT NULL DEFAULT 'pending'
                    CHECK (status IN ('pending', 'sent', 'withdrawn', 'undeliverable')),
    due_at          timestamptz NOT NULL,
    next_attempt_at timestamptz NOT NULL,
    attempts        int NOT NULL DEFAULT 0,
    last_error      text,
    data            jsonb NOT NULL,                 -- what the message says, as of the event
    created_at      timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz,
    CONSTRAINT notification_once UNIQUE (subject_id, kind, recipient_id)
);
CREATE INDEX notification_due_idx ON notification (next_attempt_at) WHERE status = 'pending';

-- The ids of the events the platform's stream consumer has applied (kept 7 days): a redelivered or
-- republished event finds its id here and is not applied again.
CREATE TABLE processed_event (
    event_id     uuid PRIMARY KEY,
    stream       varchar(64) NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX processed_event_age_idx ON processed_event (processed_at);
