package io.tributary.examples.schema_change;

import io.tributary.sdk.Configuration;
import io.tributary.sdk.Connector;
import io.tributary.sdk.Log;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import io.tributary.sdk.Table;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lets the warehouse follow a column whose values change type from sync to sync. The connector declares only the
 * primary key, so every column's type is inferred from the values; when a value no longer fits, the column is widened
 * to the narrowest type that holds both, and the values already stored are converted. Each sync upserts one row
 * (its {@code id} is the sync number) into {@code change_int_to_string}, with the value of {@link #STEPS} for
 * that sync, and counts syncs in the state.
 */
public class SchemaChangeConnector implements Connector {
    static final String TABLE = "change_int_to_string";
    static final String SYNC_COUNT = "sync_count";

    /** One value per sync; the last repeats. Each type is chosen to make the column widen, or not. */
    static final List<Step> STEPS = List.of(
            new Step(42, "first sync with an INT"),
            new Step(5_000_000_000L, "second sync with a LONG (above 2^31)"),
            new Step(new BigDecimal("42.42"), "third sync with a DECIMAL"),
            new Step("forty-two point forty-two", "fourth sync with a non-numeric STRING"),
            new Step(42.43, "fifth sync and later with a DOUBLE, which the STRING column keeps as text"));

    record Step(Object value, String description) {
    }

    @Override
    public List<Table> schema(Configuration configuration) {
        // No column types: declaring int_to_string would make every value fit that type, or fail the sync.
        return List.of(Table.named(TABLE).primaryKey("id"));
    }

    @Override
    public void update(Configuration configuration, State state, Operations operations) {
        int syncCount = state.getInt(SYNC_COUNT, 0);
        Step step = STEPS.get(Math.min(syncCount, STEPS.size() - 1));
        Log.info("sync #" + (syncCount + 1) + ": int_to_string = " + step.value() + " ("
                + step.value().getClass().getSimpleName() + ")");

        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", syncCount + 1);
        row.put("int_to_string", step.value());
        row.put("description", step.description());
        if (syncCount >= 1) {
            // A column that appears on the second sync: rows written before it get NULL.
            row.put("added_later", "sync " + (syncCount + 1));
        }
        operations.upsert(TABLE, row);
        operations.checkpoint(state.put(SYNC_COUNT, syncCount + 1));
    }
}
