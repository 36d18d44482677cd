-- The source of examples/redshift. On Redshift, or on a PostgreSQL standing in for it:
-- psql -h <host> -p <port> -U <user> -d <database> -f sample_source.sql
CREATE TABLE IF NOT EXISTS customers (
    customer_id integer PRIMARY KEY,
    name        varchar(100) NOT NULL,
    email       varchar(200) NOT NULL,
    updated_at  timestamptz NOT NULL
);
CREATE TABLE IF NOT EXISTS orders (
    order_id    bigint PRIMARY KEY,
    customer_id integer NOT NULL,
    amount      numeric(12, 2) NOT NULL,
    status      varchar(20) NOT NULL,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);
CREATE TABLE IF NOT EXISTS products (
    sku         varchar(20) PRIMARY KEY,
    title       varchar(200) NOT NULL,
    price       numeric(10, 2) NOT NULL,
    modified_at timestamp NOT NULL
);
-- No update-time column: copied in full every sync.
CREATE TABLE IF NOT EXISTS regions (
    region_id smallint PRIMARY KEY,
    name      varchar(50) NOT NULL
);

INSERT INTO customers
SELECT i, 'Customer ' || i, 'customer' || i || '@example.com', timestamptz '2026-01-01 00:00:00+00' + (i / 4) * interval '1 minute'
FROM generate_series(1, 500) AS i ON CONFLICT DO NOTHING;

INSERT INTO orders
SELECT i, 1 + i % 500, 10 + (i % 1000) / 10.0, CASE WHEN i % 3 = 0 THEN 'shipped' ELSE 'open' END,
       timestamptz '2026-01-01 00:00:00+00' + i * interval '10 seconds',
       timestamptz '2026-01-01 00:00:00+00' + (i / 5) * interval '1 minute'
FROM generate_series(1, 3000) AS i ON CONFLICT DO NOTHING;

INSERT INTO products
SELECT 'SKU-' || lpad(i::text, 4, '0'), 'Product ' || i, 1 + i * 0.25, timestamp '2026-01-01 00:00:00' + i * interval '1 hour'
FROM generate_series(1, 120) AS i ON CONFLICT DO NOTHING;

INSERT INTO regions VALUES (1, 'North'), (2, 'South'), (3, 'East'), (4, 'West') ON CONFLICT DO NOTHING;
