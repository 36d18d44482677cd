-- A connection's schema config: which of its source's schemas, tables and columns to sync, and how. It exists once
-- POST .../schemas set it up, a reload asked for it, or the source's schema was first captured. Names are the
-- source's, verbatim and case-sensitive; 256 characters keeps the composite keys within PostgreSQL's index limit.
CREATE TABLE schema_configs (
    connection_id          VARCHAR(64) PRIMARY KEY REFERENCES connections (id) ON DELETE CASCADE,
    schema_change_handling VARCHAR(16) NOT NULL,
    is_type_locked         BOOLEAN     NOT NULL,
    -- When the source's schema was last captured; null while the config holds only what POST .../schemas set up.
    captured_at            TIMESTAMP,
    -- Bumped by every save, so that two concurrent changes cannot silently overwrite each other.
    version                INTEGER     NOT NULL,
    updated_at             TIMESTAMP   NOT NULL
);

-- in_source: seen in the latest capture. After a capture, an object not in_source was deleted in the source.
CREATE TABLE schema_config_schemas (
    connection_id       VARCHAR(64)  NOT NULL REFERENCES schema_configs (connection_id) ON DELETE CASCADE,
    schema_name         VARCHAR(256) NOT NULL,
    name_in_destination VARCHAR(256) NOT NULL,
    enabled             BOOLEAN      NOT NULL,
    in_source           BOOLEAN      NOT NULL,
    PRIMARY KEY (connection_id, schema_name)
);

-- sync_mode is null when the table cannot switch modes. locked_reason_code is set when the source does not let
-- users change 'enabled' (SYSTEM_TABLE, OTHER; locked_reason explains OTHER).
CREATE TABLE schema_config_tables (
    connection_id           VARCHAR(64)   NOT NULL,
    schema_name             VARCHAR(256)  NOT NULL,
    table_name              VARCHAR(256)  NOT NULL,
    name_in_destination     VARCHAR(256)  NOT NULL,
    enabled                 BOOLEAN       NOT NULL,
    sync_mode               VARCHAR(16),
    supports_columns_config BOOLEAN       NOT NULL,
    supports_history_mode   BOOLEAN       NOT NULL,
    locked_reason_code      VARCHAR(16),
    locked_reason           VARCHAR(1024),
    in_source               BOOLEAN       NOT NULL,
    PRIMARY KEY (connection_id, schema_name, table_name),
    FOREIGN KEY (connection_id, schema_name) REFERENCES schema_config_schemas (connection_id, schema_name)
        ON DELETE CASCADE
);

-- user_set: a user chose this column's state, so responses always show it (others only when blocked).
CREATE TABLE schema_config_columns (
    connection_id       VARCHAR(64)   NOT NULL,
    schema_name         VARCHAR(256)  NOT NULL,
    table_name          VARCHAR(256)  NOT NULL,
    column_name         VARCHAR(256)  NOT NULL,
    name_in_destination VARCHAR(256)  NOT NULL,
    enabled             BOOLEAN       NOT NULL,
    hashed              BOOLEAN       NOT NULL,
    is_primary_key      BOOLEAN,
    locked_reason_code  VARCHAR(16),
    locked_reason       VARCHAR(1024),
    user_set            BOOLEAN       NOT NULL,
    in_source           BOOLEAN       NOT NULL,
    PRIMARY KEY (connection_id, schema_name, table_name, column_name),
    FOREIGN KEY (connection_id, schema_name, table_name)
        REFERENCES schema_config_tables (connection_id, schema_name, table_name) ON DELETE CASCADE
);
