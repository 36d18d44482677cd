-- Connections load into their group's destination, each under its own destination schema.
CREATE TABLE connections (
    id                            VARCHAR(64)    PRIMARY KEY,
    group_id                      VARCHAR(64)    NOT NULL REFERENCES destination_groups (id) ON DELETE CASCADE,
    service                       VARCHAR(64)    NOT NULL,
    service_version               INTEGER        NOT NULL,
    schema_name                   VARCHAR(128)   NOT NULL,
    connected_by                  VARCHAR(64)    NOT NULL,
    created_at                    TIMESTAMP      NOT NULL,
    paused                        BOOLEAN        NOT NULL,
    pause_after_trial             BOOLEAN        NOT NULL,
    sync_frequency                INTEGER        NOT NULL,
    schedule_type                 VARCHAR(16)    NOT NULL,
    daily_sync_time               VARCHAR(5),
    data_delay_sensitivity        VARCHAR(16)    NOT NULL,
    data_delay_threshold          INTEGER        NOT NULL,
    networking_method             VARCHAR(32)    NOT NULL,
    proxy_agent_id                VARCHAR(256),
    private_link_id               VARCHAR(256),
    hybrid_deployment_agent_id    VARCHAR(256),
    destination_schema_names      VARCHAR(32)    NOT NULL,
    virtual_warehouse             VARCHAR(256),
    external_secrets_manager_id   VARCHAR(256),
    config                        VARCHAR(65536) NOT NULL,
    setup_state                   VARCHAR(16)    NOT NULL,
    setup_tests                   VARCHAR(65536) NOT NULL,
    -- The run fields below belong to the orchestrator; the API sets only their first values.
    sync_state                    VARCHAR(16)    NOT NULL,
    update_state                  VARCHAR(16)    NOT NULL,
    is_historical_sync            BOOLEAN        NOT NULL,
    schema_status                 VARCHAR(32),
    rescheduled_for               TIMESTAMP,
    succeeded_at                  TIMESTAMP,
    failed_at                     TIMESTAMP,
    tasks                         VARCHAR(65536) NOT NULL,
    warnings                      VARCHAR(65536) NOT NULL,
    CONSTRAINT connections_group_schema UNIQUE (group_id, schema_name)
);

-- The connector's state (its cursors), written by its checkpoints or by PATCH .../state. No length limit:
-- connectors keep lists of ids in it.
CREATE TABLE connection_states (
    connection_id VARCHAR(64) PRIMARY KEY REFERENCES connections (id) ON DELETE CASCADE,
    state_json    VARCHAR     NOT NULL,
    updated_at    TIMESTAMP   NOT NULL
);

-- Sync and re-sync requests, for the orchestrator to run: it sets handled_at when it takes one.
CREATE TABLE sync_requests (
    id            VARCHAR(64)    PRIMARY KEY,
    connection_id VARCHAR(64)    NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
    kind          VARCHAR(16)    NOT NULL,
    force_sync    BOOLEAN        NOT NULL,
    scope         VARCHAR(65536),
    requested_by  VARCHAR(64)    NOT NULL,
    requested_at  TIMESTAMP      NOT NULL,
    handled_at    TIMESTAMP
);

CREATE INDEX sync_requests_connection ON sync_requests (connection_id, requested_at);
