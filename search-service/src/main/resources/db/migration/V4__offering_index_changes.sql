-- Each pod holds the bookable offerings and their instructors in memory (OfferingIndex) and follows
-- this database's changes to them. Every instructor and offering row carries the transaction that
-- last wrote it; deleted rows leave a tombstone. A pod reads the rows written by transactions that
-- were still running (or not yet begun) at its previous read: see OfferingIndexFollower.
ALTER TABLE instructor ADD COLUMN changed_in xid8 NOT NULL DEFAULT pg_current_xact_id();
ALTER TABLE offering ADD COLUMN changed_in xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX instructor_changed_idx ON instructor (changed_in);
CREATE INDEX offering_changed_idx ON offering (changed_in);

CREATE TABLE removed_row (
    kind        varchar(16) NOT NULL CHECK (kind IN ('instructor', 'offering')),
    id          uuid        NOT NULL,
    changed_in  xid8        NOT NULL DEFAULT pg_current_xact_id(),
    removed_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (kind, id)
);
CREATE INDEX removed_row_changed_idx ON removed_row (changed_in);

CREATE FUNCTION stamp_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.changed_in := pg_current_xact_id();
    RETURN NEW;
END $$;

-- A row written again after a removal is no longer removed.
CREATE FUNCTION unremove_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM removed_row WHERE kind = TG_ARGV[0] AND id = NEW.id;
    RETURN NULL;
END $$;

CREATE FUNCTION remove_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO removed_row (kind, id) VALUES (TG_ARGV[0], OLD.id)
    ON CONFLICT (kind, id) DO UPDATE SET changed_in = pg_current_xact_id(), removed_at = now();
    RETURN NULL;
END $$;

CREATE TRIGGER instructor_stamp BEFORE UPDATE ON instructor FOR EACH ROW EXECUTE FUNCTION stamp_change();
CREATE TRIGGER offering_stamp BEFORE UPDATE ON offering FOR EACH ROW EXECUTE FUNCTION stamp_change();
CREATE TRIGGER instructor_unremove AFTER INSERT ON instructor FOR EACH ROW EXECUTE FUNCTION unremove_row('instructor');
CREATE TRIGGER offering_unremove AFTER INSERT ON offering FOR EACH ROW EXECUTE FUNCTION unremove_row('offering');
CREATE TRIGGER instructor_remove AFTER DELETE ON instructor FOR EACH ROW EXECUTE FUNCTION remove_row('instructor');
CREATE TRIGGER offering_remove AFTER DELETE ON offering FOR EACH ROW EXECUTE FUNCTION remove_row('offering');

