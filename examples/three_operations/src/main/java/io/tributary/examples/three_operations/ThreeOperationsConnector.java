package io.tributary.examples.three_operations;

import io.tributary.sdk.Configuration;
import io.tributary.sdk.Connector;
import io.tributary.sdk.Log;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import io.tributary.sdk.Table;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Shows the three row operations: upsert three rows into {@code three}, update one column of the second
 * (a partial update) and soft-delete the third.
 *
 * <p>The Python original draws random UUIDs each sync. Here the ids are name-based (version 3) UUIDs, so
 * every sync emits the same operations: the rows are stable and a re-run revives the third row, then
 * deletes it again.
 */
public class ThreeOperationsConnector implements Connector {
    static final String TABLE = "three";

    /** The id of row {@code index} (0, 1 or 2): the same on every sync and every machine. */
    public static UUID rowId(int index) {
        return UUID.nameUUIDFromBytes(("three_operations/" + index).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public List<Table> schema(Configuration configuration) {
        // Only the key is declared: val1 and val2 are inferred (STRING and INT) from the first rows.
        return List.of(Table.named(TABLE).primaryKey("id"));
    }

    @Override
    public void update(Configuration configuration, State state, Operations operations) {
        for (int i = 0; i < 3; i++) {
            String id = rowId(i).toString();
            Log.fine("adding " + id);
            operations.upsert(TABLE, Map.of("id", id, "val1", id, "val2", i));
        }

        String second = rowId(1).toString();
        Log.fine("updating " + second + " to 'abc'");
        // Only val1 changes; val2 keeps the value the upsert wrote.
        operations.update(TABLE, Map.of("id", second, "val1", "abc"));

        String third = rowId(2).toString();
        Log.fine("deleting " + third);
        // A soft delete: the row stays, with _fivetran_deleted = true.
        operations.delete(TABLE, Map.of("id", third));

        // Nothing to resume from, but the checkpoint commits the rows above.
        operations.checkpoint(state);
    }
}
