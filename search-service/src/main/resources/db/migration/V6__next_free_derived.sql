-- How soon an instructor is free is worked out at search time from their free time (OfferingIndex),
-- from the moment of the search: the stored "next free" moment, and the job that moved it on every
-- minute (rewriting rows the pods then read again), are no longer needed.
ALTER TABLE instructor DROP COLUMN next_free;
DROP FUNCTION next_free(tstzmultirange, integer);
