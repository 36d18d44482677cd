package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.api.model.Connection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `tributary api connections create|update` against the real server, checking what it stored. */
class ApiConnectionCreateUpdateTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path logs;

    @TempDir
    Path dir;

    private ApiServer api;
    private String group;

    @BeforeEach
    void start() {
        api = new ApiServer(dir.resolve("data"), logs);
        group = api.group("Staging");
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private JsonNode storedConfig(String id) throws Exception {
        return JSON.readTree((String) api.value("SELECT config FROM connections WHERE id = ?", id));
    }

    @Test
    void createFromFlagsPrintsTheIdAndStoresSettingsAndSecrets() throws Exception {
        CliRun run = api.api("connections", "create", "--group", group, "--service", "connector_sdk",
                "--schema", "shop", "--config", "connector_class=x.Shop", "--config", "api_key=s3cret",
                "--config", "port:=5432", "--config", "secrets_list.token=sdk-token-0", "--paused", "--sync-frequency", "60");
        assertThat(run.exitCode()).as(run.all()).isZero();
        String id = run.out().strip();
        assertThat(id).as("only the id, for scripts").doesNotContain(" ", "\n");
        assertThat(api.value("SELECT paused FROM connections WHERE id = ?", id)).isEqualTo(true);
        assertThat(api.value("SELECT sync_frequency FROM connections WHERE id = ?", id)).isEqualTo(60);
        assertThat(api.value("SELECT group_id FROM connections WHERE id = ?", id)).isEqualTo(group);
        JsonNode config = storedConfig(id);
        assertThat(config.path("schema").asText()).isEqualTo("shop");
        assertThat(config.path("api_key").asText()).isEqualTo("s3cret");
        assertThat(config.path("port").isInt()).as("KEY:=JSON keeps the type").isTrue();
        assertThat(config.path("secrets_list").get(0).path("value").asText()).isEqualTo("sdk-token-0");
        assertThat(run.err()).as("the group has no destination yet, which the setup tests report")
                .contains("warning: connection " + id + " is incomplete", "FAILED Destination");
    }

    @Test
    void createFromAJsonBodyWithFlagsOverridingIt() throws Exception {
        Path body = dir.resolve("create.json");
        Files.writeString(body, "{\"group_id\": \"" + group + "\", \"service\": \"connector_sdk\", "
                + "\"sync_frequency\": 15, \"config\": {\"schema\": \"crm\", \"connector_class\": \"x.Crm\"}}");
        CliRun run = api.api("connections", "create", "--json", body.toString(), "--sync-frequency", "30",
                "--config", "region=eu");
        assertThat(run.exitCode()).as(run.all()).isZero();
        String id = run.out().strip();
        assertThat(api.value("SELECT sync_frequency FROM connections WHERE id = ?", id)).isEqualTo(30);
        assertThat(api.value("SELECT schema_name FROM connections WHERE id = ?", id)).isEqualTo("crm");
        assertThat(storedConfig(id).path("region").asText()).isEqualTo("eu");
        assertThat(storedConfig(id).path("connector_class").asText()).isEqualTo("x.Crm");
    }

    @Test
    void createFailuresSayWhyAndCreateNothing() throws Exception {
        CliRun noGroup = api.api("connections", "create", "--service", "connector_sdk", "--schema", "shop");
        assertThat(noGroup.exitCode()).isEqualTo(2);
        assertThat(noGroup.err()).contains("needs group_id", "--group");
        CliRun badSchema = api.api("connections", "create", "--group", group, "--service", "connector_sdk",
                "--schema", "Bad-Name");
        assertThat(badSchema.exitCode()).isEqualTo(1);
        assertThat(badSchema.err()).contains("InvalidInput", "Field 'config.schema' must be 1 to 63 lower-case");
        CliRun badFrequency = api.api("connections", "create", "--group", group, "--service", "connector_sdk",
                "--schema", "shop", "--sync-frequency", "7");
        assertThat(badFrequency.exitCode()).isEqualTo(1);
        assertThat(badFrequency.err()).contains("Field 'sync_frequency' must be one of");
        CliRun noSuchGroup = api.api("connections", "create", "--group", "nope", "--service", "connector_sdk",
                "--schema", "shop");
        assertThat(noSuchGroup.exitCode()).isEqualTo(1);
        assertThat(noSuchGroup.err()).contains("NotFound_Group");
        CliRun badConfig = api.api("connections", "create", "--group", group, "--service", "connector_sdk",
                "--config", "schema");
        assertThat(badConfig.exitCode()).isEqualTo(2);
        assertThat(badConfig.err()).contains("KEY=VALUE");
        CliRun dryRun = api.api("connections", "create", "--group", group, "--service", "connector_sdk",
                "--schema", "shop", "--dry-run");
        assertThat(dryRun.exitCode()).isZero();
        assertThat(dryRun.out()).contains("POST connections {", "\"group_id\":\"" + group + "\"", "\"schema\":\"shop\"");
        assertThat(api.connectionCount()).isZero();

        api.connection(group, "shop", Map.of());
        CliRun duplicate = api.api("connections", "create", "--group", group, "--service", "connector_sdk",
                "--schema", "shop");
        assertThat(duplicate.exitCode()).isEqualTo(1);
        assertThat(duplicate.err()).contains("409", "already has a connection with schema 'shop'");
        assertThat(api.connectionCount()).isEqualTo(1);
    }

    @Test
    void updateChangesOnlyWhatItIsGiven() throws Exception {
        String id = api.connection(group, "shop", Map.of("api_key", "old", "region", "us"));
        CliRun run = api.api("connections", "update", id, "--config", "region=eu", "--sync-frequency", "15",
                "--paused");
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).contains("Updated " + id, "paused true", "every 15 min");
        assertThat(storedConfig(id).path("region").asText()).isEqualTo("eu");
        assertThat(storedConfig(id).path("api_key").asText()).as("secrets not given are kept").isEqualTo("old");
        assertThat(api.value("SELECT sync_frequency FROM connections WHERE id = ?", id)).isEqualTo(15);
        assertThat(api.value("SELECT paused FROM connections WHERE id = ?", id)).isEqualTo(true);

        Path body = dir.resolve("update.json");
        Files.writeString(body, "{\"paused\": false, \"config\": {\"api_key\": \"new\"}}");
        assertThat(api.api("connections", "update", id, "--json", body.toString()).exitCode()).isZero();
        assertThat(api.value("SELECT paused FROM connections WHERE id = ?", id)).isEqualTo(false);
        assertThat(storedConfig(id).path("api_key").asText()).isEqualTo("new");

        CliRun dryRun = api.api("connections", "update", id, "--paused=true", "--config", "secrets_list.token=sdk-token-0",
                "--dry-run");
        assertThat(dryRun.out()).contains("PATCH connections/" + id + " {\"paused\":true,\"config\":{\"secrets_list\":"
                + "[{\"key\":\"token\",\"value\":\"******\"}]}}").doesNotContain("sdk-token-0");
        assertThat(api.value("SELECT paused FROM connections WHERE id = ?", id)).isEqualTo(false);
        Connection shown = api.client.connections().get(id);
        assertThat(shown.config()).as("the API masks it").containsEntry("api_key", "******");
    }

    @Test
    void updateFailuresCarryTheServersMessage() throws Exception {
        String id = api.connection(group, "shop", Map.of());
        CliRun nothing = api.api("connections", "update", id);
        assertThat(nothing.exitCode()).isEqualTo(2);
        assertThat(nothing.err()).contains("nothing to change");
        CliRun missing = api.api("connections", "update", "nope", "--paused");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("NotFound_Connection");
        CliRun fixed = api.api("connections", "update", id, "--config", "schema=other");
        assertThat(fixed.exitCode()).isEqualTo(1);
        assertThat(fixed.err()).contains("Field 'config.schema' cannot be changed");
        assertThat(api.value("SELECT schema_name FROM connections WHERE id = ?", id)).isEqualTo("shop");
    }
}
