package io.tributary.examples.update_and_delete;

import io.tributary.sdk.Configuration;
import io.tributary.sdk.Configuration.ConfigurationException;
import io.tributary.sdk.Connector;
import io.tributary.sdk.Log;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import io.tributary.sdk.Table;
import io.tributary.sdk.jdbc.Checkpoints;
import io.tributary.sdk.jdbc.Position;
import io.tributary.sdk.jdbc.RowHandler;
import io.tributary.sdk.jdbc.SourceTable;
import io.tributary.sdk.jdbc.TableRead;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replicates a table with the composite primary key {@code (id, department_id)}, including deletes. Changed rows are
 * read by {@code updated_at}; deleted keys are read from {@code sample_table_deletes}, which a trigger fills. Each sync
 * applies the deletes first and the upserts second, so a key that was deleted and inserted again ends up live.
 */
public class UpdateAndDeleteConnector implements Connector {
    static final String TABLE = "sample_table";
    static final String DELETES = "sample_table_deletes";
    static final String CHECKPOINT_EVERY = "checkpoint_every";

    @Override
    public List<Table> schema(Configuration configuration) throws Exception {
        try (Connection source = SourceDatabase.connect(configuration)) {
            // Columns and the composite key (id, department_id) as the database declares them.
            return List.of(SourceTable.describe(source, TABLE).toTable(TABLE));
        }
    }

    @Override
    public void update(Configuration configuration, State state, Operations operations) throws Exception {
        int every = configuration.getInt(CHECKPOINT_EVERY, 1000);
        if (every < 1) {
            throw new ConfigurationException(CHECKPOINT_EVERY, "configuration key '" + CHECKPOINT_EVERY
                    + "' must be at least 1, got " + every);
        }
        try (Connection source = SourceDatabase.connect(configuration)) {
            TableRead deletes = TableRead.keyset(SourceTable.describe(source, DELETES), "deleted_at");
            long deleted = readAfterState(source, deletes, "deletes", every, state, operations,
                    row -> operations.delete(TABLE, key(row.values())));

            TableRead changes = TableRead.keyset(SourceTable.describe(source, TABLE), "updated_at");
            long upserted = readAfterState(source, changes, "rows", every, state, operations,
                    row -> operations.upsert(TABLE, row.values()));
            Log.info("deleted " + deleted + " and upserted " + upserted + " rows of " + TABLE);
        }
    }

    /** Reads after the position saved under {@code stateKey}, checkpointing every {@code every} rows and at the end. */
    private static long readAfterState(Connection source, TableRead read, String stateKey, int every, State state,
                                       Operations operations, RowHandler emit) throws Exception {
        Position start = read.position(state.getObject(stateKey));
        Checkpoints checkpoints = Checkpoints.every(every, start, position -> {
            state.putValue(stateKey, position.toState());
            operations.checkpoint(state);
        });
        long rows = read.read(source, start, row -> {
            checkpoints.beforeRow(row.position());
            emit.accept(row);
        });
        checkpoints.finish();
        return rows;
    }

    /** Every primary key column: a delete with only part of a composite key is rejected. */
    private static Map<String, Object> key(Map<String, Object> tombstone) {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("id", tombstone.get("id"));
        key.put("department_id", tombstone.get("department_id"));
        return key;
    }
}
