package io.tributary.destination.contract;

import static io.tributary.destination.contract.Connectors.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.runtime.sync.SyncResult;
import io.tributary.sdk.Table;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Upserts, updates, deletes and truncates land with Fivetran's semantics (soft deletes, partial updates). */
public abstract class OperationSemanticsContract extends DestinationContract {

    @Test
    public void upsertUpdateDeleteAndTruncateFollowFivetranSemantics() throws Exception {
        Warehouse w = warehouse();
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
    public void rowsMayBeRecordsBeansOrJsonObjects() throws Exception {
        record Person(int id, String firstName) {
        }
        var json = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree("{\"id\": 3, \"firstName\": \"cy\", \"tags\": [\"a\"]}");
        Warehouse w = warehouse();
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
    public void declaredTablesKeepTheirKeysAndUpsertRevivesDeletedRows() throws Exception {
        Warehouse w = warehouse();
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

    @Test
    public void partialUpdatesAcrossCommitsKeepTheColumnsTheyDoNotSet() throws Exception {
        Warehouse w = warehouse();
        List<Table> users = List.of(Table.named("users").primaryKey("id").column("name", "STRING").column("age", "INT"));
        w.sync(Connectors.withSchema(users, (c, s, ops) -> {
            ops.upsert("users", row("id", 1, "name", "ada", "age", 36));
            ops.upsert("users", row("id", 2, "name", "bob", "age", 40));
        }));
        SyncResult result = w.sync(Connectors.withSchema(users, (c, s, ops) -> {
            ops.update("users", row("id", 1, "age", 37));
            ops.update("users", row("id", 1, "name", null)); // an explicit null is set, an absent column is not
            ops.delete("users", row("id", 2));
            ops.update("users", row("id", 2, "age", 41));    // a deleted row still takes later updates
            ops.checkpoint(Map.of("cursor", 2));
            ops.upsert("users", row("id", 3, "name", "cy"));
            ops.update("users", row("id", 3, "age", 50));
            ops.delete("users", row("id", 3));
            ops.upsert("users", row("id", 3, "name", "cy2")); // the last upsert is the base again
        }));
        assertThat(result.succeeded()).as(String.valueOf(result.error())).isTrue();
        assertThat(w.rows("SELECT id, name, age, _fivetran_deleted FROM tester.users ORDER BY id")).containsExactly(
                row("id", 1L, "name", null, "age", 37, "_fivetran_deleted", false),
                row("id", 2L, "name", "bob", "age", 41, "_fivetran_deleted", true),
                row("id", 3L, "name", "cy2", "age", null, "_fivetran_deleted", false));
    }

    @Test
    public void aTruncateSoftDeletesEveryEarlierRowIncludingThoseOfEarlierCommits() throws Exception {
        Warehouse w = warehouse();
        List<Table> items = List.of(Table.named("items").primaryKey("id").column("v", "STRING"));
        w.sync(Connectors.withSchema(items, (c, s, ops) -> ops.upsert("items", row("id", 1, "v", "old"))));
        SyncResult result = w.sync(Connectors.withSchema(items, (c, s, ops) -> {
            ops.upsert("items", row("id", 2, "v", "before"));
            ops.truncate("items");
            ops.upsert("items", row("id", 3, "v", "after"));
            ops.truncate("items");
            ops.upsert("items", row("id", 4, "v", "last"));
            ops.update("items", row("id", 2, "v", "touched"));
        }));
        assertThat(result.succeeded()).as(String.valueOf(result.error())).isTrue();
        assertThat(w.rows("SELECT id, v, _fivetran_deleted FROM tester.items ORDER BY id")).containsExactly(
                row("id", 1L, "v", "old", "_fivetran_deleted", true),
                row("id", 2L, "v", "touched", "_fivetran_deleted", true),
                row("id", 3L, "v", "after", "_fivetran_deleted", true),
                row("id", 4L, "v", "last", "_fivetran_deleted", false));
    }

    @Test
    public void tablesWithoutAKeyAreKeyedByAHashOfTheirValues() throws Exception {
        Warehouse w = warehouse();
        List<Table> events = List.of(Table.named("events"));
        SyncResult result = w.sync(Connectors.withSchema(events, (c, s, ops) -> {
            ops.upsert("events", row("kind", "click", "n", 1));
            ops.upsert("events", row("kind", "click", "n", 1)); // the same values: the same row
            ops.upsert("events", row("kind", "view", "n", 2));
        }));
        assertThat(result.succeeded()).as(String.valueOf(result.error())).isTrue();
        w.sync(Connectors.withSchema(events, (c, s, ops) -> {
            ops.upsert("events", row("n", 1, "kind", "click")); // the order of the columns does not matter
            ops.delete("events", row("kind", "view", "n", 2));
        }));
        List<Map<String, Object>> rows = w.rows(
                "SELECT _fivetran_id, kind, n, _fivetran_deleted FROM tester.events ORDER BY kind");
        assertThat(rows).extracting(r -> r.get("kind") + " " + r.get("n") + " " + r.get("_fivetran_deleted"))
                .containsExactly("click 1 false", "view 2 true");
        assertThat(rows).allSatisfy(r -> assertThat((String) r.get("_fivetran_id")).matches("[0-9a-f]{32}"));
        assertThat(w.columnNames("events")).startsWith("_fivetran_id");
        var update = w.sync(Connectors.withSchema(events, (c, s, ops) -> ops.update("events", row("kind", "x"))));
        assertThat(update.error()).contains("the table has no primary key, so rows cannot be updated in place");
    }

    @Test
    public void compositeKeysMatchOnEveryKeyColumn() throws Exception {
        Warehouse w = warehouse();
        List<Table> lines = List.of(Table.named("lines").primaryKey("order_id", "line").column("qty", "INT"));
        w.sync(Connectors.withSchema(lines, (c, s, ops) -> {
            ops.upsert("lines", row("order_id", 1, "line", "a", "qty", 1));
            ops.upsert("lines", row("order_id", 1, "line", "b", "qty", 2));
            ops.upsert("lines", row("order_id", 2, "line", "a", "qty", 3));
        }));
        SyncResult result = w.sync(Connectors.withSchema(lines, (c, s, ops) -> {
            ops.update("lines", row("order_id", 1, "line", "b", "qty", 20));
            ops.delete("lines", row("order_id", 2, "line", "a"));
            ops.update("lines", row("order_id", 2, "line", "b", "qty", 99)); // no such row: ignored
        }));
        assertThat(result.succeeded()).as(String.valueOf(result.error())).isTrue();
        assertThat(w.rows("SELECT order_id, line, qty, _fivetran_deleted FROM tester.lines ORDER BY order_id, line"))
                .containsExactly(
                        row("order_id", 1L, "line", "a", "qty", 1, "_fivetran_deleted", false),
                        row("order_id", 1L, "line", "b", "qty", 20, "_fivetran_deleted", false),
                        row("order_id", 2L, "line", "a", "qty", 3, "_fivetran_deleted", true));
    }

    /**
     * Thousands of random upserts, partial updates, deletes and truncates, in many small batches and a few commits,
     * end as a model that applies them one by one says: the set-based merge is equivalent to replaying them in order.
     */
    @Test
    public void aLongRandomMixOfOperationsEndsAsReplayingThemInOrder() throws Exception {
        Map<Long, Map<String, Object>> model = new java.util.TreeMap<>();
        java.util.Random random = new java.util.Random(20240501);
        List<Table> items = List.of(Table.named("items").primaryKey("id").column("id", "LONG").column("a", "INT")
                .column("b", "STRING"));
        SyncResult result = warehouse().sync(Connectors.withSchema(items, (c, s, ops) -> {
            for (int i = 0; i < 30_000; i++) {
                long id = random.nextInt(2_000);
                int kind = random.nextInt(100);
                Map<String, Object> existing = model.get(id);
                if (kind < 50) {
                    Map<String, Object> values = row("id", id, "a", random.nextBoolean() ? i : null, "b", "u" + i);
                    ops.upsert("items", values);
                    model.put(id, row("a", values.get("a"), "b", values.get("b"), "_fivetran_deleted", false));
                } else if (kind < 80) {
                    Map<String, Object> values = random.nextBoolean() ? row("id", id, "a", -i) : row("id", id, "b", null);
                    ops.update("items", values);
                    if (existing != null) {
                        values.remove("id");
                        existing.putAll(values);
                    }
                } else if (kind < 99) {
                    ops.delete("items", row("id", id));
                    if (existing != null) {
                        existing.put("_fivetran_deleted", true);
                    }
                } else if (random.nextInt(20) == 0) {
                    ops.truncate("items");
                    model.values().forEach(r -> r.put("_fivetran_deleted", true));
                }
                if (i % 12_000 == 11_999) {
                    ops.checkpoint(Map.of("i", i));
                }
            }
        }), io.tributary.runtime.sync.SyncOptions.defaults().withFlushBytes(16 * 1024));
        assertThat(result.succeeded()).as(String.valueOf(result.error())).isTrue();
        List<Map<String, Object>> expected = new java.util.ArrayList<>();
        model.forEach((id, r) -> expected.add(row("id", id, "a", r.get("a"), "b", r.get("b"),
                "_fivetran_deleted", r.get("_fivetran_deleted"))));
        assertThat(warehouse().rows("SELECT id, a, b, _fivetran_deleted FROM tester.items ORDER BY id"))
                .containsExactlyElementsOf(expected);
    }
}
