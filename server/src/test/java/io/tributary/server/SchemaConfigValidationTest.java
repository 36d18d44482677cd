package io.tributary.server;

import static io.tributary.server.Connections.create;
import static io.tributary.server.Connections.group;
import static io.tributary.server.SchemaConfigApiTest.capturedConnection;
import static io.tributary.server.SchemaConfigContract.assertConforms;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.server.schemas.Discovered;
import io.tributary.server.schemas.Discovered.Column;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What users get wrong with schema configs: unknown names, bad values, locked objects, missing rights. */
class SchemaConfigValidationTest {
    @TempDir
    Path dir;

    private static void assertError(Http.Answer answer, int status, String code, String... inMessage) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(status);
        assertThat(answer.code()).as(answer.text()).isEqualTo(code);
        if (inMessage.length > 0) {
            assertThat(answer.json().path("message").asText()).contains(inMessage);
        }
    }

    private static String segment(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void unknownNamesAre404sNamingThemAndABulkPatchAppliesAllOrNothing(StoreKind store) {
        try (ServerFixture f = ServerFixture.start(store, dir)) {
            String id = capturedConnection(f, "unknown");
            String path = "/v1/connections/" + id + "/schemas";
            assertError(f.admin.patch(path + "/nope", "{\"enabled\": true}"), 404, "NotFound_SchemaConfig", "'nope'");
            assertError(f.admin.patch(path + "/shop/tables/nope", "{\"enabled\": true}"), 404, "NotFound_TableConfig",
                    "'nope'", "'shop'");
            assertError(f.admin.patch(path + "/shop/tables/orders/columns/nope", "{\"enabled\": true}"), 404,
                    "NotFound_ColumnConfig", "'nope'", "'orders'");
            assertError(f.admin.get(path + "/shop/tables/nope/columns"), 404, "NotFound_TableConfig", "'nope'");
            assertError(f.admin.get(path + "/nope/tables/orders/columns"), 404, "NotFound_SchemaConfig", "'nope'");
            assertError(f.admin.patch(path + "/Shop", "{\"enabled\": true}"), 404, "NotFound_SchemaConfig",
                    "'Shop'");

            assertError(f.admin.patch(path, "{\"schema_change_handling\": \"BLOCK_ALL\", \"schemas\": {\"shop\": "
                    + "{\"tables\": {\"orders\": {\"enabled\": false}, \"ghost\": {\"enabled\": false}}}}}"), 404,
                    "NotFound_TableConfig", "'ghost'");
            Http.Answer unchanged = assertConforms("GET", path, f.admin.get(path));
            assertThat(unchanged.data().path("schema_change_handling").asText()).isEqualTo("ALLOW_ALL");
            assertThat(unchanged.data().path("schemas").path("shop").path("tables").path("orders").path("enabled")
                    .asBoolean()).isTrue();

            String bare = create(f, group(f, "bare"), "bare");
            assertError(f.admin.patch("/v1/connections/" + bare + "/schemas", "{\"schema_change_handling\": "
                    + "\"BLOCK_ALL\"}"), 404, "NotFound_SchemaConfig", bare);
            assertError(f.admin.patch("/v1/connections/" + bare + "/schemas/shop", "{\"enabled\": true}"), 404,
                    "NotFound_SchemaConfig");
            assertError(f.admin.patch("/v1/connections/nope/schemas", "{\"schema_change_handling\": \"BLOCK_ALL\"}"),
                    404, "NotFound_Connection");
            assertError(f.admin.post("/v1/connections/nope/schemas", "{\"schemas\": {}}"), 404, "NotFound_Connection");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void badValuesAre400sNamingTheFieldAndTheAllowedValues(StoreKind store) {
        try (ServerFixture f = ServerFixture.start(store, dir)) {
            String id = capturedConnection(f, "values");
            String path = "/v1/connections/" + id + "/schemas";
            assertError(f.admin.patch(path, "{\"schema_change_handling\": \"SOMETIMES\"}"), 400, "InvalidInput",
                    "'schema_change_handling'", "ALLOW_ALL", "ALLOW_COLUMNS", "BLOCK_ALL", "SOMETIMES");
            assertError(f.admin.patch(path, "{\"schema_change_handling\": \"allow_all\"}"), 400, "InvalidInput",
                    "'schema_change_handling'");
            assertError(f.admin.patch(path + "/shop/tables/orders", "{\"sync_mode\": \"FULL\"}"), 400,
                    "InvalidInput", "'sync_mode'", "SOFT_DELETE", "HISTORY", "LIVE");
            assertError(f.admin.patch(path + "/shop/tables/orders/columns/amount", "{\"enabled\": \"yes\"}"), 400,
                    "InvalidInput", "'enabled'", "true or false");
            assertError(f.admin.patch(path, "{\"schemas\": {\"shop\": {\"tables\": {\"orders\": {\"columns\": "
                    + "{\"amount\": {\"hashed\": 3}}}}}}}"), 400, "InvalidInput",
                    "'schemas.shop.tables.orders.columns.amount.hashed'");
            assertError(f.admin.patch(path, "{\"schemas\": [\"shop\"]}"), 400, "InvalidInput", "'schemas'");
            assertError(f.admin.patch(path, "{\"schemas\": {\"shop\": true}}"), 400, "InvalidInput", "'schemas.shop'");
            assertError(f.admin.patch(path, "{\"is_type_locked\": \"maybe\"}"), 400, "InvalidInput", "'is_type_locked'");
            for (String endpoint : List.of(path, path + "/shop", path + "/shop/tables/orders",
                    path + "/shop/tables/orders/columns/amount")) {
                assertError(f.admin.patch(endpoint, "{}"), 400, "InvalidInput", "at least one");
                assertError(f.admin.patch(endpoint, "[1]"), 400, "InvalidInput");
            }

            String fresh = "/v1/connections/" + create(f, group(f, "fresh"), "fresh") + "/schemas";
            assertError(f.admin.post(fresh, "{\"schemas\": {\"shop\": {\"tables\": {}}}}"), 400, "InvalidInput",
                    "'schemas.shop.enabled'", "required");
            assertError(f.admin.post(fresh, "{\"schemas\": {\"shop\": {\"enabled\": true, \"tables\": {\"t\": "
                    + "{\"enabled\": true, \"columns\": {\"c\": {}}}}}}}"), 400, "InvalidInput",
                    "'schemas.shop.tables.t.columns.c.enabled'");
            assertError(f.admin.post(fresh, "{\"schemas\": {\"" + "x".repeat(257) + "\": {\"enabled\": true}}}"), 400,
                    "InvalidInput", "256");
            assertError(f.admin.post(fresh, "{\"schema_change_handling\": \"NEVER\"}"), 400, "InvalidInput",
                    "'schema_change_handling'");
            assertError(f.admin.get(fresh), 404, "NotFound_SchemaConfig");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void keysDeletedObjectsAndFixedSyncModesCannotBeChanged(StoreKind store) {
        try (ServerFixture f = ServerFixture.start(store, dir)) {
            String id = create(f, group(f, "locks"), "locks");
            String path = "/v1/connections/" + id + "/schemas";
            f.discover(id, Discovered.Table.of("shop", "orders", Column.key("id"), Column.of("amount")),
                    Discovered.Table.of("shop", "gone", Column.key("id")),
                    new Discovered.Table("shop", "shop", "events", "events", true, List.of(Column.key("id"))));
            String key = path + "/shop/tables/orders/columns/id";
            assertError(f.admin.patch(key, "{\"enabled\": false}"), 400, "InvalidInput", "'enabled'", "primary key");
            assertConforms("PATCH", key, f.admin.patch(key, "{\"enabled\": true}"));
            Http.Answer hashedKey = assertConforms("PATCH", key, f.admin.patch(key, "{\"hashed\": true}"));
            assertThat(hashedKey.data().path("schemas").path("shop").path("tables").path("orders").path("columns")
                    .path("id").path("hashed").asBoolean()).isTrue();
            assertError(f.admin.patch(key, "{\"is_primary_key\": false}"), 400, "InvalidInput", "'is_primary_key'");
            assertError(f.admin.patch(path + "/shop/tables/orders/columns/amount", "{\"is_primary_key\": true}"), 400,
                    "InvalidInput", "'is_primary_key'");

            assertError(f.admin.patch(path + "/shop/tables/orders", "{\"sync_mode\": \"HISTORY\"}"), 400,
                    "InvalidInput", "'sync_mode'", "soft deletes");
            Http.Answer history = assertConforms("PATCH", path + "/shop/tables/events",
                    f.admin.patch(path + "/shop/tables/events", "{\"sync_mode\": \"HISTORY\"}"));
            JsonNode events = history.data().path("schemas").path("shop").path("tables").path("events");
            assertThat(events.path("sync_mode").asText()).isEqualTo("HISTORY");
            assertThat(events.path("supports_history_mode").asBoolean()).isTrue();

            f.discover(id, Discovered.Table.of("shop", "orders", Column.key("id"), Column.of("amount")),
                    new Discovered.Table("shop", "shop", "events", "events", true, List.of(Column.key("id"))));
            Http.Answer afterDrop = assertConforms("GET", path, f.admin.get(path));
            JsonNode gone = afterDrop.data().path("schemas").path("shop").path("tables").path("gone");
            assertThat(gone.path("enabled_patch_settings").path("allowed").asBoolean()).isFalse();
            assertThat(gone.path("enabled_patch_settings").path("reason_code").asText()).isEqualTo("DELETED");
            assertError(f.admin.patch(path + "/shop/tables/gone", "{\"enabled\": false}"), 400, "InvalidInput",
                    "'enabled'", "deleted");
            assertThat(afterDrop.data().path("schemas").path("shop").path("tables").path("events").path("sync_mode")
                    .asText()).as("kept over a capture").isEqualTo("HISTORY");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void writesNeedARoleThatManagesConnections(StoreKind store) {
        try (ServerFixture f = ServerFixture.start(store, dir)) {
            String id = capturedConnection(f, "roles");
            String path = "/v1/connections/" + id + "/schemas";
            Map<String, String> writes = Map.of(
                    path, "{\"schema_change_handling\": \"BLOCK_ALL\"}",
                    path + "/shop", "{\"enabled\": false}",
                    path + "/shop/tables/orders", "{\"enabled\": false}",
                    path + "/shop/tables/orders/columns/amount", "{\"enabled\": false}");
            writes.forEach((endpoint, body) ->
                    assertError(f.reviewer.patch(endpoint, body), 403, "Forbidden", "Account Reviewer"));
            assertError(f.reviewer.post(path + "/reload", "{\"exclude_mode\": \"EXCLUDE\"}"), 403, "Forbidden");
            assertError(f.reviewer.post(path, "{\"schemas\": {}}"), 403, "Forbidden");
            assertConforms("GET", path, f.reviewer.get(path));
            assertConforms("GET", path + "/shop/tables/orders/columns", f.reviewer.get(path + "/shop/tables/orders/columns"));
            Http.Answer untouched = f.admin.get(path);
            assertThat(untouched.data().path("schema_change_handling").asText()).isEqualTo("ALLOW_ALL");
            assertThat(untouched.data().path("schemas").path("shop").path("tables").findValuesAsText("enabled"))
                    .containsOnly("true");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void namesWithSqlAndUnicodeAreStoredAndReturnedVerbatim(StoreKind store) {
        try (ServerFixture f = ServerFixture.start(store, dir)) {
            String id = create(f, group(f, "names"), "names");
            String schema = "x'); DROP TABLE schema_configs; --";
            String table = "Ünïcødé \"tåble\" 表";
            String column = "a b;c% \\ 'q'";
            f.discover(id, Discovered.Table.of(schema, table, Column.key("id"), Column.of(column)));
            String path = "/v1/connections/" + id + "/schemas";
            String columnPath = path + "/" + segment(schema) + "/tables/" + segment(table) + "/columns/" + segment(column);
            Http.Answer patched = assertConforms("PATCH", columnPath, f.admin.patch(columnPath, "{\"hashed\": true}"));
            JsonNode tableNode = patched.data().path("schemas").path(schema).path("tables").path(table);
            assertThat(tableNode.path("name_in_destination").asText()).isEqualTo(table);
            assertThat(tableNode.path("columns").path(column).path("hashed").asBoolean()).isTrue();
            String columnsPath = path + "/" + segment(schema) + "/tables/" + segment(table) + "/columns";
            Http.Answer columns = assertConforms("GET", columnsPath, f.admin.get(columnsPath));
            assertThat(columns.data().path("columns").fieldNames()).toIterable().containsExactlyInAnyOrder("id", column);
            assertThat(f.admin.get(path).data().path("schemas").fieldNames()).toIterable().containsExactly(schema);
            assertThat(f.admin.get("/v1/groups").status()).as("the store survived").isEqualTo(200);
        }
    }
}
