package io.tributary.server.orchestration;

import io.tributary.destination.duckdb.DuckDbDestination;
import io.tributary.destination.postgres.PostgresDestination;
import io.tributary.runtime.destination.Destination;
import io.tributary.server.store.DestinationStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Opens the warehouse of a group's destination for one sync: a DuckDB file or a PostgreSQL database. A DuckDB file
 * has one writer at a time, so syncs into the same file take turns on this node (another process holding it makes
 * the open fail, clearly); PostgreSQL takes concurrent syncs, each into its own schema.
 */
final class Warehouses {
    private final Map<Path, ReentrantLock> duckDbFiles = new ConcurrentHashMap<>();

    /** A destination opened for writing {@code schema}, and the turn it holds; close both with {@link Opened#close}. */
    record Opened(Destination destination, ReentrantLock turn) implements AutoCloseable {
        @Override
        public void close() {
            try {
                destination.close();
            } finally {
                if (turn != null) {
                    turn.unlock();
                }
            }
        }
    }

    /** A SQL session on the warehouse, and the turn it holds; close both with {@link Session#close}. */
    record Session(Connection connection, ReentrantLock turn) implements AutoCloseable {
        @Override
        public void close() throws SQLException {
            try {
                connection.close();
            } finally {
                if (turn != null) {
                    turn.unlock();
                }
            }
        }
    }

    Opened open(DestinationStore.Row destination, String schema) {
        if (isPostgres(destination)) {
            Map<String, Object> c = destination.config();
            return new Opened(new PostgresDestination(postgresUrl(c), c.get("user").toString(),
                    c.get("password").toString(), schema), null);
        }
        requireSupported(destination);
        Path file = duckDbFile(destination);
        ReentrantLock turn = turn(file);
        try {
            return new Opened(new DuckDbDestination(file, schema), turn);
        } catch (RuntimeException e) {
            turn.unlock();
            throw e;
        }
    }

    /** A SQL session for transformations, in the warehouse's own dialect. */
    Session session(DestinationStore.Row destination) throws SQLException {
        if (isPostgres(destination)) {
            Map<String, Object> c = destination.config();
            return new Session(DriverManager.getConnection(postgresUrl(c), c.get("user").toString(),
                    c.get("password").toString()), null);
        }
        requireSupported(destination);
        Path file = duckDbFile(destination);
        ReentrantLock turn = turn(file);
        try {
            return new Session(DriverManager.getConnection("jdbc:duckdb:" + file), turn);
        } catch (SQLException | RuntimeException e) {
            turn.unlock();
            throw e;
        }
    }

    private static boolean isPostgres(DestinationStore.Row destination) {
        return destination.service().equals("postgres") || destination.service().equals("postgres_warehouse");
    }

    private static String postgresUrl(Map<String, Object> config) {
        return "jdbc:postgresql://" + config.get("host") + ":" + config.get("port") + "/" + config.get("database")
                + "?connectTimeout=10&ApplicationName=tributary";
    }

    private static void requireSupported(DestinationStore.Row destination) {
        if (!destination.service().equals("duckdb")) {
            throw new IllegalStateException("destination " + destination.id() + " is of service '"
                    + destination.service() + "', into which this server cannot sync; use duckdb or postgres_warehouse");
        }
    }

    private static Path duckDbFile(DestinationStore.Row destination) {
        return Path.of(destination.config().get("path").toString()).toAbsolutePath().normalize();
    }

    private ReentrantLock turn(Path file) {
        ReentrantLock turn = duckDbFiles.computeIfAbsent(file, f -> new ReentrantLock());
        turn.lock();
        return turn;
    }
}
