package io.tributary.server;

import io.tributary.sdk.Configuration;
import io.tributary.sdk.Connector;
import io.tributary.sdk.Log;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import io.tributary.sdk.SyncEnvironment;
import io.tributary.sdk.Table;
import java.util.List;
import java.util.Map;

/** Connectors the orchestration tests deploy by class name (config.connector_class). */
public final class TestConnectors {
    private TestConnectors() {
    }

    /**
     * Emits {@code rows} (config, default 3) new rows per sync after its cursor, checkpointing each; with
     * {@code extra_table} set, also declares that table and writes one row into it; with {@code extra_column}, gives
     * items that column too; with {@code undeclared_table}, writes a row into that table without declaring it.
     */
    public static final class Counting implements Connector {
        @Override
        public List<Table> schema(Configuration configuration) {
            Log.info("declaring the tables");
            return configuration.has("extra_table")
                    ? List.of(Table.named("items").primaryKey("id"),
                            Table.named(configuration.get("extra_table")).primaryKey("id"))
                    : List.of(Table.named("items").primaryKey("id"));
        }

        @Override
        public void update(Configuration configuration, State state, Operations ops) {
            long from = state.getLong("cursor", 0);
            int rows = configuration.getInt("rows", 3);
            SyncEnvironment env = configuration.environment();
            Log.info("running for connection " + env.variable("FIVETRAN_CONNECTION_ID") + " (" + env.connectionName()
                    + ") of group " + env.groupId() + ", deployed as " + env.variable("FIVETRAN_DEPLOYMENT_MODEL"));
            Log.info("emitting rows " + (from + 1) + ".." + (from + rows) + " for " + configuration.get("label", "?"));
            if (configuration.has("extra_table")) {
                ops.upsert(configuration.get("extra_table"), Map.of("id", from));
            }
            if (configuration.has("undeclared_table")) {
                ops.upsert(configuration.get("undeclared_table"), Map.of("note", "row " + from));
            }
            for (long id = from + 1; id <= from + rows; id++) {
                Map<String, Object> item = new java.util.HashMap<>(Map.of("id", id, "label", configuration.get("label", "?")));
                if (configuration.has("extra_column")) {
                    item.put(configuration.get("extra_column"), id * 10);
                }
                ops.upsert("items", item);
                ops.checkpoint(Map.of("cursor", id));
            }
        }
    }

    /** Commits one row, then fails the way a source outage does. */
    public static final class Failing implements Connector {
        @Override
        public List<Table> schema(Configuration configuration) {
            return List.of(Table.named("items").primaryKey("id"));
        }

        @Override
        public void update(Configuration configuration, State state, Operations ops) {
            ops.upsert("items", Map.of("id", 1));
            ops.checkpoint(Map.of("step", 1));
            ops.upsert("items", Map.of("id", 2));
            throw new IllegalStateException("the source answered 500 for /items?page=2");
        }
    }

    /** Emits a row and a checkpoint every 20 ms until the sync is canceled. */
    public static final class Endless implements Connector {
        @Override
        public List<Table> schema(Configuration configuration) {
            return List.of(Table.named("ticks").primaryKey("id"));
        }

        @Override
        public void update(Configuration configuration, State state, Operations ops) throws InterruptedException {
            for (long id = state.getLong("tick", 0) + 1; ; id++) {
                ops.upsert("ticks", Map.of("id", id));
                ops.checkpoint(Map.of("tick", id));
                Thread.sleep(20);
            }
        }
    }
}
