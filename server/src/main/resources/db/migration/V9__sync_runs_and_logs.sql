-- One row per sync of a connection. While it runs, running_for holds the connection's id: the unique constraint
-- lets exactly one node run a connection at a time, and the fence (growing per connection) is handed to the
-- destination so a sync that lost its lease cannot commit over a newer one.
CREATE TABLE sync_runs (
    id               VARCHAR(64)    PRIMARY KEY,
    connection_id    VARCHAR(64)    NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
    fence            BIGINT         NOT NULL,
    running_for      VARCHAR(64),
    run_trigger      VARCHAR(16)    NOT NULL,
    node             VARCHAR(128)   NOT NULL,
    status           VARCHAR(16)    NOT NULL,
    started_at       TIMESTAMP      NOT NULL,
    heartbeat_at     TIMESTAMP      NOT NULL,
    ended_at         TIMESTAMP,
    upserts          BIGINT         NOT NULL,
    updates          BIGINT         NOT NULL,
    deletes          BIGINT         NOT NULL,
    truncates        BIGINT         NOT NULL,
    checkpoints      BIGINT         NOT NULL,
    error            VARCHAR(65536),
    CONSTRAINT sync_runs_one_running UNIQUE (running_for),
    CONSTRAINT sync_runs_fence UNIQUE (connection_id, fence)
);
CREATE INDEX sync_runs_connection ON sync_runs (connection_id, started_at);

-- What a sync logged (the runtime's and the connector's lines), bounded per sync by the writer.
CREATE TABLE sync_logs (
    sync_id     VARCHAR(64)    NOT NULL REFERENCES sync_runs (id) ON DELETE CASCADE,
    seq         INTEGER        NOT NULL,
    logged_at   TIMESTAMP      NOT NULL,
    level       VARCHAR(8)     NOT NULL,
    logger      VARCHAR(256)   NOT NULL,
    message     VARCHAR(8192)  NOT NULL,
    PRIMARY KEY (sync_id, seq)
);

-- Who wrote a connection's state: 'sync' (a committed checkpoint, mirrored from the destination, which keeps the
-- truth) or 'api' (PATCH …/state, which the next sync commits to the destination before it starts).
ALTER TABLE connection_states ADD COLUMN written_by VARCHAR(8) DEFAULT 'sync' NOT NULL;
