package io.tributary.destination.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.destination.contract.Connectors;
import io.tributary.destination.contract.Warehouse;
import io.tributary.runtime.sync.SyncResult;
import io.tributary.sdk.Table;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Warehouses written before the metadata was keyed by schema keep their state and layouts. */
class MetadataMigrationTest {
    @TempDir
    Path dir;

    @Test
    void unkeyedMetadataBecomesTheOpenedSchemasAndTheNextSyncResumesFromIt() throws Exception {
        DuckDbUnderTest warehouse = new DuckDbUnderTest(dir);
        Warehouse w = new Warehouse(warehouse, "tester");
        Table users = Table.named("users").primaryKey("id");
        assertThat(w.sync(Connectors.withSchema(List.of(users), (config, state, ops) -> {
            ops.upsert("users", Map.of("id", 1, "name", "ada"));
            ops.checkpoint(Map.of("cursor", 1));
        })).succeeded()).isTrue();
        // Put the metadata back into the layout of earlier releases: no schema column, one state row.
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + warehouse.file.toAbsolutePath());
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE _tributary.tables AS SELECT table_name AS name, layout FROM _tributary.layouts");
            st.execute("CREATE TABLE _tributary.state AS SELECT 1 AS id, state, committed_at FROM _tributary.states");
            st.execute("DROP TABLE _tributary.layouts");
            st.execute("DROP TABLE _tributary.states");
        }

        assertThat(w.state()).isEqualTo("{\"cursor\":1}");
        SyncResult result = w.sync(Connectors.withSchema(List.of(users),
                (config, state, ops) -> {
                    assertThat(state.getLong("cursor", 0)).isEqualTo(1L);
                    ops.upsert("users", Map.of("id", 2, "name", "bob"));
                    ops.checkpoint(Map.of("cursor", 2));
                }));

        assertThat(result.succeeded()).as(String.valueOf(result.error())).isTrue();
        assertThat(w.rows("SELECT id, name FROM tester.users ORDER BY id"))
                .containsExactly(Map.of("id", 1L, "name", "ada"), Map.of("id", 2L, "name", "bob"));
        assertThat(w.state()).isEqualTo("{\"cursor\":2}");
        assertThat(w.rows("SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = '_tributary' "
                + "AND table_name IN ('tables', 'state')")).containsExactly(Map.of("n", 0L));
    }
}
