package io.tributary.server;

import static io.tributary.server.Connections.create;
import static io.tributary.server.Connections.group;
import static io.tributary.server.SchemaConfigContract.assertConforms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.server.schemas.Discovered;
import io.tributary.server.schemas.Discovered.Column;
import io.tributary.server.schemas.SchemaConfig;
import io.tributary.server.store.Jdbc;
import io.tributary.server.store.SchemaConfigStore;
import io.tributary.server.store.SyncRequestStore;
import io.tributary.server.store.SyncRequestStore.Kind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The schema config's life: reload or set-up, captures by the orchestrator, and users' changes. */
class SchemaConfigApiTest {
    @TempDir
    Path dir;

    /** A connection whose source has shop.orders (key id, amount, email) and shop.customers (key id). */
    static String capturedConnection(ServerFixture f, String name) {
        String id = create(f, group(f, name), name);
        f.discover(id, Discovered.Table.of("shop", "orders", Column.key("id"), Column.of("amount"), Column.of("email")),
                Discovered.Table.of("shop", "customers", Column.key("id")));
        return id;
    }

    private static JsonNode orders(Http.Answer answer) {
        return answer.data().path("schemas").path("shop").path("tables").path("orders");
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void thereIsNoConfigUntilAReloadCreatesOne(StoreKind store) {
        try (ServerFixture f = ServerFixture.start(store, dir)) {
            String id = create(f, group(f, "g"), "fresh");
            String path = "/v1/connections/" + id + "/schemas";
            Http.Answer none = f.admin.get(path);
            assertThat(none.status()).isEqualTo(404);
            assertThat(none.code()).isEqualTo("NotFound_SchemaConfig");
            assertThat(none.json().path("message").asText())
                    .isEqualTo("Connection with id '" + id + "' doesn't have schema config");
            Http.Answer noConnection = f.admin.get("/v1/connections/nope/schemas");
            assertThat(noConnection.code()).isEqualTo("NotFound_Connection");
            assertThat(f.admin.post("/v1/connections/nope/schemas/reload", "{}").code()).isEqualTo("NotFound_Connection");

            Http.Answer reloaded = assertConforms("POST", path + "/reload", f.admin.post(path + "/reload", ""));
            assertThat(reloaded.status()).isEqualTo(200);
            assertThat(reloaded.data().path("schema_change_handling").asText()).isEqualTo("ALLOW_ALL");
            assertThat(reloaded.data().path("enable_new_by_default").asBoolean()).isTrue();
            assertThat(reloaded.data().path("schemas").isObject()).isTrue();
            assertThat(reloaded.data().path("schemas").size()).isZero();
            Http.Answer stored = assertConforms("GET", path, f.admin.get(path));
            assertThat(stored.data()).isEqualTo(reloaded.data());
            assertConforms("GET", path, f.admin.get("/v1/connectors/" + id + "/schemas"));
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aCaptureShowsSchemasAndTablesAndOnlyTheColumnsUsersSetOrThatAreBlocked(StoreKind store) {
        try (ServerFixture f = ServerFixture.start(store, dir)) {
            String id = capturedConnection(f, "captured");
            String path = "/v1/connections/" + id + "/schemas";
            Http.Answer config = assertConforms("GET", path, f.admin.get(path));
            JsonNode shop = config.data().path("schemas").path("shop");
            assertThat(shop.path("name_in_destination").asText()).isEqualTo("shop");
            assertThat(shop.path("enabled").asBoolean()).isTrue();
            assertThat(shop.path("tables").fieldNames()).toIterable().containsExactly("customers", "orders");
            JsonNode orders = orders(config);
            assertThat(orders.path("enabled").asBoolean()).isTrue();
            assertThat(orders.path("supports_columns_config").asBoolean()).isTrue();
            assertThat(orders.path("supports_history_mode").asBoolean()).isFalse();
            assertThat(orders.has("sync_mode")).as("this table cannot switch modes").isFalse();
            assertThat(orders.path("enabled_patch_settings").path("allowed").asBoolean()).isTrue();
            assertThat(orders.path("columns").size()).as("no column set by a user yet").isZero();

            String columnsPath = path + "/shop/tables/orders/columns";
            Http.Answer columns = assertConforms("GET", columnsPath, f.admin.get(columnsPath));
            assertThat(columns.data().path("columns").fieldNames()).toIterable()
                    .containsExactlyInAnyOrder("id", "amount", "email");
            JsonNode key = columns.data().path("columns").path("id");
            assertThat(key.path("is_primary_key").asBoolean()).isTrue();
            assertThat(key.path("enabled").asBoolean()).isTrue();
            assertThat(key.path("enabled_patch_settings").path("allowed").asBoolean()).isFalse();
            assertThat(key.path("enabled_patch_settings").path("reason_code").asText()).isEqualTo("SYSTEM_COLUMN");
            JsonNode amount = columns.data().path("columns").path("amount");
            assertThat(amount.path("enabled_patch_settings").path("allowed").asBoolean()).isTrue();
            assertThat(amount.path("hashed").asBoolean()).isFalse();
            assertThat(amount.path("is_primary_key").asBoolean(true)).isFalse();

            Http.Answer hashed = assertConforms("PATCH", path + "/shop/tables/orders/columns/email",
                    f.admin.patch(path + "/shop/tables/orders/columns/email", "{\"hashed\": true}"));
            assertThat(orders(hashed).path("columns").fieldNames()).toIterable().containsExactly("email");
            assertThat(orders(hashed).path("columns").path("email").path("hashed").asBoolean()).isTrue();
            assertThat(orders(hashed).path("columns").path("email").path("enabled").asBoolean()).isTrue();

            f.admin.patch(path, "{\"schema_change_handling\": \"BLOCK_ALL\"}");
            f.discover(id, Discovered.Table.of("shop", "orders", Column.key("id"), Column.of("amount"),
                    Column.of("email"), Column.of("coupon")), Discovered.Table.of("shop", "customers", Column.key("id")),
                    Discovered.Table.of("shop", "refunds", Column.key("id")));
            Http.Answer grown = assertConforms("GET", path, f.admin.get(path));
            assertThat(orders(grown).path("columns").path("coupon").path("enabled").asBoolean()).as("blocked, shown")
                    .isFalse();
            assertThat(grown.data().path("schemas").path("shop").path("tables").path("refunds").path("enabled")
                    .asBoolean()).isFalse();
            assertThat(orders(grown).path("columns").path("email").path("hashed").asBoolean()).as("kept").isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void patchesChangeTheHandlingAndEachLevelAndAreStored(StoreKind store) {
        try (ServerFixture f = ServerFixture.start(store, dir)) {
            String id = capturedConnection(f, "patched");
            String path = "/v1/connections/" + id + "/schemas";
            Http.Answer bulk = assertConforms("PATCH", path, f.admin.patch(path, "{\"schema_change_handling\": "
                    + "\"ALLOW_COLUMNS\", \"is_type_locked\": true, \"schemas\": {\"shop\": {\"enabled\": true, "
                    + "\"tables\": {\"orders\": {\"enabled\": false}, \"customers\": {\"enabled\": true, \"columns\": "
                    + "{\"id\": {\"enabled\": true, \"hashed\": true}}}}}}}"));
            assertThat(bulk.status()).isEqualTo(200);
            assertThat(bulk.data().path("schema_change_handling").asText()).isEqualTo("ALLOW_COLUMNS");
            assertThat(bulk.data().path("enable_new_by_default").asBoolean()).isFalse();
            assertThat(bulk.data().path("is_type_locked").asBoolean()).isTrue();
            assertThat(orders(bulk).path("enabled").asBoolean()).isFalse();
            JsonNode customerId = bulk.data().path("schemas").path("shop").path("tables").path("customers")
                    .path("columns").path("id");
            assertThat(customerId.path("hashed").asBoolean()).as("keys may be hashed").isTrue();
            assertThat(customerId.path("is_primary_key").asBoolean()).isTrue();
            assertThat(f.admin.get(path).data()).as("stored").isEqualTo(bulk.data());

            Http.Answer legacy = f.admin.patch("/v1/connectors/" + id + "/schemas/shop",
                    "{\"enabled\": false, \"tables\": {\"orders\": {\"enabled\": true}}}");
            assertConforms("PATCH", path + "/shop", legacy);
            assertThat(legacy.data().path("schemas").path("shop").path("enabled").asBoolean()).isFalse();
            assertThat(orders(legacy).path("enabled").asBoolean()).isTrue();

            Http.Answer table = assertConforms("PATCH", path + "/shop/tables/orders", f.admin.patch(
                    path + "/shop/tables/orders", "{\"enabled\": false, \"columns\": {\"amount\": {\"enabled\": false}}}"));
            assertThat(orders(table).path("enabled").asBoolean()).isFalse();
            assertThat(orders(table).path("columns").path("amount").path("enabled").asBoolean()).isFalse();

            Http.Answer column = assertConforms("PATCH", path + "/shop/tables/orders/columns/amount",
                    f.admin.patch(path + "/shop/tables/orders/columns/amount", "{\"enabled\": \"true\"}"));
            assertThat(orders(column).path("columns").path("amount").path("enabled").asBoolean()).isTrue();
            assertThat(orders(column).path("columns").has("amount")).as("still shown: a user set it").isTrue();
            assertThat(f.admin.get(path).data()).isEqualTo(column.data());
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aSetUpBeforeTheFirstCaptureIsEchoedOnceAndHonouredByTheCapture(StoreKind store) {
        try (ServerFixture f = ServerFixture.start(store, dir)) {
            String id = create(f, group(f, "setup"), "setup");
            String path = "/v1/connections/" + id + "/schemas";
            Http.Answer set = assertConforms("POST", path, f.admin.post(path, "{\"schema_change_handling\": "
                    + "\"BLOCK_ALL\", \"schemas\": {\"shop\": {\"enabled\": true, \"tables\": {\"orders\": {\"enabled\": "
                    + "true, \"columns\": {\"email\": {\"enabled\": false}, \"id\": {\"enabled\": false, "
                    + "\"is_primary_key\": true}}}}}}}"));
            assertThat(set.status()).isEqualTo(200);
            assertThat(set.data().path("schema_change_handling").asText()).isEqualTo("BLOCK_ALL");
            assertThat(orders(set).path("enabled").asBoolean()).isTrue();
            assertThat(orders(set).path("columns").path("email").path("enabled").asBoolean()).isFalse();
            assertThat(orders(set).path("columns").path("id").path("enabled").asBoolean()).as("echoed as set")
                    .isFalse();
            assertThat(orders(set).path("columns").path("id").path("is_primary_key").asBoolean()).isTrue();

            Http.Answer again = f.admin.post(path, "{\"schemas\": {}}");
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.code()).isEqualTo("Conflict");
            assertThat(again.json().path("message").asText()).contains("PATCH");

            f.discover(id, Discovered.Table.of("shop", "orders", Column.key("id"), Column.of("email"),
                    Column.of("amount")), Discovered.Table.of("shop", "refunds", Column.key("id")));
            Http.Answer captured = assertConforms("GET", path, f.admin.get(path));
            assertThat(orders(captured).path("enabled").asBoolean()).isTrue();
            assertThat(orders(captured).path("columns").path("email").path("enabled").asBoolean()).isFalse();
            assertThat(orders(captured).path("columns").path("id").path("enabled").asBoolean())
                    .as("a key cannot be excluded").isTrue();
            assertThat(orders(captured).path("columns").path("amount").path("enabled").asBoolean())
                    .as("new under BLOCK_ALL").isFalse();
            assertThat(captured.data().path("schemas").path("shop").path("tables").path("refunds").path("enabled")
                    .asBoolean()).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void reloadPreservesOrExcludesOrIncludesEverySchemaAndTable(StoreKind store) {
        try (ServerFixture f = ServerFixture.start(store, dir)) {
            String id = capturedConnection(f, "reload");
            String path = "/v1/connections/" + id + "/schemas";
            f.admin.patch(path + "/shop/tables/orders", "{\"enabled\": false}");
            Http.Answer preserved = assertConforms("POST", path + "/reload", f.admin.post(path + "/reload", "{}"));
            assertThat(orders(preserved).path("enabled").asBoolean()).isFalse();
            assertThat(preserved.data().path("schemas").path("shop").path("tables").path("customers").path("enabled")
                    .asBoolean()).isTrue();

            Http.Answer excluded = assertConforms("POST", path + "/reload",
                    f.admin.post(path + "/reload", "{\"exclude_mode\": \"EXCLUDE\"}"));
            JsonNode shop = excluded.data().path("schemas").path("shop");
            assertThat(shop.path("enabled").asBoolean()).isFalse();
            assertThat(shop.path("tables").findValuesAsText("enabled")).containsOnly("false");

            Http.Answer included = assertConforms("POST", path + "/reload",
                    f.admin.post("/v1/connectors/" + id + "/schemas/reload", "{\"exclude_mode\": \"INCLUDE\"}"));
            assertThat(included.data().path("schemas").path("shop").path("enabled").asBoolean()).isTrue();
            assertThat(orders(included).path("enabled").asBoolean()).isTrue();

            Http.Answer bad = f.admin.post(path + "/reload", "{\"exclude_mode\": \"SOMETIMES\"}");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.json().path("message").asText()).contains("'exclude_mode'", "PRESERVE", "EXCLUDE");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aStaleSaveIsRefusedAndTheConfigGoesWithItsConnection(StoreKind store) {
        try (ServerFixture f = ServerFixture.start(store, dir)) {
            String id = capturedConnection(f, "stale");
            SchemaConfigStore configs = new SchemaConfigStore(f.server.database());
            SchemaConfig first = configs.find(id).orElseThrow();
            SchemaConfig second = configs.find(id).orElseThrow();
            first.schema("shop").table("orders").enabled(false);
            configs.save(first);
            second.schema("shop").table("customers").enabled(false);
            assertThatThrownBy(() -> configs.save(second)).isInstanceOf(SchemaConfigStore.ConcurrentChangeException.class);
            SchemaConfig stored = configs.find(id).orElseThrow();
            assertThat(stored.schema("shop").table("orders").enabled()).isFalse();
            assertThat(stored.schema("shop").table("customers").enabled()).as("the stale save left nothing").isTrue();

            assertThat(f.admin.delete("/v1/connections/" + id).status()).isEqualTo(200);
            assertThat(configs.find(id)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void tableResyncsAreRecordedAndCheckedAgainstACapturedConfig(StoreKind store) {
        try (ServerFixture f = ServerFixture.start(store, dir)) {
            String id = create(f, group(f, "resync"), "resync");
            String path = "/v1/connections/" + id + "/schemas";
            String resync = path + "/tables/resync";
            Http.Answer uncaptured = OpenApiContract.assertConforms("POST", resync,
                    f.admin.post(resync, "{\"anything\": [\"goes\"]}"));
            assertThat(uncaptured.status()).as("before a capture only the orchestrator can tell").isEqualTo(200);

            f.discover(id, Discovered.Table.of("shop", "orders", Column.key("id")),
                    Discovered.Table.of("shop", "customers", Column.key("id")));
            Http.Answer tables = OpenApiContract.assertConforms("POST", resync,
                    f.admin.post(resync, "{\"shop\": [\"orders\", \"customers\"]}"));
            assertThat(tables.json().path("message").asText()).isEqualTo("Re-sync has been triggered successfully");
            Http.Answer one = f.admin.post("/v1/connectors/" + id + "/schemas/shop/tables/orders/resync", null);
            OpenApiContract.assertConforms("POST", resync, one);
            Http.Answer unknownTable = f.admin.post(resync, "{\"shop\": [\"orders\", \"ghost\"]}");
            assertThat(unknownTable.status()).isEqualTo(404);
            assertThat(unknownTable.code()).isEqualTo("NotFound_TableConfig");
            assertThat(unknownTable.json().path("message").asText()).contains("'ghost'");
            Http.Answer unknownSchema = f.admin.post(path + "/crm/tables/leads/resync", "{}");
            assertThat(unknownSchema.code()).isEqualTo("NotFound_SchemaConfig");
            assertThat(f.admin.post(resync, "{}").status()).isEqualTo(400);
            assertThat(f.admin.post("/v1/connections/nope/schemas/tables/resync", "{}").code())
                    .isEqualTo("NotFound_Connection");
            assertThat(f.reviewer.post(resync, "{\"shop\": [\"orders\"]}").status()).isEqualTo(403);

            List<SyncRequestStore.Request> recorded = new SyncRequestStore(new Jdbc(f.server.database())).pending(id);
            assertThat(recorded).extracting(SyncRequestStore.Request::kind).containsOnly(Kind.RESYNC);
            assertThat(recorded).extracting(SyncRequestStore.Request::scope).containsExactly(
                    Map.of("anything", List.of("goes")), Map.of("shop", List.of("orders", "customers")),
                    Map.of("shop", List.of("orders")));
        }
    }
}
