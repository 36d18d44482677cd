package io.tributary.examples.history_mode;

import io.tributary.sdk.Configuration;
import io.tributary.sdk.Configuration.ConfigurationException;
import io.tributary.sdk.Connector;
import io.tributary.sdk.Log;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import io.tributary.sdk.Table;
import io.tributary.sdk.jdbc.Checkpoints;
import io.tributary.sdk.jdbc.Position;
import io.tributary.sdk.jdbc.TableRead;
import java.sql.Connection;
import java.util.List;

/**
 * History mode by composite key: every table of a schema that has the incremental column is synced with that column
 * appended to its primary key, so a row whose instant changes lands as a new row beside the old one instead of
 * replacing it. Rows are read with a keyset on (instant, natural key), checkpointing every 5000 rows by default.
 * Tables without the column are copied in full every sync, keyed by their own primary key.
 */
public class HistoryModeConnector implements Connector {
    static final String SCHEMA = "schema";
    static final String INCREMENTAL_COLUMN = "incremental_column";
    static final String CHECKPOINT_EVERY = "checkpoint_every";

    @Override
    public List<Table> schema(Configuration configuration) throws Exception {
        try (Connection source = SourceDatabase.connect(configuration)) {
            return discover(source, configuration).stream().map(SourceTables.Synced::toTable).toList();
        }
    }

    @Override
    public void update(Configuration configuration, State state, Operations operations) throws Exception {
        int every = configuration.getInt(CHECKPOINT_EVERY, 5000);
        if (every < 1) {
            throw new ConfigurationException(CHECKPOINT_EVERY, "configuration key '" + CHECKPOINT_EVERY
                    + "' must be at least 1, got " + every);
        }
        try (Connection source = SourceDatabase.connect(configuration)) {
            for (SourceTables.Synced table : discover(source, configuration)) {
                sync(source, table, every, state, operations);
            }
        }
    }

    private static List<SourceTables.Synced> discover(Connection source, Configuration configuration) {
        return SourceTables.discover(source, configuration.get(SCHEMA, "public"),
                configuration.require(INCREMENTAL_COLUMN));
    }

    private static void sync(Connection source, SourceTables.Synced table, int every, State state,
                             Operations operations) throws Exception {
        String key = table.destination();
        TableRead read = table.keepsHistory()
                ? TableRead.keyset(table.source(), table.incrementalColumn())
                : TableRead.byPrimaryKey(table.source());
        // A full copy resumes from its position only within the sync that was interrupted (see below).
        Position start = read.position(state.getObject(key));
        Checkpoints checkpoints = Checkpoints.every(every, start, position -> {
            state.putValue(key, position.toState());
            operations.checkpoint(state);
        });
        long rows = read.read(source, start, row -> {
            checkpoints.beforeRow(row.position());
            operations.upsert(key, row.values());
        });
        if (table.keepsHistory()) {
            checkpoints.finish();
        } else {
            // The copy is complete: the next sync copies the table again from the start.
            state.remove(key);
            operations.checkpoint(state);
        }
        Log.info((table.keepsHistory() ? "versions" : "rows") + " from " + table.source().qualifiedName() + ": " + rows);
    }
}
