-- The source of examples/update_and_delete: people per department, keyed by (id, department_id), and a tombstone
-- table that a trigger fills on every delete, so the connector can read deletes from the source.
-- Run it once against your database: psql -h 127.0.0.1 -U <user> -d <database> -f sample_source.sql
CREATE TABLE IF NOT EXISTS sample_table (
    id            integer NOT NULL,
    name          text,
    department_id integer NOT NULL,
    address       text,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (id, department_id)
);
CREATE INDEX IF NOT EXISTS sample_table_keyset ON sample_table (updated_at, id, department_id);

CREATE TABLE IF NOT EXISTS sample_table_deletes (
    id            integer NOT NULL,
    department_id integer NOT NULL,
    deleted_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (deleted_at, id, department_id)
);

-- Every change moves updated_at, so the connector sees it.
CREATE OR REPLACE FUNCTION sample_table_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    -- A changed key is a different row: the old key is gone.
    IF (NEW.id, NEW.department_id) IS DISTINCT FROM (OLD.id, OLD.department_id) THEN
        INSERT INTO sample_table_deletes (id, department_id) VALUES (OLD.id, OLD.department_id)
        ON CONFLICT DO NOTHING;
    END IF;
    RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION sample_table_tombstone() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO sample_table_deletes (id, department_id) VALUES (OLD.id, OLD.department_id)
    ON CONFLICT DO NOTHING;
    RETURN OLD;
END $$;

CREATE OR REPLACE TRIGGER sample_table_touch BEFORE UPDATE ON sample_table
    FOR EACH ROW EXECUTE FUNCTION sample_table_touch();
CREATE OR REPLACE TRIGGER sample_table_tombstone AFTER DELETE ON sample_table
    FOR EACH ROW EXECUTE FUNCTION sample_table_tombstone();

-- The rows of Fivetran's example.
INSERT INTO sample_table (id, name, department_id, address) VALUES
    (1, 'John', 1, '123 Main St'),
    (1, 'John', 2, '123 Main St'),
    (2, 'Jane', 3, '456 Elm St'),
    (3, 'Alice', 3, '789 Oak St'),
    (3, 'Alice', 1, '789 Oak St'),
    (4, 'Bob', 3, '1012 Pine St')
ON CONFLICT DO NOTHING;
