package io.tributary.server;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/** The two stores every API test runs against: embedded H2, and a real PostgreSQL started by the tests. */
public enum StoreKind {
    H2,
    POSTGRES;

    private static EmbeddedPostgres postgres;

    /** A server configuration with a fresh, empty store of this kind. */
    public ServerConfig fresh(Path dir) {
        ServerConfig base = ServerConfig.defaults().withPort(0).withDataDir(dir);
        if (this == H2) {
            return base;
        }
        String database = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        try (Connection c = postgres().getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + database);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create a test database in the embedded PostgreSQL", e);
        }
        return base.withDatabase(postgres().getJdbcUrl("postgres", database), "postgres", "postgres");
    }

    /** The port of the embedded PostgreSQL (user and password "postgres"), for tests that need a real database. */
    public static int postgresPort() {
        return postgres().getPort();
    }

    private static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is exiting
                }
            }));
        }
        return postgres;
    }
}
