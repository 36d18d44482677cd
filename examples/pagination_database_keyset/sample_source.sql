-- The source of examples/pagination_database_keyset: 200 users, updated 3 minutes apart from 2026-01-01.
-- Run it once against your database: psql -h 127.0.0.1 -U <user> -d <database> -f sample_source.sql
CREATE TABLE IF NOT EXISTS users (
    id         integer PRIMARY KEY,
    name       text NOT NULL,
    email      text NOT NULL,
    updated_at timestamptz NOT NULL
);

-- Each page is a range scan of this index, however deep into the table it starts.
CREATE INDEX IF NOT EXISTS users_updated_at_id ON users (updated_at, id);

INSERT INTO users
SELECT i, 'User ' || i, 'user' || i || '@example.com', timestamptz '2026-01-01 00:00:00+00' + i * interval '3 minutes'
FROM generate_series(1, 200) AS i
ON CONFLICT (id) DO NOTHING;
