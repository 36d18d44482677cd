-- Users and teams are records managed through the API (nobody logs in to this server), and their memberships in
-- groups, connections and teams. Every membership row goes when either side is deleted (ON DELETE CASCADE).

CREATE TABLE users (
    id           VARCHAR(64)  PRIMARY KEY,
    email        VARCHAR(320) NOT NULL,
    -- The email in lower case: addresses are unique regardless of case, but are shown as they were given.
    email_key    VARCHAR(320) NOT NULL,
    given_name   VARCHAR(256) NOT NULL,
    family_name  VARCHAR(256) NOT NULL,
    phone        VARCHAR(64),
    -- A URL or a base64 image, so no fixed limit; the API caps its length.
    picture      VARCHAR,
    -- The account role; NULL when the user has none (never given, or removed).
    role         VARCHAR(64),
    verified     BOOLEAN      NOT NULL,
    invited      BOOLEAN      NOT NULL,
    active       BOOLEAN      NOT NULL,
    logged_in_at TIMESTAMP,
    created_at   TIMESTAMP    NOT NULL,
    CONSTRAINT users_email UNIQUE (email_key)
);

CREATE TABLE teams (
    id          VARCHAR(64)   PRIMARY KEY,
    name        VARCHAR(256)  NOT NULL,
    description VARCHAR(1024),
    -- The account role; NULL when the team has none.
    role        VARCHAR(64),
    created_at  TIMESTAMP     NOT NULL,
    CONSTRAINT teams_name UNIQUE (name)
);

CREATE TABLE team_users (
    team_id    VARCHAR(64) NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    user_id    VARCHAR(64) NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role       VARCHAR(64) NOT NULL,
    created_at TIMESTAMP   NOT NULL,
    PRIMARY KEY (team_id, user_id)
);
CREATE INDEX team_users_user ON team_users (user_id);

CREATE TABLE user_group_memberships (
    user_id    VARCHAR(64) NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    group_id   VARCHAR(64) NOT NULL REFERENCES destination_groups (id) ON DELETE CASCADE,
    role       VARCHAR(64) NOT NULL,
    created_at TIMESTAMP   NOT NULL,
    PRIMARY KEY (user_id, group_id)
);
CREATE INDEX user_group_memberships_group ON user_group_memberships (group_id);

CREATE TABLE user_connection_memberships (
    user_id       VARCHAR(64) NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    connection_id VARCHAR(64) NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
    role          VARCHAR(64) NOT NULL,
    created_at    TIMESTAMP   NOT NULL,
    PRIMARY KEY (user_id, connection_id)
);
CREATE INDEX user_connection_memberships_connection ON user_connection_memberships (connection_id);

CREATE TABLE team_group_memberships (
    team_id    VARCHAR(64) NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    group_id   VARCHAR(64) NOT NULL REFERENCES destination_groups (id) ON DELETE CASCADE,
    role       VARCHAR(64) NOT NULL,
    created_at TIMESTAMP   NOT NULL,
    PRIMARY KEY (team_id, group_id)
);
CREATE INDEX team_group_memberships_group ON team_group_memberships (group_id);

CREATE TABLE team_connection_memberships (
    team_id       VARCHAR(64) NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
    connection_id VARCHAR(64) NOT NULL REFERENCES connections (id) ON DELETE CASCADE,
    role          VARCHAR(64) NOT NULL,
    created_at    TIMESTAMP   NOT NULL,
    PRIMARY KEY (team_id, connection_id)
);
CREATE INDEX team_connection_memberships_connection ON team_connection_memberships (connection_id);
