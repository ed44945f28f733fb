-- Every availability.changed carries a per-instructor sequence: consumers (search, applying entries
-- on several pods at once and out of order) keep, for each date, the windows of the highest version
-- they have seen. It is taken under the instructor_settings row lock, so it rises in commit order.
ALTER TABLE instructor_settings ADD COLUMN availability_version bigint NOT NULL DEFAULT 0;
