package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `connections sync --wait`, `history` and `logs` against the real server running the syncs. */
class ConnectionHistoryCommandTest {
    @TempDir
    Path dir;
    private ApiServer api;
    private String group;

    @BeforeEach
    void start() {
        api = new ApiServer(dir.resolve("server"), dir.resolve("logs"), c -> c.withSyncWorkers(1, null));
        group = api.group("analytics");
        api.client.call("POST", "destinations", Map.of("group_id", group, "service", "duckdb", "time_zone_offset", "0",
                "config", Map.of("path", dir.resolve("warehouse.db").toString())));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private String connection(String schema, Map<String, Object> config) {
        Map<String, Object> all = new java.util.LinkedHashMap<>(Map.of("schema", schema,
                "connector_class", GreetingConnector.class.getName()));
        all.putAll(config);
        return api.client.call("POST", "connections", Map.of("group_id", group, "service", "connector_sdk",
                "schedule_type", "manual", "config", all)).path("data").path("id").asText();
    }

    @Test
    void syncWaitEndsWhenTheServerHasRunTheSyncAndHistoryAndLogsShowIt() throws Exception {
        String id = connection("greetings", Map.of("people", "ada,grace"));

        CliRun sync = api.api("connections", "sync", id, "--wait", "--poll", "PT0.2S", "--timeout", "PT60S");
        assertThat(sync.exitCode()).as(sync.all()).isZero();
        assertThat(sync.out()).contains("Sync of " + id + " succeeded");

        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("warehouse.db"));
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM greetings.greeting")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(2);
        }
        CliRun history = api.api("connections", "history", id);
        assertThat(history.exitCode()).as(history.all()).isZero();
        assertThat(history.out()).contains("SUCCEEDED").contains("requested").contains("(1 row)");
        JsonNode json = new ObjectMapper().readTree(api.api("connections", "history", id, "--json").out());
        assertThat(json).hasSize(1);
        assertThat(json.get(0).path("upserts").asLong()).isEqualTo(2);

        CliRun logs = api.api("connections", "logs", id);
        assertThat(logs.exitCode()).as(logs.all()).isZero();
        assertThat(logs.out()).contains("connector greeting 2 people").contains("calling update()");
    }

    @Test
    void aFailedSyncExitsNonZeroWithTheReasonAndItsLogsHoldTheError() {
        String id = connection("broken_greetings", Map.of("fail", "the CRM answered 401: token expired"));

        CliRun sync = api.api("connections", "sync", id, "--wait", "--poll", "PT0.2S", "--timeout", "PT60S");

        assertThat(sync.exitCode()).isEqualTo(1);
        assertThat(sync.out()).contains("Sync of " + id + " failed");
        assertThat(sync.err()).contains("reason: update() threw java.lang.IllegalStateException: the CRM answered 401")
                .contains("tributary api connections logs " + id);
        CliRun logs = api.api("connections", "logs", id);
        assertThat(logs.out()).contains("the CRM answered 401: token expired");
        assertThat(api.api("connections", "history", id).out()).contains("FAILED");
    }

    @Test
    void logsOfAConnectionThatNeverSyncedSaySo() {
        String id = connection("idle", Map.of());
        CliRun logs = api.api("connections", "logs", id);
        assertThat(logs.exitCode()).isZero();
        assertThat(logs.out()).contains("Connection " + id + " has not synced yet.");
    }
}
