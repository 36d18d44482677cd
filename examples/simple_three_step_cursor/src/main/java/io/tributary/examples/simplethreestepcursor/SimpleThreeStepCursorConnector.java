package io.tributary.examples.simplethreestepcursor;

import io.tributary.sdk.Configuration;
import io.tributary.sdk.Connector;
import io.tributary.sdk.DataType;
import io.tributary.sdk.Log;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import io.tributary.sdk.Table;
import java.util.List;
import java.util.Map;

/**
 * Syncs one row of a static list per run, remembering its position in {@code state.cursor}. The fourth run
 * finds the list exhausted and fails on purpose, which leaves the warehouse and the state untouched.
 */
public class SimpleThreeStepCursorConnector implements Connector {
    static final String TABLE = "hello_world";
    static final String CURSOR = "cursor";

    /** Stands in for a source system: each sync reads the next row. */
    static final List<Map<String, Object>> SOURCE_DATA = List.of(
            Map.of("id", 10, "message", "Hello world"),
            Map.of("id", 20, "message", "Hello again"),
            Map.of("id", 30, "message", "Good bye"));

    @Override
    public List<Table> schema(Configuration configuration) {
        // Only message is typed; the type of id is inferred from the first row.
        return List.of(Table.named(TABLE).primaryKey("id").column("message", DataType.STRING));
    }

    @Override
    public void update(Configuration configuration, State state, Operations operations) {
        Log.warning("Example: QuickStart Examples - Simple Three Step Cursor");

        int cursor = state.getInt(CURSOR, 0);
        Log.fine("current cursor is " + cursor);
        if (cursor >= SOURCE_DATA.size()) {
            // A controlled failure: nothing is written and the state stays at the last checkpoint.
            throw operations.error("Expected 'list index out of range' on 4th sync due to local data being "
                    + "exhausted in Example Connector: cursor " + cursor + " is past the " + SOURCE_DATA.size()
                    + " rows of SOURCE_DATA. Run `./tributary reset examples/simple_three_step_cursor` to start over.");
        }

        operations.upsert(TABLE, SOURCE_DATA.get(cursor));

        // The row and the advanced cursor are committed together, so a crash never skips or repeats a row.
        State next = state.copy().put(CURSOR, cursor + 1);
        Log.fine("state updated, new state: " + next);
        operations.checkpoint(next);
    }
}
