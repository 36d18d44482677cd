-- Uploaded Connector SDK packages: the zip itself lives in the store, so every node sharing it can run the
-- package. Its column type is the placeholder binary_type (Database sets it): H2's BLOB, spelt BINARY LARGE OBJECT
-- as its PostgreSQL mode requires, and BYTEA on PostgreSQL; the one type the two dialects do not share.
CREATE TABLE connector_sdk_packages (
    id               VARCHAR(64)     PRIMARY KEY,
    file_sha256_hash VARCHAR(64)     NOT NULL,
    file_size        BIGINT          NOT NULL,
    connector_class  VARCHAR(1024)   NOT NULL,
    content          ${binary_type}  NOT NULL,
    created_by       VARCHAR(64)     NOT NULL,
    created_at       TIMESTAMP       NOT NULL,
    last_updated_by  VARCHAR(64)     NOT NULL,
    updated_at       TIMESTAMP       NOT NULL
);
CREATE INDEX connector_sdk_packages_created ON connector_sdk_packages (created_at, id);

-- The package a connector_sdk connection runs (its config.package_id). Unique: a package serves one connection
-- at a time; the foreign key keeps a package in use from being deleted.
ALTER TABLE connections ADD COLUMN package_id VARCHAR(64);
ALTER TABLE connections ADD CONSTRAINT connections_package FOREIGN KEY (package_id)
    REFERENCES connector_sdk_packages (id);
ALTER TABLE connections ADD CONSTRAINT connections_one_per_package UNIQUE (package_id);
