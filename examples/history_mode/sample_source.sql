-- The source of examples/history_mode: a schema whose tables carry a last-updated instant, as a data warehouse's
-- dimension tables do. Run it once: psql -h 127.0.0.1 -U <user> -d <database> -f sample_source.sql
CREATE SCHEMA IF NOT EXISTS clinic;

CREATE TABLE IF NOT EXISTS clinic.patients (
    patient_id           integer PRIMARY KEY,
    name                 text NOT NULL,
    ward                 text NOT NULL,
    last_updated_instant timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS patients_history ON clinic.patients (last_updated_instant, patient_id);

-- A composite natural key: the history key becomes (ward, bed_no, last_updated_instant).
CREATE TABLE IF NOT EXISTS clinic.beds (
    ward                 text NOT NULL,
    bed_no               integer NOT NULL,
    status               text NOT NULL,
    last_updated_instant timestamptz NOT NULL,
    PRIMARY KEY (ward, bed_no)
);
CREATE INDEX IF NOT EXISTS beds_history ON clinic.beds (last_updated_instant, ward, bed_no);

-- No last-updated instant: copied in full on every sync, keyed by its own primary key, no history.
CREATE TABLE IF NOT EXISTS clinic.wards (
    code  text PRIMARY KEY,
    label text NOT NULL
);

-- No primary key: skipped with a warning, since no row could be told from another.
CREATE TABLE IF NOT EXISTS clinic.raw_events (
    payload text
);

INSERT INTO clinic.wards VALUES ('A', 'Acute'), ('B', 'Burns'), ('C', 'Cardiology') ON CONFLICT DO NOTHING;

INSERT INTO clinic.patients
SELECT i, 'Patient ' || i, (ARRAY['A', 'B', 'C'])[1 + i % 3],
       timestamptz '2026-04-01 08:00:00+00' + (i / 10) * interval '1 minute'
FROM generate_series(1, 60) AS i
ON CONFLICT DO NOTHING;

INSERT INTO clinic.beds
SELECT w, b, 'free', timestamptz '2026-04-01 07:00:00+00'
FROM unnest(ARRAY['A', 'B', 'C']) AS w, generate_series(1, 4) AS b
ON CONFLICT DO NOTHING;

INSERT INTO clinic.raw_events VALUES ('{"kind": "boot"}');
