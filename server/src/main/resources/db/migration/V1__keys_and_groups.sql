-- Portable SQL: the same migrations run on H2 (embedded store) and PostgreSQL (production store).
CREATE TABLE api_keys (
    api_key     VARCHAR(64)  PRIMARY KEY,
    secret_hash VARCHAR(128) NOT NULL,
    role        VARCHAR(64)  NOT NULL,
    description VARCHAR(256),
    created_at  TIMESTAMP    NOT NULL
);

CREATE TABLE destination_groups (
    id         VARCHAR(64)  PRIMARY KEY,
    name       VARCHAR(256) NOT NULL,
    created_at TIMESTAMP    NOT NULL,
    CONSTRAINT destination_groups_name UNIQUE (name)
);
