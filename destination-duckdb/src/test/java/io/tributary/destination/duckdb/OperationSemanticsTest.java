package io.tributary.destination.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.runtime.sync.SyncResult;
import io.tributary.sdk.Table;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperationSemanticsTest {
    @TempDir
    Path dir;

    static Map<String, Object> row(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void upsertUpdateDeleteAndTruncateFollowFivetranSemantics() throws Exception {
        Warehouse w = new Warehouse(dir);
        SyncResult result = w.sync(Connectors.withSchema(List.of(Table.named("users").primaryKey("id")), (config, state, ops) -> {
            ops.upsert("users", row("id", 1, "name", "ada", "age", 36));
            ops.upsert("users", row("id", 2, "name", "bob", "age", 40));
            ops.upsert("users", row("id", 3, "name", "cy", "age", 50));
            ops.update("users", row("id", 2, "age", 41));
            ops.delete("users", row("id", 3));
            ops.update("users", row("id", 99, "age", 1)); // never upserted: ignored
            ops.delete("users", row("id", 98));           // never upserted: ignored
            ops.checkpoint(Map.of("cursor", 1));
        }));
        assertThat(result.succeeded()).as(String.valueOf(result.error())).isTrue();
        assertThat(w.rows("SELECT id, name, age, _fivetran_deleted FROM tester.users ORDER BY id")).containsExactly(
                row("id", 1L, "name", "ada", "age", 36, "_fivetran_deleted", false),
                row("id", 2L, "name", "bob", "age", 41, "_fivetran_deleted", false),
                row("id", 3L, "name", "cy", "age", 50, "_fivetran_deleted", true));
        assertThat(w.state()).isEqualTo("{\"cursor\":1}");
    }

    @Test
    void rowsMayBeRecordsBeansOrJsonObjects() throws Exception {
        record Person(int id, String firstName) {
        }
        var json = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree("{\"id\": 3, \"firstName\": \"cy\", \"tags\": [\"a\"]}");
        Warehouse w = new Warehouse(dir);
        var result = w.sync(Connectors.withSchema(List.of(Table.named("people").primaryKey("id")), (c, s, ops) -> {
            ops.upsert("people", new Person(1, "ada"));
            ops.upsert("people", json);
        }));
        assertThat(result.succeeded()).as(String.valueOf(result.error())).isTrue();
        assertThat(w.rows("SELECT id, first_name, CAST(tags AS VARCHAR) AS tags FROM tester.people ORDER BY id"))
                .containsExactly(row("id", 1L, "first_name", "ada", "tags", null),
                        row("id", 3L, "first_name", "cy", "tags", "[\"a\"]"));
        var array = new com.fasterxml.jackson.databind.ObjectMapper().readTree("[1]");
        var bad = w.sync(Connectors.withSchema(List.of(Table.named("people").primaryKey("id")),
                (c, s, ops) -> ops.upsert("people", array)));
        assertThat(bad.error()).isEqualTo("upsert into table 'people': a JSON row must be an object, got ARRAY");
    }

    @Test
    void declaredTablesKeepTheirKeysAndUpsertRevivesDeletedRows() throws Exception {
        Warehouse w = new Warehouse(dir);
        SyncResult result = w.sync(new io.tributary.sdk.Connector() {
            @Override
            public List<Table> schema(io.tributary.sdk.Configuration c) {
                return List.of(Table.named("items").primaryKey("id").column("id", "LONG").column("price", "DECIMAL(10,2)"));
            }

            @Override
            public void update(io.tributary.sdk.Configuration c, io.tributary.sdk.State s, io.tributary.sdk.Operations ops) {
                ops.upsert("items", row("id", 1, "price", "9.99"));
                ops.upsert("items", row("id", 2, "price", 5));
                ops.truncate("items");
                ops.upsert("items", row("id", 2, "price", "6.5"));
                ops.update("items", row("id", 1, "price", "1.00"));
            }
        });
        assertThat(result.succeeded()).as(String.valueOf(result.error())).isTrue();
        assertThat(w.rows("SELECT id, CAST(price AS VARCHAR) AS price, _fivetran_deleted FROM tester.items ORDER BY id"))
                .containsExactly(
                        row("id", 1L, "price", "1.00", "_fivetran_deleted", true),
                        row("id", 2L, "price", "6.50", "_fivetran_deleted", false));
    }
}
