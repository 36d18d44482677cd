-- The source of examples/server_side_cursors: 50,000 employees, big enough that fetching them all at once shows.
-- Run it once against your database: psql -h 127.0.0.1 -U <user> -d <database> -f sample_source.sql
CREATE TABLE IF NOT EXISTS employees (
    id           integer PRIMARY KEY,
    name         text NOT NULL,
    department   text NOT NULL,
    salary       numeric(10,2) NOT NULL,
    notes        text,
    last_updated timestamptz NOT NULL
);

-- The read orders by (last_updated, id); this index serves it without a sort.
CREATE INDEX IF NOT EXISTS employees_last_updated_id ON employees (last_updated, id);

-- 250 employees share each last_updated second, as rows written by one batch job do.
INSERT INTO employees
SELECT i, 'Employee ' || i, (ARRAY['Sales', 'Engineering', 'Support', 'Finance'])[1 + i % 4],
       30000 + (i * 37) % 90000 + (i % 100) / 100.0, repeat('n', 100),
       timestamptz '2024-01-01 00:00:00+00' + (i / 250) * interval '1 second'
FROM generate_series(1, 50000) AS i
ON CONFLICT (id) DO NOTHING;
