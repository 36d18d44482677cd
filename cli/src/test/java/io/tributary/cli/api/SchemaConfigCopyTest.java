package io.tributary.cli.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.client.SchemaConfig;
import io.tributary.client.SchemaConfigRequest;
import io.tributary.client.TributaryClient;
import io.tributary.server.ServerConfig;
import io.tributary.server.TributaryServer;
import io.tributary.server.auth.ApiKeys;
import io.tributary.server.schemas.Discovered;
import io.tributary.server.store.SchemaConfigStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The schema config copy on the real server when the target has a config already: reload, then one PATCH. */
class SchemaConfigCopyTest {
    @TempDir
    Path dir;

    @Test
    void aTargetWithAConfigIsReloadedAndPatchedInsteadOfCreated() {
        System.setProperty("TRIBUTARY_LOG_DIR", dir.resolve("logs").toString());
        try (TributaryServer server = TributaryServer.start(ServerConfig.defaults().withPort(0).withDataDir(dir))) {
            ApiKeys.Credentials key = server.initialKey().orElseThrow();
            TributaryClient client = TributaryClient.builder().baseUrl("http://127.0.0.1:" + server.port() + "/v1")
                    .apiKey(key.key()).apiSecret(key.secret()).build();
            String group = client.groups().create("Prod").id();
            String target = client.call("POST", "connections", Map.of("group_id", group, "service", "connector_sdk",
                    "config", Map.of("schema", "shop", "connector_class", "x.Shop"))).path("data").path("id").asText();
            new SchemaConfigStore(server.database()).discover(target, List.of(Discovered.Table.of("shop", "orders",
                    Discovered.Column.key("id"), Discovered.Column.of("email"))));
            SchemaConfigRequest copy = new SchemaConfigRequest("ALLOW_COLUMNS", true, Map.of("shop",
                    new SchemaConfigRequest.Schema(true, Map.of("orders", new SchemaConfigRequest.Table(false, null,
                            Map.of("email", new SchemaConfigRequest.Column(true, true, null)))))));

            SchemaConfig result = SchemaConfigCopy.apply(client, target, copy);

            assertThat(result.schemaChangeHandling()).isEqualTo("ALLOW_COLUMNS");
            var stored = new SchemaConfigStore(server.database()).find(target).orElseThrow();
            assertThat(stored.typeLocked()).isTrue();
            assertThat(stored.schema("shop").table("orders").enabled()).isFalse();
            assertThat(stored.schema("shop").table("orders").column("email").hashed()).isTrue();
            assertThat(stored.capturedAt()).as("the captured config was changed, not replaced").isNotNull();
        }
    }
}
