package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.client.TributaryClient;
import io.tributary.server.ServerConfig;
import io.tributary.server.TributaryServer;
import io.tributary.server.auth.ApiKeys;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `tributary api certificates approve-broken` against the real server. Connections become broken the way the
 * server decides it: set up once (connected), then a setup test fails, here because the group's destination
 * was deleted (repaired when it is back) or the connection lost its connector class (still failing).
 */
class ApproveBrokenCommandTest {
    private static final int CONNECTIONS = 6;

    @TempDir
    Path dir;

    private TributaryServer server;
    private TributaryClient client;
    private String[] auth;
    private String groupId;
    /** s0 … s5 in creation order, which is the order the server pages them in. */
    private final List<String> ids = new ArrayList<>();

    @BeforeEach
    void start() {
        ApiTestLogs.use();
        server = TributaryServer.start(ServerConfig.defaults().withPort(0).withDataDir(dir.resolve("server")));
        ApiKeys.Credentials k = server.initialKey().orElseThrow();
        String url = "http://127.0.0.1:" + server.port() + "/v1";
        auth = new String[] {"--url", url, "--key", k.key(), "--secret", k.secret()};
        client = TributaryClient.builder().baseUrl(url).apiKey(k.key()).apiSecret(k.secret()).build();
        groupId = client.groups().create("Production").id();
        createDestination();
        for (int i = 0; i < CONNECTIONS; i++) {
            ids.add(client.call("POST", "connections", Map.of("group_id", groupId, "service", "connector_sdk",
                    "config", Map.of("schema", "s" + i, "connector_class", "x.Shop"))).path("data").path("id").asText());
        }
        assertThat(ids).allSatisfy(id -> assertThat(setupState(id)).isEqualTo("connected"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** s1 … s4 broken by a missing destination, then repairable; s5 broken by its own config; s0 connected. */
    private void breakConnections() {
        // Sent as text: the client's JSON leaves null map values out, and null is what removes a config key.
        client.call("PATCH", "connections/" + ids.get(5), "{\"config\": {\"connector_class\": null}}");
        client.destinations().delete(groupId);
        for (int i = 1; i <= 4; i++) {
            client.connections().test(ids.get(i), false, false);
        }
        createDestination();
        assertThat(ids.subList(1, 6)).allSatisfy(id -> assertThat(setupState(id)).isEqualTo("broken"));
        assertThat(setupState(ids.get(0))).isEqualTo("connected");
    }

    private void createDestination() {
        client.destinations().create(groupId, "duckdb", "0", Map.of("path", dir.resolve("warehouse.db").toString()));
    }

    private CliRun approveBroken(String... args) {
        List<String> all = new ArrayList<>(List.of("api", "certificates", "approve-broken"));
        all.addAll(List.of(args));
        all.addAll(List.of(auth));
        return CliRun.of(all.toArray(String[]::new));
    }

    /** The stored setup state, read from the server's table. */
    private String setupState(String connectionId) {
        try (Connection c = server.database().connection();
             PreparedStatement ps = c.prepareStatement("SELECT setup_state FROM connections WHERE id = ?")) {
            ps.setString(1, connectionId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void testsEveryBrokenConnectionOnEveryPageAndExits1WhileOneStillFails() throws Exception {
        breakConnections();
        CliRun run = approveBroken("--group", groupId, "--page-size", "2");
        assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
        assertThat(run.out()).contains("CONNECTION", "TITLE", "STATUS", "MESSAGE")
                .contains("5 broken connections in group " + groupId + ": 4 connected again, 1 still failing")
                .contains("Connector code", "FAILED", "config.connector_class")
                .as("the connected one is left alone").doesNotContain(ids.get(0));
        for (int i = 1; i <= 5; i++) {
            assertThat(run.out()).contains(ids.get(i));
        }
        assertThat(ids.subList(1, 5)).as("repaired, including those on the last page")
                .allSatisfy(id -> assertThat(setupState(id)).isEqualTo("connected"));
        assertThat(setupState(ids.get(5))).isEqualTo("broken");

        CliRun again = approveBroken("--group", groupId, "--json", "--page-size", "4");
        assertThat(again.exitCode()).as(again.all()).isEqualTo(1);
        JsonNode report = new ObjectMapper().readTree(again.out());
        assertThat(report.path("broken").asInt()).isEqualTo(1);
        assertThat(report.path("connected_again").asInt()).isZero();
        assertThat(report.path("still_failing").asInt()).isEqualTo(1);
        JsonNode only = report.path("connections").get(0);
        assertThat(only.path("id").asText()).isEqualTo(ids.get(5));
        assertThat(only.path("setup_state").asText()).isEqualTo("broken");
        assertThat(only.path("setup_tests")).extracting(t -> t.path("title").asText() + "=" + t.path("status").asText())
                .containsExactly("Destination=PASSED", "Connector code=FAILED");

        client.call("PATCH", "connections/" + ids.get(5), Map.of("config", Map.of("connector_class", "x.Shop")));
        CliRun clean = approveBroken("--group", groupId);
        assertThat(clean.exitCode()).as(clean.all()).isZero();
        assertThat(clean.out()).contains("0 broken connections", "0 still failing");
        assertThat(ids).allSatisfy(id -> assertThat(setupState(id)).isEqualTo("connected"));
    }

    @Test
    void aDryRunReadsThePagesAndPrintsTheTestsWithoutRunningThem() {
        breakConnections();
        CliRun dry = approveBroken("--group", groupId, "--page-size", "1", "--dry-run");
        assertThat(dry.exitCode()).as(dry.all()).isZero();
        for (int i = 1; i <= 5; i++) {
            assertThat(dry.out()).contains("POST connections/" + ids.get(i) + "/test ");
        }
        assertThat(dry.out()).contains("\"trust_certificates\":true", "\"trust_fingerprints\":true")
                .contains("5 broken connections in group " + groupId + " would be tested").doesNotContain(ids.get(0));
        assertThat(ids.subList(1, 6)).as("nothing was tested").allSatisfy(id -> assertThat(setupState(id)).isEqualTo("broken"));
    }

    @Test
    void anUnknownGroupIsAnApiFailureAndBadOptionsAreUsageErrors() {
        CliRun unknown = approveBroken("--group", "no_such_group");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).contains("404", "NotFound_Group", "no_such_group");

        CliRun noGroup = approveBroken();
        assertThat(noGroup.exitCode()).isEqualTo(2);
        assertThat(noGroup.err()).contains("--group");

        CliRun badPage = approveBroken("--group", groupId, "--page-size", "0");
        assertThat(badPage.exitCode()).isEqualTo(2);
        assertThat(badPage.err()).contains("--page-size must be 1 to 1000");

        CliRun help = CliRun.of("api", "certificates", "approve-broken", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--group", "--page-size", "--dry-run", "--json", "still fails");
    }
}
