package io.tributary.destination.duckdb;

import io.tributary.runtime.destination.Batch;
import java.sql.SQLException;
import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the staging path per batch. Arrow stream import pays a fixed cost per batch (schema, vectors, the C
 * stream) of a few milliseconds, which dominates small batches such as a checkpoint per API page: measured on
 * 100- and 1,000-row batches the Appender staged 2-2.5× faster. Large batches go through Arrow, which is at least
 * as fast there and much faster for string-heavy rows on some DuckDB versions. Arrow cannot run when the JVM
 * lacks {@code --add-opens=java.base/java.nio=ALL-UNNAMED}; then everything goes through the Appender.
 * {@code -Dtributary.duckdb.staging=appender|arrow} forces one path for every batch.
 */
final class StagingWriters {
    /** Batches of at least this many rows go through Arrow. */
    static final int ARROW_MIN_ROWS = 4_096;
    private static final Logger LOG = LoggerFactory.getLogger("tributary");
    private static volatile boolean warned;

    private StagingWriters() {
    }

    static StagingWriter create(DuckDBConnection connection) {
        String forced = System.getProperty("tributary.duckdb.staging", "");
        AppenderStagingWriter appender = new AppenderStagingWriter(connection);
        if (forced.equals("appender")) {
            return appender;
        }
        ArrowStagingWriter arrow;
        try {
            arrow = new ArrowStagingWriter(connection);
        } catch (RuntimeException | LinkageError e) {
            if (!warned) {
                warned = true;
                LOG.warn("Arrow staging is unavailable ({}); using the Appender for every batch. Start the JVM with "
                        + "--add-opens=java.base/java.nio=ALL-UNNAMED to enable it.", e);
            }
            return appender;
        }
        return forced.equals("arrow") ? arrow : new BySize(appender, arrow);
    }

    /** Small batches through the Appender, large ones through Arrow. */
    static final class BySize implements StagingWriter, AutoCloseable {
        private final AppenderStagingWriter appender;
        private final ArrowStagingWriter arrow;

        BySize(AppenderStagingWriter appender, ArrowStagingWriter arrow) {
            this.appender = appender;
            this.arrow = arrow;
        }

        @Override
        public void write(String stagingName, Batch batch) throws SQLException {
            (batch.size() >= ARROW_MIN_ROWS ? arrow : appender).write(stagingName, batch);
        }

        @Override
        public void close() {
            arrow.close();
        }
    }
}
