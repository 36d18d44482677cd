package io.tributary.destination.contract;

import static io.tributary.destination.contract.Connectors.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.runtime.sync.SyncOptions;
import io.tributary.runtime.sync.SyncResult;
import io.tributary.sdk.ConnectorException;
import io.tributary.sdk.State;
import io.tributary.sdk.Table;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Bad input and failures: a clear message, and the warehouse and state exactly as of the last checkpoint. */
public abstract class FailureAndRecoveryContract extends DestinationContract {

    private static final List<Table> USERS = List.of(Table.named("users").primaryKey("id").column("age", "INT"));

    private Warehouse seeded() throws Exception {
        Warehouse w = warehouse();
        SyncResult r = w.sync(Connectors.withSchema(USERS, (c, s, ops) -> {
            ops.upsert("users", row("id", 1, "age", 30));
            ops.checkpoint(Map.of("cursor", 1));
        }));
        assertThat(r.succeeded()).isTrue();
        return w;
    }

    private void assertUnchanged(Warehouse w) throws Exception {
        assertThat(w.rows("SELECT id, age, _fivetran_deleted FROM tester.users ORDER BY id"))
                .containsExactly(row("id", 1L, "age", 30, "_fivetran_deleted", false));
        assertThat(w.state()).isEqualTo("{\"cursor\":1}");
    }

    @Test
    public void anExceptionAfterACheckpointKeepsOnlyWhatWasCheckpointed() throws Exception {
        Warehouse w = seeded();
        SyncResult r = w.sync(Connectors.withSchema(USERS, (c, s, ops) -> {
            ops.upsert("users", row("id", 2, "age", 40));
            ops.checkpoint(Map.of("cursor", 2));
            ops.upsert("users", row("id", 3, "age", 50));
            ops.upsert("users", row("id", 1, "age", 99, "extra", "x"));
            throw new IllegalStateException("source went away");
        }));
        assertThat(r.succeeded()).isFalse();
        assertThat(r.error()).isEqualTo("update() threw java.lang.IllegalStateException: source went away");
        assertThat(r.state()).isEqualTo("{\"cursor\":2}");
        assertThat(w.rows("SELECT id, age FROM tester.users ORDER BY id"))
                .containsExactly(row("id", 1L, "age", 30), row("id", 2L, "age", 40));
        assertThat(w.columnNames("users"))
                .as("a column added after the last checkpoint is rolled back too").doesNotContain("extra");
        assertThat(w.state()).isEqualTo("{\"cursor\":2}");
    }

    @Test
    public void theNextRunResumesFromTheLastCheckpoint() throws Exception {
        Warehouse w = seeded();
        String[] seen = new String[1];
        w.sync(Connectors.withSchema(USERS, (c, s, ops) -> {
            seen[0] = s.toJson();
            ops.upsert("users", row("id", 2, "age", 40));
        }));
        assertThat(seen[0]).isEqualTo("{\"cursor\":1}");
    }

    @Test
    public void aSyncWithoutAFinalCheckpointCommitsWhatItEmitted() throws Exception {
        Warehouse w = seeded();
        SyncResult r = w.sync(Connectors.withSchema(USERS, (c, s, ops) -> ops.upsert("users", row("id", 2, "age", 40))));
        assertThat(r.succeeded()).isTrue();
        assertThat(w.rows("SELECT id FROM tester.users ORDER BY id")).containsExactly(row("id", 1L), row("id", 2L));
        assertThat(w.state()).as("the state stays that of the last checkpoint").isEqualTo("{\"cursor\":1}");
    }

    @Test
    public void aValueThatCannotBeCoercedNamesTableColumnAndValue() throws Exception {
        Warehouse w = seeded();
        SyncResult r = w.sync(Connectors.withSchema(USERS, (c, s, ops) -> ops.upsert("users", row("id", 2, "age", "forty"))));
        assertThat(r.succeeded()).isFalse();
        assertThat(r.error()).isEqualTo("upsert into table 'users': column 'age' value \"forty\" (String) cannot be stored "
                + "as INT: not a whole number. Fix the value, or change the column's type in schema().");
        assertUnchanged(w);
    }

    @Test
    public void updatesAndDeletesWithoutTheirKeyAreRejected() throws Exception {
        Warehouse w = seeded();
        SyncResult update = w.sync(Connectors.withSchema(USERS, (c, s, ops) -> ops.update("users", row("age", 31))));
        assertThat(update.error()).isEqualTo("update into table 'users': primary-key column 'id' is missing; every "
                + "upsert, update and delete must carry the key");
        SyncResult delete = w.sync(Connectors.withSchema(USERS, (c, s, ops) -> ops.delete("users", row("id", null))));
        assertThat(delete.error()).contains("delete into table 'users': primary-key column 'id' is null");
        assertUnchanged(w);
    }

    @Test
    public void anEmptyTableNameIsRejected() throws Exception {
        Warehouse w = seeded();
        SyncResult r = w.sync(Connectors.withSchema(USERS, (c, s, ops) -> ops.upsert(" ", row("id", 2))));
        assertThat(r.error()).isEqualTo("upsert: the table name is empty; pass the name of the table");
        assertUnchanged(w);
    }

    @Test
    public void aStateThatCannotBeSerialisedIsRejectedAndNothingCommits() throws Exception {
        Warehouse w = seeded();
        SyncResult r = w.sync(Connectors.withSchema(USERS, (c, s, ops) -> {
            ops.upsert("users", row("id", 2, "age", 40));
            ops.checkpoint(Map.of("cursor", new Object()));
        }));
        assertThat(r.succeeded()).isFalse();
        assertThat(r.error()).startsWith("checkpoint state cannot be serialised to JSON");
        assertUnchanged(w);
        SyncResult notAnObject = w.sync(Connectors.withSchema(USERS, (c, s, ops) -> ops.checkpoint(List.of(1))));
        assertThat(notAnObject.error()).contains("checkpoint state must be a JSON object");
    }

    @Test
    public void errorFailsTheSyncWithTheConnectorsMessageEvenWhenCaught() throws Exception {
        Warehouse w = seeded();
        SyncResult r = w.sync(Connectors.withSchema(USERS, (c, s, ops) -> {
            ops.upsert("users", row("id", 2, "age", 40));
            try {
                ops.error("API key revoked: create a new one and update configuration.json");
            } catch (ConnectorException swallowed) {
                // a careless connector; the sync must fail all the same
            }
        }));
        assertThat(r.succeeded()).isFalse();
        assertThat(r.error()).isEqualTo("API key revoked: create a new one and update configuration.json");
        assertUnchanged(w);
    }

    @Test
    public void anExceptionFromSchemaFailsTheSyncBeforeAnyWrite() throws Exception {
        Warehouse w = seeded();
        SyncResult r = w.sync(new io.tributary.sdk.Connector() {
            @Override
            public List<Table> schema(io.tributary.sdk.Configuration c) {
                throw new IllegalArgumentException("no such account");
            }

            @Override
            public void update(io.tributary.sdk.Configuration c, State s, io.tributary.sdk.Operations ops) {
                ops.upsert("users", row("id", 9));
            }
        });
        assertThat(r.error()).isEqualTo("schema() threw java.lang.IllegalArgumentException: no such account");
        assertUnchanged(w);
    }

    @Test
    public void anInvalidSchemaFailsBeforeAnyWrite() throws Exception {
        Warehouse w = seeded();
        SyncResult duplicate = w.sync(Connectors.withSchema(List.of(Table.named("users"), Table.named("users")),
                (c, s, ops) -> ops.upsert("users", row("id", 9))));
        assertThat(duplicate.error()).contains("table 'users' is declared twice");
        SyncResult decimal = w.sync(Connectors.withSchema(List.of(Table.named("users").primaryKey("id")
                .column("price", "DECIMAL")), (c, s, ops) -> ops.upsert("users", row("id", 9))));
        assertThat(decimal.error()).contains("column 'price': DECIMAL needs a precision and a scale");
        SyncResult unknown = w.sync(Connectors.withSchema(List.of(Table.named("users").primaryKey("id")
                .column("age", "NUMBER")), (c, s, ops) -> ops.upsert("users", row("id", 9))));
        assertThat(unknown.error()).contains("column 'age': unknown column type 'NUMBER'");
        assertUnchanged(w);
    }

    @Test
    public void aDeclaredKeyThatRowsDoNotCarryIsNamed() throws Exception {
        Warehouse w = warehouse();
        SyncResult r = w.sync(Connectors.withSchema(List.of(Table.named("orders").primaryKey("order_id")),
                (c, s, ops) -> ops.upsert("orders", row("id", 1, "total", 5))));
        assertThat(r.error()).isEqualTo("upsert into table 'orders': primary-key column 'order_id' is missing; every "
                + "upsert, update and delete must carry the key");
        assertThat(w.tables()).as("no table is created for rows that cannot be keyed").isEmpty();
    }

    @Test
    public void operationsFromManyThreadsAllLand() throws Exception {
        Warehouse w = warehouse();
        SyncResult r = w.sync(Connectors.withSchema(USERS, (c, s, ops) -> {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> futures = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int base = t * 10_000;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 10_000; i++) {
                        ops.upsert("users", row("id", base + i, "age", i % 100));
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            pool.shutdown();
            ops.checkpoint(Map.of("done", true));
        }), SyncOptions.defaults().withFlushBytes(64 * 1024));
        assertThat(r.succeeded()).as(String.valueOf(r.error())).isTrue();
        assertThat(w.rows("SELECT count(*) AS n, count(DISTINCT id) AS k FROM tester.users"))
                .containsExactly(row("n", 40_000L, "k", 40_000L));
    }

    @Test
    public void manySmallBatchesWithSchemaChangesBetweenThemMergeCorrectly() throws Exception {
        Warehouse w = warehouse();
        SyncResult r = w.sync(Connectors.withSchema(List.of(Table.named("t").primaryKey("id")), (c, s, ops) -> {
            for (int i = 0; i < 5_000; i++) {
                Map<String, Object> values = new java.util.HashMap<>();
                values.put("id", i % 1_000);
                values.put("v" + (i % 7), i);
                values.put("n", i < 2_500 ? (Object) i : (Object) ("s" + i));
                ops.upsert("t", values);
                if (i % 997 == 0) {
                    ops.update("t", row("id", i % 1_000, "marker", "u" + i));
                }
                if (i % 1_500 == 0) {
                    ops.checkpoint(Map.of("i", i));
                }
            }
        }), SyncOptions.defaults().withFlushBytes(8 * 1024));
        assertThat(r.succeeded()).as(String.valueOf(r.error())).isTrue();
        // Each id's last upsert is i = 4000 + id; it replaces the whole row, so only its own v_ column is set
        // (names are normalised: v1 becomes v_1).
        assertThat(w.rows("SELECT count(*) AS n FROM tester.t")).containsExactly(row("n", 1_000L));
        Map<String, Object> last = new java.util.HashMap<>(w.rows("SELECT * FROM tester.t WHERE id = 5").get(0));
        last.remove("_fivetran_synced");
        assertThat(last).containsEntry("n", "s4005").containsEntry("v_" + (4005 % 7), 4005)
                .containsEntry("v_" + (4004 % 7), null)
                .containsEntry("marker", null);
    }

    @Test
    public void aCommittedStateSurvivesAFailedSyncAndTheNextSyncStartsFromIt() throws Exception {
        Warehouse w = seeded();
        SyncResult failed = w.sync(Connectors.withSchema(USERS, (c, s, ops) -> {
            ops.upsert("users", row("id", 2, "age", 40));
            ops.checkpoint(Map.of("cursor", 2));
            ops.upsert("users", row("id", 3, "age", 50));
            throw new IllegalStateException("boom");
        }));
        assertThat(failed.succeeded()).isFalse();
        String[] seen = new String[1];
        SyncResult resumed = w.sync(Connectors.withSchema(USERS, (c, s, ops) -> {
            seen[0] = s.toJson();
            ops.upsert("users", row("id", 3, "age", 51));
            ops.checkpoint(Map.of("cursor", 3));
        }));
        assertThat(resumed.succeeded()).as(String.valueOf(resumed.error())).isTrue();
        assertThat(seen[0]).isEqualTo("{\"cursor\":2}");
        assertThat(w.rows("SELECT id, age FROM tester.users ORDER BY id"))
                .containsExactly(row("id", 1L, "age", 30), row("id", 2L, "age", 40), row("id", 3L, "age", 51));
        assertThat(w.state()).isEqualTo("{\"cursor\":3}");
    }
}
