-- An instructor's free time also as ascending [start, end) pairs of epoch milliseconds, kept by a
-- trigger whenever `free` is written: the offering index reads these as they are (a pod's start reads
-- every instructor) instead of taking each multirange apart on every read.
CREATE FUNCTION free_millis(p_free tstzmultirange) RETURNS bigint[] LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce(array_agg((extract(epoch FROM b.x) * 1000)::bigint ORDER BY f.n, b.k), '{}')
      FROM unnest(p_free) WITH ORDINALITY AS f(r, n),
           LATERAL (VALUES (1, lower(f.r)), (2, upper(f.r))) AS b(k, x);
$$;

ALTER TABLE instructor ADD COLUMN free_ms bigint[] NOT NULL DEFAULT '{}';
UPDATE instructor SET free_ms = free_millis(free) WHERE free <> '{}';

CREATE FUNCTION keep_free_millis() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.free_ms := free_millis(NEW.free);
    RETURN NEW;
END $$;

CREATE TRIGGER instructor_free_millis BEFORE INSERT OR UPDATE OF free ON instructor
    FOR EACH ROW EXECUTE FUNCTION keep_free_millis();
