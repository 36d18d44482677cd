package io.tributary.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemasTest {
    private static final String CONFIG = "{\"enable_new_by_default\":false,\"schema_change_handling\":\"BLOCK_ALL\","
            + "\"is_type_locked\":true,\"schemas\":{\"shop\":{\"name_in_destination\":\"shop_dw\",\"enabled\":true,"
            + "\"tables\":{\"orders\":{\"name_in_destination\":\"orders_t\",\"enabled\":false,\"sync_mode\":\"HISTORY\","
            + "\"supports_columns_config\":true,\"supports_history_mode\":true,"
            + "\"enabled_patch_settings\":{\"allowed\":false,\"reason_code\":\"SYSTEM_TABLE\",\"reason\":\"system\"},"
            + "\"columns\":{\"email\":{\"name_in_destination\":\"email_c\",\"enabled\":true,\"hashed\":true,"
            + "\"enabled_patch_settings\":{\"allowed\":true}}}},"
            + "\"customers\":{\"name_in_destination\":\"customers\",\"enabled\":true}}}}}";

    private static StubServer.Answer ok(String data) {
        return StubServer.Answer.json(200, "{\"code\":\"Success\",\"data\":" + data + "}");
    }

    private static TributaryClient client(StubServer stub) {
        return TributaryClient.builder().baseUrl(stub.baseUrl()).apiKey("k").apiSecret("s").build();
    }

    @Test
    void readsTheWholeConfigIntoRecordsKeepingOrderAndNeverNullMaps() throws Exception {
        try (StubServer stub = new StubServer((r, n) -> ok(CONFIG))) {
            SchemaConfig config = client(stub).schemas().get("c1");
            assertThat(config.schemaChangeHandling()).isEqualTo("BLOCK_ALL");
            assertThat(config.isTypeLocked()).isTrue();
            SchemaConfig.Schema shop = config.schemas().get("shop");
            assertThat(shop.nameInDestination()).isEqualTo("shop_dw");
            assertThat(shop.tables().keySet()).containsExactly("orders", "customers");
            SchemaConfig.Table orders = shop.tables().get("orders");
            assertThat(orders.syncMode()).isEqualTo("HISTORY");
            assertThat(orders.enabledPatchSettings().allowed()).isFalse();
            assertThat(orders.enabledPatchSettings().reasonCode()).isEqualTo("SYSTEM_TABLE");
            assertThat(orders.columns().get("email").hashed()).isTrue();
            SchemaConfig.Table customers = shop.tables().get("customers");
            assertThat(customers.columns()).isEmpty();
            assertThat(customers.enabledPatchSettings().allowed()).isTrue();
            assertThat(stub.received.get(0).uri()).isEqualTo("/v1/connections/c1/schemas");
        }
    }

    @Test
    void findTellsAMissingConfigFromOtherErrors() throws Exception {
        try (StubServer stub = new StubServer((r, n) -> n == 1
                ? StubServer.Answer.json(404, "{\"code\":\"NotFound_SchemaConfig\",\"message\":\"none\"}")
                : StubServer.Answer.json(404, "{\"code\":\"NotFound_Connection\",\"message\":\"no such connection\"}"))) {
            Schemas schemas = client(stub).schemas();
            assertThat(schemas.find("c1")).isEmpty();
            assertThatThrownBy(() -> schemas.find("c2")).isInstanceOfSatisfying(ApiError.class,
                    e -> assertThat(e.code()).isEqualTo("NotFound_Connection"));
        }
    }

    @Test
    void changesSendOnlyTheFieldsSetToTheRightPaths() throws Exception {
        try (StubServer stub = new StubServer((r, n) -> r.uri().endsWith("/columns")
                ? ok("{\"columns\":{\"id\":{\"name_in_destination\":\"id\",\"enabled\":true,\"hashed\":false,"
                + "\"is_primary_key\":true}}}")
                : r.uri().endsWith("/resync") ? StubServer.Answer.json(200, "{\"code\":\"Success\"}") : ok(CONFIG))) {
            Schemas schemas = client(stub).schemas();
            SchemaConfigRequest.Column hash = new SchemaConfigRequest.Column(null, true, null);
            schemas.create("c1", new SchemaConfigRequest("ALLOW_COLUMNS", null, Map.of("shop",
                    new SchemaConfigRequest.Schema(true, Map.of("orders", new SchemaConfigRequest.Table(true, null,
                            Map.of("email", new SchemaConfigRequest.Column(true, false, null))))))));
            schemas.reload("c1", Schemas.ExcludeMode.EXCLUDE);
            schemas.patch("c1", new SchemaConfigRequest("BLOCK_ALL", null, null));
            schemas.patchSchema("c1", "shop", new SchemaConfigRequest.Schema(false, null));
            schemas.patchTable("c1", "shop", "my orders", new SchemaConfigRequest.Table(null, "LIVE", null));
            schemas.patchColumn("c1", "shop", "orders", "email", hash);
            assertThat(schemas.columns("c1", "shop", "orders").get("id").isPrimaryKey()).isTrue();
            schemas.resyncTables("c1", Map.of("shop", List.of("orders")));
            assertThat(stub.received).extracting(r -> r.method() + " " + r.uri() + " " + r.body()).containsExactly(
                    "POST /v1/connections/c1/schemas {\"schema_change_handling\":\"ALLOW_COLUMNS\",\"schemas\":{\"shop\":"
                            + "{\"enabled\":true,\"tables\":{\"orders\":{\"enabled\":true,\"columns\":{\"email\":"
                            + "{\"enabled\":true,\"hashed\":false}}}}}}}",
                    "POST /v1/connections/c1/schemas/reload {\"exclude_mode\":\"EXCLUDE\"}",
                    "PATCH /v1/connections/c1/schemas {\"schema_change_handling\":\"BLOCK_ALL\"}",
                    "PATCH /v1/connections/c1/schemas/shop {\"enabled\":false}",
                    "PATCH /v1/connections/c1/schemas/shop/tables/my%20orders {\"sync_mode\":\"LIVE\"}",
                    "PATCH /v1/connections/c1/schemas/shop/tables/orders/columns/email {\"hashed\":true}",
                    "GET /v1/connections/c1/schemas/shop/tables/orders/columns ",
                    "POST /v1/connections/c1/schemas/tables/resync {\"shop\":[\"orders\"]}");
        }
    }
}
