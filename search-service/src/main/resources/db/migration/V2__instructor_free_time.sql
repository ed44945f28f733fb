-- All of an instructor's free time over the coming weeks in one multirange on the instructor row,
-- so a search that asks for a time intersects one value per candidate instead of reading their days.
ALTER TABLE instructor ADD COLUMN free tstzmultirange NOT NULL DEFAULT '{}';

UPDATE instructor i
   SET free = coalesce((SELECT range_agg(a.free) FROM availability a
                         WHERE a.instructor_id = i.id AND a.day >= current_date - 1), '{}');
