package io.tributary.testkit;

import io.tributary.sdk.Configuration;
import io.tributary.sdk.Connector;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import io.tributary.sdk.Table;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Crashes a sync at each checkpoint in turn, resumes it, and compares with an uninterrupted sync. */
final class CheckpointReplay {
    private final ConnectorTester tester;
    private final Connector connector;

    CheckpointReplay(ConnectorTester tester, Connector connector) {
        this.tester = tester;
        this.connector = connector;
    }

    void verify() {
        Path clean = tester.newWarehouse("replay-clean");
        List<String> checkpoints = new ArrayList<>();
        tester.sync(connector, clean, checkpoints).assertSucceeded();
        Map<String, Object> expected = snapshot(clean);
        if (checkpoints.isEmpty()) {
            throw new AssertionError("the connector never called checkpoint(); without checkpoints a failed sync "
                    + "starts over from the beginning. Checkpoint after each batch of data.");
        }
        for (int k = 0; k < checkpoints.size(); k++) {
            Path warehouse = tester.newWarehouse("replay-" + k);
            CrashingConnector crashing = new CrashingConnector(connector, k + 1);
            SyncOutcome crashed = tester.sync(crashing, warehouse, new ArrayList<>());
            if (crashed.succeeded()) {
                throw new AssertionError("the sync ran to the end although it was stopped at checkpoint " + (k + 1));
            }
            tester.sync(connector, warehouse, new ArrayList<>()).assertSucceeded();
            Map<String, Object> actual = snapshot(warehouse);
            if (!expected.equals(actual)) {
                throw new AssertionError("after a crash " + (k == 0 ? "before the first checkpoint" : "after checkpoint "
                        + k + " of " + checkpoints.size()) + " and a resumed sync, the warehouse differs from an "
                        + "uninterrupted sync: " + difference(expected, actual));
            }
        }
    }

    /** Every table's rows without {@code _fivetran_synced}, and the state. */
    static Map<String, Object> snapshot(Path warehouse) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map<String, Object> t : ConnectorTester.query(warehouse,
                "SELECT table_name FROM duckdb_tables() WHERE schema_name = 'tester' ORDER BY table_name")) {
            String table = (String) t.get("table_name");
            List<Map<String, Object>> rows = ConnectorTester.query(warehouse, "SELECT * EXCLUDE (_fivetran_synced) FROM tester."
                    + ConnectorTester.quote(table) + " ORDER BY ALL");
            rows.forEach(r -> r.replaceAll((k, v) -> v instanceof byte[] b ? java.util.HexFormat.of().formatHex(b) : v));
            out.put("table " + table, rows);
        }
        out.put("state", ConnectorTester.query(warehouse, "SELECT state FROM _tributary.states WHERE schema_name = 'tester'"));
        return out;
    }

    private static String difference(Map<String, Object> expected, Map<String, Object> actual) {
        for (String key : expected.keySet()) {
            if (!Objects.equals(expected.get(key), actual.get(key))) {
                Object e = expected.get(key);
                Object a = actual.get(key);
                if (e instanceof List<?> el && a instanceof List<?> al) {
                    for (int i = 0; i < Math.max(el.size(), al.size()); i++) {
                        Object x = i < el.size() ? el.get(i) : "(no row)";
                        Object y = i < al.size() ? al.get(i) : "(no row)";
                        if (!Objects.equals(x, y)) {
                            return key + " has " + al.size() + " rows where " + el.size() + " were expected; row " + i
                                    + " expected " + x + " but was " + y;
                        }
                    }
                }
                return key + " expected " + e + " but was " + a;
            }
        }
        return "tables " + actual.keySet() + " where " + expected.keySet() + " were expected";
    }

    /** Stops the sync when checkpoint number {@code stopAt} is called, before it commits. */
    private static final class CrashingConnector implements Connector {
        private final Connector delegate;
        private final int stopAt;

        CrashingConnector(Connector delegate, int stopAt) {
            this.delegate = delegate;
            this.stopAt = stopAt;
        }

        @Override
        public List<Table> schema(Configuration configuration) throws Exception {
            return delegate.schema(configuration);
        }

        @Override
        public void update(Configuration configuration, State state, Operations operations) throws Exception {
            CrashingOperations ops = new CrashingOperations(operations, stopAt);
            delegate.update(configuration, state, ops);
            if (ops.crashed) {
                throw new SimulatedCrash(); // the connector swallowed the crash: make sure nothing more commits
            }
        }
    }

    private static final class SimulatedCrash extends RuntimeException {
        SimulatedCrash() {
            super("simulated crash (checkpoint replay)");
        }
    }

    private static final class CrashingOperations implements Operations {
        private final Operations delegate;
        private final int stopAt;
        private int checkpoints;
        private volatile boolean crashed;

        CrashingOperations(Operations delegate, int stopAt) {
            this.delegate = delegate;
            this.stopAt = stopAt;
        }

        private void check() {
            if (crashed) {
                throw new SimulatedCrash();
            }
        }

        @Override
        public void upsert(String table, Object row) {
            check();
            delegate.upsert(table, row);
        }

        @Override
        public void update(String table, Object row) {
            check();
            delegate.update(table, row);
        }

        @Override
        public void delete(String table, Object keys) {
            check();
            delegate.delete(table, keys);
        }

        @Override
        public void truncate(String table) {
            check();
            delegate.truncate(table);
        }

        @Override
        public synchronized void checkpoint(Object state) {
            check();
            if (++checkpoints == stopAt) {
                crashed = true;
                throw new SimulatedCrash();
            }
            delegate.checkpoint(state);
        }

        @Override
        public RuntimeException error(String message) {
            return delegate.error(message);
        }

        @Override
        public void warning(String message) {
            delegate.warning(message);
        }
    }
}
