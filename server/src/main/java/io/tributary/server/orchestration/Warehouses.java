package io.tributary.server.orchestration;

import io.tributary.destination.duckdb.DuckDbDestination;
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
 * Opens the warehouse of a group's destination for one sync. A DuckDB file has one writer at a time, so syncs
 * into the same file take turns on this node (another process holding it makes the open fail, clearly).
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

    private static void requireSupported(DestinationStore.Row destination) {
        if (!destination.service().equals("duckdb")) {
            throw new IllegalStateException("destination " + destination.id() + " is of service '"
                    + destination.service() + "', into which this server cannot sync yet; use a duckdb destination");
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
