package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.client.SchemaConfigRequest;
import io.tributary.client.SchemaConfigRequest.Column;
import io.tributary.client.SchemaConfigRequest.Schema;
import io.tributary.client.SchemaConfigRequest.Table;
import io.tributary.server.schemas.Discovered;
import io.tributary.server.schemas.SchemaConfig;
import io.tributary.server.schemas.SyncMode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `tributary api connections copy` against the real server: the copies, their secrets and schema configs. */
class ApiConnectionCopyTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path logs;

    @TempDir
    Path dir;

    private ApiServer api;
    private String source;
    private String east;
    private String west;

    @BeforeEach
    void start() {
        api = new ApiServer(dir.resolve("data"), logs);
        String prod = api.group("Prod");
        east = api.group("East");
        west = api.group("West");
        source = api.connection(prod, "shop", Map.of("api_key", "source-api-key-1", "region", "eu",
                "secrets_list", List.of(Map.of("key", "token", "value", "source-token-1"))));
        api.client.connections().update(source, JSON.createObjectNode().put("sync_frequency", 60));
        api.discover(source,
                new Discovered.Table("shop", "shop", "orders", "orders", true, List.of(Discovered.Column.key("id"),
                        Discovered.Column.of("email"), Discovered.Column.of("note"))),
                Discovered.Table.of("shop", "customers", Discovered.Column.key("id"), Discovered.Column.of("name")));
        api.client.schemas().patch(source, new SchemaConfigRequest("BLOCK_ALL", null, Map.of("shop", new Schema(null,
                Map.of("customers", new Table(false, null, null),
                        "orders", new Table(null, "HISTORY", Map.of("email", new Column(null, true, null),
                                "note", new Column(false, null, null))))))));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private String copyIn(String group) throws Exception {
        return (String) api.value("SELECT id FROM connections WHERE group_id = ?", group);
    }

    private JsonNode storedConfig(String id) throws Exception {
        return JSON.readTree((String) api.value("SELECT config FROM connections WHERE id = ?", id));
    }

    @Test
    void secretsShownMaskedMustBeGivenAndNothingIsCreatedWithoutThem() throws Exception {
        CliRun run = api.api("connections", "copy", source, "--to-groups", east + "," + west,
                "--config", "api_key=copy-api-key-2");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("secrets_list.token=…").doesNotContain("api_key=…");
        assertThat(api.connectionCount()).isEqualTo(1);
    }

    @Test
    void copiesIntoEachGroupPausedWithTheSourcesSettingsAndSchemaConfig() throws Exception {
        CliRun run = api.api("connections", "copy", source, "--to-groups", east + "," + west,
                "--config", "api_key=copy-api-key-2", "--config", "secrets_list.token=copy-token-2");
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).contains("copied into " + east, "copied into " + west, "into 2 of 2 groups");
        for (String group : List.of(east, west)) {
            String copy = copyIn(group);
            assertThat(copy).isNotNull();
            assertThat(api.value("SELECT paused FROM connections WHERE id = ?", copy)).isEqualTo(true);
            assertThat(api.value("SELECT sync_frequency FROM connections WHERE id = ?", copy)).isEqualTo(60);
            assertThat(api.value("SELECT schema_name FROM connections WHERE id = ?", copy)).isEqualTo("shop");
            JsonNode config = storedConfig(copy);
            assertThat(config.path("api_key").asText()).isEqualTo("copy-api-key-2");
            assertThat(config.path("region").asText()).isEqualTo("eu");
            assertThat(config.path("connector_class").asText()).isEqualTo("x.Shop");
            assertThat(config.path("secrets_list").get(0).path("value").asText()).isEqualTo("copy-token-2");

            SchemaConfig schemas = api.storedSchemaConfig(copy).orElseThrow();
            assertThat(schemas.handling().name()).isEqualTo("BLOCK_ALL");
            SchemaConfig.Schema shop = schemas.schema("shop");
            assertThat(shop.enabled()).isTrue();
            assertThat(shop.table("customers").enabled()).isFalse();
            assertThat(shop.table("orders").enabled()).isTrue();
            assertThat(shop.table("orders").syncMode()).isEqualTo(SyncMode.HISTORY);
            assertThat(shop.table("orders").column("email").hashed()).isTrue();
            assertThat(shop.table("orders").column("note").enabled()).isFalse();
        }
        assertThat(api.connectionCount()).isEqualTo(3);
    }

    @Test
    void everyGroupIsReportedAndAFailedGroupDoesNotStopTheOthers() throws Exception {
        api.connection(west, "shop", Map.of()); // the schema is taken there
        CliRun run = api.api("connections", "copy", source, "--to-groups", east + ",nope," + west,
                "--config", "api_key=copy-api-key-2", "--config", "secrets_list.token=copy-token-2", "--json");
        assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
        JsonNode report = JSON.readTree(run.out());
        assertThat(report).hasSize(3);
        assertThat(report.get(0).path("outcome").asText()).isEqualTo("copied");
        assertThat(report.get(0).path("connection_id").asText()).isEqualTo(copyIn(east));
        assertThat(report.get(1).path("outcome").asText()).isEqualTo("failed");
        assertThat(report.get(1).path("error").asText()).contains("NotFound_Group");
        assertThat(report.get(2).path("outcome").asText()).isEqualTo("failed");
        assertThat(report.get(2).path("error").asText()).contains("already has a connection with schema 'shop'");
        assertThat(api.storedSchemaConfig(copyIn(east))).isPresent();
    }

    @Test
    void aCopyWhoseSchemaConfigFailedIsReportedWithItsId() throws Exception {
        try (FaultyProxy proxy = new FaultyProxy(api.url, r -> r.startsWith("POST ") && r.endsWith("/schemas"))) {
            CliRun run = api.apiAt(proxy.url(), "connections", "copy", source, "--to-groups", east,
                    "--config", "api_key=copy-api-key-2", "--config", "secrets_list.token=copy-token-2");
            assertThat(run.exitCode()).isEqualTo(1);
            String copy = copyIn(east);
            assertThat(copy).as("the connection was created").isNotNull();
            assertThat(api.value("SELECT paused FROM connections WHERE id = ?", copy)).isEqualTo(true);
            assertThat(api.storedSchemaConfig(copy)).isEmpty();
            assertThat(run.err()).contains("HALF-COPIED in " + east + ": connection " + copy,
                    "schema config was not copied", "injected by the test", "connections delete " + copy);
            assertThat(run.out()).contains("into 0 of 1 groups");
        }
    }

    @Test
    void aDryRunReadsTheSourceAndCreatesNothing() throws Exception {
        CliRun run = api.api("connections", "copy", source, "--to-groups", east, "--config", "api_key=copy-api-key-2",
                "--config", "secrets_list.token=copy-token-2", "--dry-run");
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).contains("POST connections {\"group_id\":\"" + east + "\"", "\"paused\":true",
                "POST connections/<id of the copy in " + east + ">/schemas", "\"schema_change_handling\":\"BLOCK_ALL\"",
                "\"api_key\":\"******\"", "{\"key\":\"token\",\"value\":\"******\"}", "\"region\":\"eu\"");
        assertThat(run.out()).as("secrets are not printed").doesNotContain("copy-api-key-2", "copy-token-2");
        assertThat(api.connectionCount()).isEqualTo(1);
    }

    @Test
    void aSourceWithoutSchemaConfigIsCopiedWithoutOne() throws Exception {
        String plain = api.connection(east, "plain", Map.of());
        CliRun run = api.api("connections", "copy", plain, "--to-groups", west);
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).contains("the source has no schema config yet");
        assertThat(api.storedSchemaConfig(copyIn(west))).isEmpty();
        CliRun missing = api.api("connections", "copy", "nope", "--to-groups", west);
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("NotFound_Connection");
    }
}
