-- The source of examples/ssh_tunnels with "source": "postgres" (the bastion original's sample_users table).
-- Run it once on the database behind the SSH server: psql -h <db host> -U <user> -d <database> -f sample_source.sql
CREATE TABLE IF NOT EXISTS sample_users (
    id          text PRIMARY KEY,
    name        text NOT NULL,
    modified_at timestamptz NOT NULL
);

-- The read orders by (modified_at, id); this index serves it without a sort.
CREATE INDEX IF NOT EXISTS sample_users_modified_at_id ON sample_users (modified_at, id);

-- 40 users, modified five to a minute, as rows written by one batch job share a timestamp.
INSERT INTO sample_users
SELECT 'u' || lpad(i::text, 3, '0'), 'User ' || i,
       timestamptz '2025-01-01 00:00:00+00' + (i / 5) * interval '1 minute'
FROM generate_series(1, 40) AS i
ON CONFLICT (id) DO NOTHING;
