-- The user's own time zone (an IANA name) from user.registered / user.updated, for the times of a student's
-- messages and of account emails; null: not told (the configured default is used). Expand-only.
ALTER TABLE recipient ADD COLUMN time_zone text;
