package io.tributary.server;

import static io.tributary.server.Connections.assertListConforms;
import static io.tributary.server.Connections.group;
import static io.tributary.server.OpenApiContract.assertConforms;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.server.store.ConnectionStore;
import io.tributary.server.store.Jdbc;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Secrets go in and are used, but never come back out; version 1 shows config values as text. */
class ConnectionSecretsTest {
    private static final String V2 = "application/json;version=2";

    @TempDir
    Path dir;

    private static String createWithSecrets(ServerFixture f, String groupId) {
        Http.Answer created = f.admin.post("/v1/connections", "{\"group_id\": \"" + groupId + "\", "
                + "\"service\": \"connector_sdk\", \"config\": {\"schema\": \"crm\", \"connector_class\": \"com.example.Crm\", "
                + "\"python_version\": \"3.12\", \"secrets_list\": [{\"key\": \"api_key\", \"value\": \"sk-live-1\"}, "
                + "{\"key\": \"region\", \"value\": \"eu\"}], \"password\": \"hunter2\", \"clientSecret\": \"cs-9\", "
                + "\"access_token\": \"tok-3\", \"page_size\": 500, \"keyboard\": \"qwerty\"}}");
        assertConforms("POST", "/v1/connections", created);
        assertMasked(created.data().path("config"));
        assertThat(created.data().path("config").path("keyboard").asText()).as("not a secret").isEqualTo("qwerty");
        return created.data().path("id").asText();
    }

    /** Every secret value is the mask; everything else is shown. */
    private static void assertMasked(JsonNode config) {
        JsonNode secrets = config.path("secrets_list");
        assertThat(secrets).hasSize(2);
        assertThat(secrets.get(0).path("key").asText()).isEqualTo("api_key");
        assertThat(secrets.get(1).path("key").asText()).isEqualTo("region");
        assertThat(secrets).extracting(s -> s.path("value").asText()).containsOnly("******");
        assertThat(config.path("password").asText()).isEqualTo("******");
        assertThat(config.path("clientSecret").asText()).isEqualTo("******");
        assertThat(config.path("access_token").asText()).isEqualTo("******");
        assertThat(config.path("schema").asText()).isEqualTo("crm");
        assertThat(config.path("connector_class").asText()).isEqualTo("com.example.Crm");
        assertThat(config.path("python_version").asText()).isEqualTo("3.12");
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void secretsAreMaskedInEveryResponse(StoreKind store) {
        try (ServerFixture f = ServerFixture.start(store, dir)) {
            String groupId = group(f, "Secrets");
            String id = createWithSecrets(f, groupId);
            String path = "/v1/connections/" + id;
            for (Http accept : List.of(f.admin, f.admin.accept(V2), f.admin.accept("*/*"), f.reviewer)) {
                assertMasked(assertConforms("GET", path, accept.get(path)).data().path("config"));
                assertMasked(assertListConforms("/v1/connections", accept.get("/v1/connections"))
                        .data().path("items").get(0).path("config"));
                assertMasked(assertListConforms("/v1/groups/" + groupId + "/connections",
                        accept.get("/v1/groups/" + groupId + "/connections")).data().path("items").get(0).path("config"));
            }
            assertMasked(assertConforms("PATCH", path, f.admin.patch(path, "{\"paused\": true}")).data().path("config"));
            assertMasked(assertConforms("POST", path + "/test", f.admin.post(path + "/test", "{}")).data().path("config"));
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aMaskedValueSentBackKeepsTheStoredSecret(StoreKind store) {
        try (ServerFixture f = ServerFixture.start(store, dir)) {
            String id = createWithSecrets(f, group(f, "Roundtrip"));
            String path = "/v1/connections/" + id;
            // What a client does: read the config, change one secret, send the rest back as it read it.
            Http.Answer updated = assertConforms("PATCH", path, f.admin.patch(path, "{\"config\": {\"secrets_list\": "
                    + "[{\"key\": \"api_key\", \"value\": \"******\"}, {\"key\": \"region\", \"value\": \"us\"}], "
                    + "\"password\": \"******\", \"access_token\": \"tok-4\", \"keyboard\": null}}"));
            assertMasked(updated.data().path("config"));
            assertThat(updated.data().path("config").has("keyboard")).as("null removes a key").isFalse();

            Map<String, Object> stored = new ConnectionStore(new Jdbc(f.server.database())).find(id).orElseThrow().config();
            assertThat(stored.get("secrets_list")).isEqualTo(List.of(Map.of("key", "api_key", "value", "sk-live-1"),
                    Map.of("key", "region", "value", "us")));
            assertThat(stored.get("password")).isEqualTo("hunter2");
            assertThat(stored.get("access_token")).isEqualTo("tok-4");
            assertThat(stored.get("clientSecret")).as("absent keys are kept").isEqualTo("cs-9");

            Http.Answer unknown = f.admin.patch(path, "{\"config\": {\"secrets_list\": [{\"key\": \"new\", \"value\": \"******\"}]}}");
            assertThat(unknown.status()).isEqualTo(400);
            assertThat(unknown.json().path("message").asText()).contains("config.secrets_list").contains("'new'");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void version1ShowsConfigValuesAsTextAndVersion2Typed(StoreKind store) {
        try (ServerFixture f = ServerFixture.start(store, dir)) {
            String id = createWithSecrets(f, group(f, "Types"));
            String path = "/v1/connections/" + id;
            JsonNode v1 = f.admin.accept("*/*").get(path).data();
            assertThat(v1.path("config").path("page_size").isTextual()).isTrue();
            assertThat(v1.path("config").path("page_size").asText()).isEqualTo("500");
            assertThat(v1.path("config").path("secrets_list").isArray()).as("lists keep their shape").isTrue();
            assertThat(v1.path("sync_frequency").isInt()).as("only config values are text").isTrue();
            JsonNode v2 = f.admin.accept(V2).get(path).data();
            assertThat(v2.path("config").path("page_size").isInt()).isTrue();
            assertThat(f.admin.accept(V2).get("/v1/connections").data().path("items").get(0).path("config")
                    .path("page_size").isInt()).isTrue();
        }
    }
}
