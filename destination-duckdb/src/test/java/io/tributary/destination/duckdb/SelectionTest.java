package io.tributary.destination.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.destination.contract.Connectors;
import io.tributary.destination.contract.Warehouse;
import io.tributary.runtime.sync.Selection;
import io.tributary.runtime.sync.SyncOptions;
import io.tributary.runtime.sync.SyncResult;
import io.tributary.runtime.sync.SyncRunner;
import io.tributary.sdk.Configuration;
import io.tributary.sdk.Table;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A selection (a server's schema config) drops disabled tables and excluded columns before they reach the warehouse. */
class SelectionTest {
    @TempDir
    Path dir;

    @Test
    void disabledTablesAreNeverCreatedAndExcludedColumnsNeverWritten() throws Exception {
        DuckDbUnderTest warehouse = new DuckDbUnderTest(dir);
        Warehouse w = new Warehouse(warehouse, "tester");
        Selection selection = new Selection(Set.of("audit_events"), Map.of("users", Set.of("email")));
        SyncResult result;
        try (DuckDbDestination destination = new DuckDbDestination(warehouse.file, "tester")) {
            result = new SyncRunner(SyncOptions.defaults()).run(Connectors.withSchema(
                    List.of(Table.named("Users").primaryKey("id"), Table.named("Audit Events").primaryKey("id")),
                    (c, s, ops) -> {
                        ops.upsert("Users", Map.of("id", 1, "name", "ada", "Email", "ada@example.com"));
                        ops.update("Users", Map.of("id", 1, "Email", "new@example.com"));
                        ops.upsert("Audit Events", Map.of("id", 7, "what", "login"));
                        ops.delete("Audit Events", Map.of("id", 7));
                        ops.checkpoint(Map.of("done", true));
                    }), Configuration.empty(), null, destination, st -> { }, selection);
        }

        assertThat(result.succeeded()).as(String.valueOf(result.error())).isTrue();
        assertThat(w.rows("SELECT table_name FROM information_schema.tables WHERE table_schema = 'tester'"))
                .containsExactly(Map.of("table_name", "users"));
        assertThat(w.rows("SELECT column_name FROM information_schema.columns WHERE table_schema = 'tester' "
                + "AND table_name = 'users' AND column_name NOT LIKE '\\_fivetran%' ESCAPE '\\' ORDER BY 1"))
                .containsExactly(Map.of("column_name", "id"), Map.of("column_name", "name"));
        assertThat(result.counters().upserts()).isEqualTo(1);
    }

    @Test
    void newTablesAndColumnsAreKeptOutWhenBlockedAndTheListenerHearsOfEachOnce() throws Exception {
        DuckDbUnderTest warehouse = new DuckDbUnderTest(dir);
        Warehouse w = new Warehouse(warehouse, "tester");
        List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        Selection selection = new Selection(Set.of(), Map.of(), new Selection.NewItems(
                Map.of("users", Set.of("id", "name")), true, true, (table, column) -> heard.add(table + "." + column)));
        SyncResult result;
        try (DuckDbDestination destination = new DuckDbDestination(warehouse.file, "tester")) {
            result = new SyncRunner(SyncOptions.defaults()).run(Connectors.withSchema(
                    List.of(Table.named("Users").primaryKey("id")),
                    (c, s, ops) -> {
                        ops.upsert("Users", Map.of("id", 1, "name", "ada", "Nickname", "countess"));
                        ops.upsert("Users", Map.of("id", 2, "name", "alan", "Nickname", "prof"));
                        ops.update("Users", Map.of("id", 1, "Nickname", "ada l."));
                        ops.upsert("Sessions", Map.of("user", 1, "device", "phone"));
                        ops.upsert("Sessions", Map.of("user", 2, "browser", "lynx"));
                        ops.checkpoint(Map.of("done", true));
                    }), Configuration.empty(), null, destination, st -> { }, selection);
        }

        assertThat(result.succeeded()).as(String.valueOf(result.error())).isTrue();
        assertThat(w.rows("SELECT table_name FROM information_schema.tables WHERE table_schema = 'tester'"))
                .containsExactly(Map.of("table_name", "users"));
        assertThat(w.rows("SELECT id, name FROM tester.users ORDER BY id"))
                .containsExactly(Map.of("id", 1L, "name", "ada"), Map.of("id", 2L, "name", "alan"));
        assertThat(w.rows("SELECT count(*) AS n FROM information_schema.columns WHERE table_schema = 'tester' "
                + "AND column_name = 'nickname'")).containsExactly(Map.of("n", 0L));
        assertThat(heard).containsExactlyInAnyOrder("users.nickname", "sessions.null", "sessions.user",
                "sessions.device", "sessions.browser");
    }
}
