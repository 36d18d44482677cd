package io.tributary.server;

import static io.tributary.server.Connections.body;
import static io.tributary.server.Connections.create;
import static io.tributary.server.Connections.group;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Invalid creates and updates answer 400 InvalidInput naming the field, or 404 / 409, and change nothing. */
class ConnectionValidationTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void invalidRequestsNameTheField(StoreKind store) {
        try (ServerFixture f = ServerFixture.start(store, dir)) {
            String g = group(f, "G");
            assertInvalid(f.admin.post("/v1/connections", ""), "Field 'group_id' is required");
            assertInvalid(f.admin.post("/v1/connections", "{\"group_id\": \"" + g + "\"}"), "Field 'service' is required");
            assertInvalid(f.admin.post("/v1/connections", "{\"group_id\": \"" + g + "\", \"service\": \"share_point\"}"),
                    "Unsupported connector service 'share_point'");
            Http.Answer noGroup = f.admin.post("/v1/connections", body("nope", "x", ""));
            assertThat(noGroup.status()).isEqualTo(404);
            assertThat(noGroup.code()).isEqualTo("NotFound_Group");
            assertInvalid(f.admin.post("/v1/connections", "{\"group_id\": \"" + g + "\", \"service\": \"connector_sdk\"}"),
                    "Field 'config.schema' is required");
            assertInvalid(f.admin.post("/v1/connections", body(g, "Bad Name", "")), "Field 'config.schema'");
            assertInvalid(f.admin.post("/v1/connections", body(g, "x", "\"sync_frequency\": 7")), "Field 'sync_frequency'");
            assertInvalid(f.admin.post("/v1/connections", body(g, "x", "\"sync_frequency\": \"often\"")), "Field 'sync_frequency'");
            assertInvalid(f.admin.post("/v1/connections", body(g, "x", "\"daily_sync_time\": \"14:30\"")), "Field 'daily_sync_time'");
            assertInvalid(f.admin.post("/v1/connections", body(g, "x", "\"schedule_type\": \"cron\"")), "Field 'schedule_type'");
            assertInvalid(f.admin.post("/v1/connections", body(g, "x", "\"data_delay_sensitivity\": \"EXTREME\"")),
                    "Field 'data_delay_sensitivity'");
            assertInvalid(f.admin.post("/v1/connections", body(g, "x", "\"data_delay_threshold\": -1")), "Field 'data_delay_threshold'");
            assertInvalid(f.admin.post("/v1/connections", body(g, "x", "\"networking_method\": \"Carrier\"")), "Field 'networking_method'");
            assertInvalid(f.admin.post("/v1/connections", body(g, "x", "\"destination_schema_names\": \"X\"")),
                    "Field 'destination_schema_names'");
            assertInvalid(f.admin.post("/v1/connections", body(g, "x", "\"paused\": \"maybe\"")), "Field 'paused'");
            assertInvalid(f.admin.post("/v1/connections", body(g, "x", "\"auth\": {\"token\": \"t\"}")), "Field 'auth'");
            assertInvalid(f.admin.post("/v1/connections", "{\"group_id\": \"" + g + "\", \"service\": \"connector_sdk\", "
                    + "\"config\": {\"schema\": \"x\", \"connector_class\": \"not a class\"}}"), "Field 'config.connector_class'");
            assertInvalid(f.admin.post("/v1/connections", "{\"group_id\": \"" + g + "\", \"service\": \"connector_sdk\", "
                    + "\"config\": {\"schema\": \"x\", \"secrets_list\": [{\"value\": \"v\"}]}}"),
                    "Field 'config.secrets_list[0].key' is required");
            assertInvalid(f.admin.post("/v1/connections", "{\"group_id\": \"" + g + "\", \"service\": \"connector_sdk\", "
                    + "\"config\": {\"schema\": \"x\", \"secrets_list\": \"a=b\"}}"), "Field 'config.secrets_list'");
            assertThat(f.admin.get("/v1/connections").data().path("items")).as("nothing was created").isEmpty();

            String id = create(f, g, "taken");
            Http.Answer twice = f.admin.post("/v1/connections", body(g, "taken", ""));
            assertThat(twice.status()).isEqualTo(409);
            assertThat(twice.code()).isEqualTo("Conflict");
            assertThat(twice.json().path("message").asText()).contains("'taken'");
            assertThat(f.admin.post("/v1/connections", body(group(f, "H"), "taken", "")).status())
                    .as("unique per group only").isEqualTo(201);

            String path = "/v1/connections/" + id;
            assertInvalid(f.admin.patch(path, "{}"), "at least one persistent field");
            assertInvalid(f.admin.patch(path, "{\"run_setup_tests\": true, \"trust_certificates\": true}"),
                    "at least one persistent field");
            assertInvalid(f.admin.patch(path, "{\"sync_frequency\": 2}"), "Field 'sync_frequency'");
            assertInvalid(f.admin.patch(path, "{\"schema_status\": \"done\"}"), "Field 'schema_status'");
            assertInvalid(f.admin.patch(path, "{\"config\": {\"schema\": \"renamed\"}}"), "Field 'config.schema' cannot be changed");
            assertInvalid(f.admin.patch(path, "{\"config\": \"x\"}"), "Field 'config'");
            assertThat(f.admin.get(path).data().path("sync_frequency").asInt()).as("unchanged").isEqualTo(360);
        }
    }

    private static void assertInvalid(Http.Answer answer, String message) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(400);
        assertThat(answer.code()).isEqualTo("InvalidInput");
        assertThat(answer.json().path("message").asText()).contains(message);
    }
}
