package io.tributary.destination.duckdb;

import org.duckdb.DuckDBConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Picks the staging path: Arrow stream import (about three times faster for string-heavy rows), or the
 * Appender when Arrow cannot run here, which happens when the JVM lacks
 * {@code --add-opens=java.base/java.nio=ALL-UNNAMED}. {@code -Dtributary.duckdb.staging=appender} forces it.
 */
final class StagingWriters {
    private static final Logger LOG = LoggerFactory.getLogger("tributary");
    private static volatile boolean warned;

    private StagingWriters() {
    }

    static StagingWriter create(DuckDBConnection connection) {
        if ("appender".equals(System.getProperty("tributary.duckdb.staging"))) {
            return new AppenderStagingWriter(connection);
        }
        try {
            return new ArrowStagingWriter(connection);
        } catch (RuntimeException | LinkageError e) {
            if (!warned) {
                warned = true;
                LOG.warn("Arrow staging is unavailable ({}); using the slower Appender. Start the JVM with "
                        + "--add-opens=java.base/java.nio=ALL-UNNAMED to enable it.", e);
            }
            return new AppenderStagingWriter(connection);
        }
    }
}
