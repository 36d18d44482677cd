package io.tributary.testkit;

import io.tributary.destination.duckdb.DuckDbDestination;
import io.tributary.runtime.schema.Naming;
import io.tributary.runtime.sync.SyncOptions;
import io.tributary.runtime.sync.SyncRunner;
import io.tributary.sdk.Configuration;
import io.tributary.sdk.Connector;
import io.tributary.sdk.State;
import io.tributary.sdk.SyncEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Blob;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs a connector in-process into a temporary DuckDB warehouse (schema {@code tester}), exactly as
 * {@code tributary debug} does, and reads the result back.
 *
 * <pre>{@code
 * try (ConnectorTester tester = ConnectorTester.of(new MyConnector()).configuration(Map.of("api_key", "x"))) {
 *     tester.sync().assertSucceeded();
 *     assertThat(tester.rows("users")).hasSize(3);
 *     tester.assertReplayFromEveryCheckpoint();
 * }
 * }</pre>
 */
public final class ConnectorTester implements AutoCloseable {
    private final Connector connector;
    private final Path dir;
    private Configuration configuration = Configuration.empty();
    private SyncEnvironment environment = SyncEnvironment.localDebug();
    private SyncOptions options = SyncOptions.defaults();

    private ConnectorTester(Connector connector, Path dir) {
        this.connector = connector;
        this.dir = dir;
    }

    public static ConnectorTester of(Connector connector) {
        try {
            return new ConnectorTester(connector, Files.createTempDirectory("tributary-test-"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ConnectorTester configuration(Map<String, String> values) {
        this.configuration = Configuration.of(values);
        return this;
    }

    /** Syncs as if deployed in {@code environment}, e.g. {@link SyncEnvironment#server}; local debug's by default. */
    public ConnectorTester environment(SyncEnvironment environment) {
        this.environment = environment;
        return this;
    }

    public ConnectorTester naming(Naming naming) {
        this.options = options.withNaming(naming);
        return this;
    }

    /** Buffer size before a flush to staging; small values exercise many batches. */
    public ConnectorTester flushBytes(long bytes) {
        this.options = options.withFlushBytes(bytes);
        return this;
    }

    /** The warehouse file: {@code warehouse.db} in a temporary directory removed by {@link #close()}. */
    public Path warehouse() {
        return dir.resolve("warehouse.db");
    }

    /** One sync from the committed state, like one {@code tributary debug} run. */
    public SyncOutcome sync() {
        return sync(connector, warehouse(), new ArrayList<>());
    }

    /**
     * Syncs until one succeeds, at most {@code maxSyncs} times, as a scheduler re-runs a failed sync from its last
     * checkpoint. A failure {@code tolerated} does not accept is an {@link AssertionError} at once, so only the
     * faults a test injects on purpose may fail a sync.
     */
    public SyncOutcome syncUntilSucceeded(int maxSyncs, java.util.function.Predicate<SyncOutcome> tolerated) {
        for (int attempt = 1; attempt <= maxSyncs; attempt++) {
            SyncOutcome outcome = sync();
            if (outcome.succeeded()) {
                return outcome;
            }
            if (!tolerated.test(outcome)) {
                throw new AssertionError("sync " + attempt + " failed, and not as the test allows: " + outcome.error(),
                        outcome.cause());
            }
        }
        throw new AssertionError("no sync succeeded in " + maxSyncs + " attempts");
    }

    SyncOutcome sync(Connector c, Path warehouse, List<String> committedStates) {
        try (DuckDbDestination destination = new DuckDbDestination(warehouse, "tester")) {
            return new SyncOutcome(new SyncRunner(options).run(c, configuration.withEnvironment(environment), null,
                    destination, committedStates::add));
        }
    }

    /** The committed state; empty before the first checkpoint. */
    public State state() {
        try (DuckDbDestination destination = new DuckDbDestination(warehouse(), "tester")) {
            return State.parse(destination.committedState().orElse("{}"));
        }
    }

    /** Every row of a table, soft-deleted ones included, with the system columns, in key order. */
    public List<Map<String, Object>> rows(String table) {
        return query("SELECT * FROM tester." + quote(table) + " ORDER BY ALL");
    }

    /** The rows of a table that are not soft-deleted. */
    public List<Map<String, Object>> liveRows(String table) {
        return query("SELECT * FROM tester." + quote(table) + " WHERE NOT _fivetran_deleted ORDER BY ALL");
    }

    /** Runs any read-only query on the warehouse. */
    public List<Map<String, Object>> query(String sql) {
        return query(warehouse(), sql);
    }

    static List<Map<String, Object>> query(Path warehouse, String sql) {
        try (DuckDbDestination destination = new DuckDbDestination(warehouse, "tester");
             Statement st = destination.connection().createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            List<Map<String, Object>> rows = new ArrayList<>();
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    Object v = rs.getObject(i);
                    row.put(md.getColumnLabel(i), v instanceof Blob b ? b.getBytes(1, (int) b.length()) : v);
                }
                rows.add(row);
            }
            return rows;
        } catch (SQLException e) {
            throw new AssertionError("query failed: " + sql + ": " + e.getMessage(), e);
        }
    }

    /**
     * The whole warehouse as comparable values: each table's rows without {@code _fivetran_synced} (which records
     * when, not what), in key order, plus the committed state. Two syncs that should agree, such as a clean run
     * and one with injected faults, compare equal with {@code assertThat(a.snapshot()).isEqualTo(b.snapshot())}.
     */
    public Map<String, Object> snapshot() {
        return CheckpointReplay.snapshot(warehouse());
    }

    /**
     * Checks that the connector resumes correctly: for a crash before the first checkpoint and after each
     * checkpoint but the last, a fresh warehouse is synced up to that point, the sync is killed, and a second
     * sync resumes from the committed state. Each must end with the same rows (ignoring
     * {@code _fivetran_synced}) and the same state as one uninterrupted sync. The connector must be
     * deterministic for this to hold: the same source data and no wall-clock values in rows or state.
     */
    public void assertReplayFromEveryCheckpoint() {
        new CheckpointReplay(this, connector).verify();
    }

    Path newWarehouse(String name) {
        return dir.resolve(name).resolve("warehouse.db");
    }

    @Override
    public void close() {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
