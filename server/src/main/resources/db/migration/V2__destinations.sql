-- A group's destination shares the group's id, as in Fivetran's API.
CREATE TABLE destinations (
    id                           VARCHAR(64)  PRIMARY KEY REFERENCES destination_groups (id) ON DELETE CASCADE,
    service                      VARCHAR(64)  NOT NULL,
    region                       VARCHAR(64)  NOT NULL,
    time_zone_offset             VARCHAR(8)   NOT NULL,
    daylight_saving_time_enabled BOOLEAN      NOT NULL,
    networking_method            VARCHAR(32)  NOT NULL,
    config                       VARCHAR(65536) NOT NULL,
    setup_status                 VARCHAR(16)  NOT NULL,
    setup_tests                  VARCHAR(65536) NOT NULL,
    created_at                   TIMESTAMP    NOT NULL
);
