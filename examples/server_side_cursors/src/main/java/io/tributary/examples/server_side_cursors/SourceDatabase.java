package io.tributary.examples.server_side_cursors;

import io.tributary.sdk.Configuration;
import io.tributary.sdk.jdbc.Jdbc;
import java.sql.Connection;

/** The PostgreSQL source, from the configuration's host, port, database, user and password. */
final class SourceDatabase {
    private SourceDatabase() {
    }

    static Connection connect(Configuration configuration) {
        String url = "jdbc:postgresql://" + configuration.require("host") + ":" + configuration.getInt("port", 5432)
                + "/" + configuration.require("database");
        return Jdbc.connect(url, configuration.require("user"), configuration.get("password", ""));
    }
}
