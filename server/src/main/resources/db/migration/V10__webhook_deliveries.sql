-- Webhook events waiting for delivery, delivered, or given up: an outbox, so an event survives a restart and a
-- failing endpoint is retried (Fivetran's schedule: 5 minutes more after each attempt, for 24 hours). A node
-- claims a delivery until claimed_until, so nodes sharing the store do not send it twice at once.
CREATE TABLE webhook_deliveries (
    id               VARCHAR(64)    PRIMARY KEY,
    webhook_id       VARCHAR(64)    NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    event            VARCHAR(64)    NOT NULL,
    payload          VARCHAR(65536) NOT NULL,
    status           VARCHAR(16)    NOT NULL,
    created_at       TIMESTAMP      NOT NULL,
    attempts         INTEGER        NOT NULL,
    next_attempt_at  TIMESTAMP      NOT NULL,
    claimed_until    TIMESTAMP,
    delivered_at     TIMESTAMP,
    last_error       VARCHAR(2048)
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (status, next_attempt_at);
