-- The account's hourly API budget, shared by every node of a cluster: a token bucket nodes draw from in chunks.
-- tokens is NULL until the first draw, which starts the bucket full.
CREATE TABLE request_budget (
    id           INTEGER            PRIMARY KEY,
    tokens       DOUBLE PRECISION,
    refilled_at  TIMESTAMP          NOT NULL
);
INSERT INTO request_budget (id, tokens, refilled_at) VALUES (1, NULL, CURRENT_TIMESTAMP);
