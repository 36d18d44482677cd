-- One-time events of the whole deployment, claimed by inserting their name: with several server nodes starting
-- on one database, only the node whose insert wins does the thing (e.g. prints the first administrator key).
CREATE TABLE server_milestones (
    name        VARCHAR(64)  PRIMARY KEY,
    reached_at  TIMESTAMP    NOT NULL
);
INSERT INTO server_milestones (name, reached_at)
    SELECT 'first_administrator_key', CURRENT_TIMESTAMP FROM api_keys WHERE role = 'ACCOUNT_ADMINISTRATOR'
    FETCH FIRST 1 ROWS ONLY;
