-- A user's preferences may be set before user-events have told this service their address (PUT
-- /api/v1/notifications/preferences): such a row has no email or name yet and as_of -infinity, so the user's
-- registered event fills them in.
ALTER TABLE recipient ALTER COLUMN email DROP NOT NULL, ALTER COLUMN name DROP NOT NULL;

-- A reminder's unsubscribe link: the SHA-256 of the random token it carries (never the token itself), written with
-- the row when the message is sent. POST /api/v1/notifications/unsubscribe finds the recipient by it.
ALTER TABLE notification ADD COLUMN unsubscribe_hash bytea;
CREATE UNIQUE INDEX notification_unsubscribe_idx ON notification (unsubscribe_hash) WHERE unsubscribe_hash IS NOT NULL;

-- Account messages (address verification, password reset, "you already have an account") are about the user
-- themselves: role 'user', sent to the address the event names (data.to), their link's token removed from data
-- once the message is sent.
ALTER TABLE notification DROP CONSTRAINT notification_role_check;
ALTER TABLE notification ADD CONSTRAINT notification_role_check CHECK (role IN ('student', 'instructor', 'user'));
