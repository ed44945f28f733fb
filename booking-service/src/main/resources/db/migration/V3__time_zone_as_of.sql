-- When the instructor's time zone was last set from catalog-events: an older event delivered late
-- (reclaimed from a dead pod) must not overwrite a newer zone.
ALTER TABLE instructor_settings ADD COLUMN time_zone_as_of timestamptz;
