-- The user's own time zone (an IANA name such as Europe/Berlin), for the times of the messages they are sent;
-- null: not chosen (notification-service then uses its default). Expand-only: nullable, older code ignores it.
ALTER TABLE users ADD COLUMN time_zone text;
