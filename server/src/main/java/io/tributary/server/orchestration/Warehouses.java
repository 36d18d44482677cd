package io.tributary.server.orchestration;

import io.tributary.destination.duckdb.DuckDbDestination;
import io.tributary.runtime.destination.Destination;
import io.tributary.server.store.DestinationStore;
import java.nio.file.Path;
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

    Opened open(DestinationStore.Row destination, String schema) {
        switch (destination.service()) {
            case "duckdb" -> {
                Path file = Path.of(destination.config().get("path").toString()).toAbsolutePath().normalize();
                ReentrantLock turn = duckDbFiles.computeIfAbsent(file, f -> new ReentrantLock());
                turn.lock();
                try {
                    return new Opened(new DuckDbDestination(file, schema), turn);
                } catch (RuntimeException e) {
                    turn.unlock();
                    throw e;
                }
            }
            default -> throw new IllegalStateException("destination " + destination.id() + " is of service '"
                    + destination.service() + "', into which this server cannot sync yet; use a duckdb destination");
        }
    }
}
