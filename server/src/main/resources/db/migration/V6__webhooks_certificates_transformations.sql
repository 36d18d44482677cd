-- Webhooks: account-wide, or for one group. The secret is kept as given: deliveries are signed with it.
CREATE TABLE webhooks (
    id         VARCHAR(64)   PRIMARY KEY,
    type       VARCHAR(16)   NOT NULL,
    group_id   VARCHAR(64)   REFERENCES destination_groups (id) ON DELETE CASCADE,
    url        VARCHAR(2048) NOT NULL,
    events     VARCHAR(4096) NOT NULL,
    active     BOOLEAN       NOT NULL,
    secret     VARCHAR(1024),
    created_at TIMESTAMP     NOT NULL,
    created_by VARCHAR(64)   NOT NULL
);

CREATE INDEX webhooks_created ON webhooks (created_at, id);

-- Approved TLS certificates and SSH host-key fingerprints, each for exactly one connection or one destination.
CREATE TABLE approvals (
    kind           VARCHAR(16)  NOT NULL,
    connection_id  VARCHAR(64)  REFERENCES connections (id) ON DELETE CASCADE,
    destination_id VARCHAR(64)  REFERENCES destinations (id) ON DELETE CASCADE,
    hash           VARCHAR(512) NOT NULL,
    public_key     VARCHAR      NOT NULL,
    encoded_cert   VARCHAR,
    name           VARCHAR(1024),
    sha1           VARCHAR(128),
    sha256         VARCHAR(128),
    validated_by   VARCHAR(64)  NOT NULL,
    validated_at   TIMESTAMP    NOT NULL,
    CONSTRAINT approvals_one_owner CHECK ((connection_id IS NULL AND destination_id IS NOT NULL)
        OR (connection_id IS NOT NULL AND destination_id IS NULL)),
    CONSTRAINT approvals_connection_hash UNIQUE (kind, connection_id, hash),
    CONSTRAINT approvals_destination_hash UNIQUE (kind, destination_id, hash)
);

-- SQL transformations, run in their group's destination. The run fields belong to the orchestrator.
CREATE TABLE transformations (
    id              VARCHAR(64)    PRIMARY KEY,
    group_id        VARCHAR(64)    NOT NULL REFERENCES destination_groups (id) ON DELETE CASCADE,
    name            VARCHAR(256)   NOT NULL,
    sql_text        VARCHAR        NOT NULL,
    schedule        VARCHAR(65536) NOT NULL,
    paused          BOOLEAN        NOT NULL,
    status          VARCHAR(32)    NOT NULL,
    created_at      TIMESTAMP      NOT NULL,
    created_by_id   VARCHAR(64)    NOT NULL,
    last_started_at TIMESTAMP,
    last_ended_at   TIMESTAMP,
    CONSTRAINT transformations_group_name UNIQUE (group_id, name)
);

-- Run requests, for the orchestrator: it moves a run from PENDING to RUNNING to SUCCEEDED, FAILED or CANCELED.
CREATE TABLE transformation_runs (
    id                VARCHAR(64)   PRIMARY KEY,
    transformation_id VARCHAR(64)   NOT NULL REFERENCES transformations (id) ON DELETE CASCADE,
    full_refresh      BOOLEAN       NOT NULL,
    status            VARCHAR(16)   NOT NULL,
    cancel_requested  BOOLEAN       NOT NULL,
    requested_by      VARCHAR(64)   NOT NULL,
    requested_at      TIMESTAMP     NOT NULL,
    started_at        TIMESTAMP,
    ended_at          TIMESTAMP,
    message           VARCHAR(4096)
);

CREATE INDEX transformation_runs_transformation ON transformation_runs (transformation_id, requested_at);
