package io.tributary.examples.server_side_cursors;

import io.tributary.sdk.Configuration;
import io.tributary.sdk.Configuration.ConfigurationException;
import io.tributary.sdk.Connector;
import io.tributary.sdk.Log;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import io.tributary.sdk.Table;
import io.tributary.sdk.jdbc.Checkpoints;
import io.tributary.sdk.jdbc.Position;
import io.tributary.sdk.jdbc.SourceTable;
import io.tributary.sdk.jdbc.TableRead;
import java.sql.Connection;
import java.util.List;
import java.util.Locale;

/**
 * Reads a large PostgreSQL table incrementally by {@code last_updated}, either through a server-side cursor
 * ({@code cursor_mode} NAMED: the driver fetches {@code batch_size} rows per round trip, so memory stays flat) or
 * client-side (CLIENT: the driver receives the whole result before the first row). The table's columns and primary
 * key come from the database's metadata, so any table with a {@code last_updated} column can be named.
 */
public class ServerSideCursorsConnector implements Connector {
    static final String TABLE_NAME = "table_name";
    static final String BATCH_SIZE = "batch_size";
    static final String CURSOR_MODE = "cursor_mode";
    static final String REPLICATION_KEY = "last_updated";

    /** How rows travel from the server. */
    enum CursorMode {
        /** A server-side cursor: {@code batch_size} rows per fetch, like psycopg2's named cursor. */
        NAMED,
        /** The driver's default: the whole result in one go, like psycopg2's client cursor. */
        CLIENT
    }

    @Override
    public List<Table> schema(Configuration configuration) throws Exception {
        String tableName = configuration.require(TABLE_NAME);
        try (Connection source = SourceDatabase.connect(configuration)) {
            return List.of(SourceTable.describe(source, tableName).toTable(tableName));
        }
    }

    @Override
    public void update(Configuration configuration, State state, Operations operations) throws Exception {
        String tableName = configuration.require(TABLE_NAME);
        int batchSize = configuration.getInt(BATCH_SIZE, 5000);
        if (batchSize < 1) {
            throw new ConfigurationException(BATCH_SIZE, "configuration key '" + BATCH_SIZE + "' must be at least 1, "
                    + "got " + batchSize);
        }
        CursorMode mode = cursorMode(configuration);
        try (Connection source = SourceDatabase.connect(configuration)) {
            // Keyset on (last_updated, primary key): a checkpoint inside a run of equal last_updated values is safe.
            TableRead read = TableRead.keyset(SourceTable.describe(source, tableName), REPLICATION_KEY)
                    .fetchSize(mode == CursorMode.NAMED ? batchSize : 0);
            Position start = read.position(state);
            Log.info("reading " + tableName + " after " + start + " with a " + mode + " cursor, " + batchSize
                    + " rows per batch");

            Checkpoints checkpoints = Checkpoints.every(batchSize, start, position -> {
                position.toState().forEach(state::putValue);
                operations.checkpoint(state);
            });
            long rows = read.read(source, start, row -> {
                checkpoints.beforeRow(row.position());
                operations.upsert(tableName, row.values());
            });
            checkpoints.finish();
            Log.info("upserted " + rows + " rows from " + tableName);
        }
    }

    private static CursorMode cursorMode(Configuration configuration) {
        String mode = configuration.get(CURSOR_MODE, "NAMED").trim().toUpperCase(Locale.ROOT);
        try {
            return CursorMode.valueOf(mode);
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(CURSOR_MODE, "configuration key '" + CURSOR_MODE + "' must be NAMED or "
                    + "CLIENT, got \"" + configuration.get(CURSOR_MODE) + "\"");
        }
    }
}
