-- The source of examples/schema_from_database: products and orders with a column of most types, and created_at.
-- Run it once against your database: psql -h 127.0.0.1 -U <user> -d <database> -f sample_source.sql
CREATE TABLE IF NOT EXISTS products (
    product_id   integer PRIMARY KEY,
    product_code varchar(20) NOT NULL,
    name         text NOT NULL,
    price        numeric(10, 2) NOT NULL,
    in_stock     boolean NOT NULL,
    weight_kg    real,
    created_at   timestamptz NOT NULL
);

CREATE TABLE IF NOT EXISTS orders (
    order_id    bigint PRIMARY KEY,
    product_id  integer NOT NULL REFERENCES products (product_id),
    quantity    smallint NOT NULL,
    unit_price  numeric(12, 4) NOT NULL,
    total       double precision NOT NULL,
    ordered_on  date NOT NULL,
    shipped_at  timestamp,
    notes       jsonb,
    exact_tax   numeric,
    created_at  timestamptz NOT NULL
);

CREATE INDEX IF NOT EXISTS products_created_at ON products (created_at, product_id);
CREATE INDEX IF NOT EXISTS orders_created_at ON orders (created_at, order_id);

INSERT INTO products
SELECT i, 'P-' || lpad(i::text, 4, '0'), 'Product ' || i, 5 + i * 2.5, i % 3 <> 0, (i % 7) * 0.5,
       timestamptz '2026-01-01 00:00:00+00' + i * interval '1 hour'
FROM generate_series(1, 20) AS i
ON CONFLICT (product_id) DO NOTHING;

INSERT INTO orders
SELECT i, 1 + i % 20, 1 + i % 5, 5 + (1 + i % 20) * 2.5, (1 + i % 5) * (5 + (1 + i % 20) * 2.5),
       date '2026-01-01' + i / 10, CASE WHEN i % 4 = 0 THEN NULL ELSE timestamp '2026-01-02 08:00' + i * interval '1 minute' END,
       jsonb_build_object('gift', i % 6 = 0, 'channel', CASE WHEN i % 2 = 0 THEN 'web' ELSE 'store' END),
       (i * 0.0123456789)::numeric, timestamptz '2026-01-01 00:00:00+00' + (i / 3) * interval '1 minute'
FROM generate_series(1, 150) AS i
ON CONFLICT (order_id) DO NOTHING;
