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
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `tributary api connections …` against the real server, checking the server's store after each command. */
class ApiConnectionsCommandTest {
    @TempDir
    Path dir;

    private TributaryServer server;
    private String[] auth;
    private String connectionId;
    private String groupId;

    @BeforeEach
    void start() {
        ApiTestLogs.use();
        server = TributaryServer.start(ServerConfig.defaults().withPort(0).withDataDir(dir));
        ApiKeys.Credentials k = server.initialKey().orElseThrow();
        String url = "http://127.0.0.1:" + server.port() + "/v1";
        auth = new String[] {"--url", url, "--key", k.key(), "--secret", k.secret()};
        TributaryClient client = TributaryClient.builder().baseUrl(url).apiKey(k.key()).apiSecret(k.secret()).build();
        groupId = client.groups().create("Staging").id();
        connectionId = client.call("POST", "connections", Map.of("group_id", groupId, "service", "connector_sdk",
                "config", Map.of("schema", "hello", "connector_class", "x.Hello"))).path("data").path("id").asText();
        client.call("POST", "connections", Map.of("group_id", groupId, "service", "connector_sdk", "paused", true,
                "config", Map.of("schema", "other", "connector_class", "x.Other")));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private CliRun api(String... args) {
        String[] all = new String[args.length + auth.length + 2];
        all[0] = "api";
        all[1] = "connections";
        System.arraycopy(args, 0, all, 2, args.length);
        System.arraycopy(auth, 0, all, 2 + args.length, auth.length);
        return CliRun.of(all);
    }

    private Object column(String sql) throws Exception {
        try (Connection c = server.database().connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, connectionId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getObject(1) : null;
            }
        }
    }

    @Test
    void listFiltersByGroupAndStatus() throws Exception {
        JsonNode all = new ObjectMapper().readTree(api("list", "--json").out());
        assertThat(all).hasSize(2);
        JsonNode paused = new ObjectMapper().readTree(api("list", "--group", groupId, "--status", "paused", "--json").out());
        assertThat(paused).extracting(c -> c.path("schema").asText()).containsExactly("other");
        assertThat(api("list").out()).contains("SCHEMA", "hello", "other", "(2 rows)");
        assertThat(api("status", connectionId).out()).contains("hello", "connector_sdk");
    }

    @Test
    void pauseResumeAndDeleteChangeTheServer() throws Exception {
        assertThat(api("pause", connectionId).exitCode()).isZero();
        assertThat(column("SELECT paused FROM connections WHERE id = ?")).isEqualTo(true);
        assertThat(api("resume", connectionId).exitCode()).isZero();
        assertThat(column("SELECT paused FROM connections WHERE id = ?")).isEqualTo(false);
        assertThat(api("pause", connectionId, "--dry-run").out()).contains("PATCH connections/" + connectionId + " {\"paused\":true}");
        assertThat(column("SELECT paused FROM connections WHERE id = ?")).as("a dry run changes nothing").isEqualTo(false);
        CliRun unconfirmed = api("delete", connectionId);
        assertThat(unconfirmed.exitCode()).isEqualTo(2);
        assertThat(unconfirmed.err()).contains("pass --yes");
        assertThat(api("delete", connectionId, "--yes").exitCode()).isZero();
        assertThat(column("SELECT id FROM connections WHERE id = ?")).isNull();
        CliRun gone = api("status", connectionId);
        assertThat(gone.exitCode()).isEqualTo(1);
        assertThat(gone.err()).contains("NotFound_Connection");
    }

    @Test
    void syncWaitEndsWhenTheSyncSucceedsOrFailsOrTimesOut() throws Exception {
        CompletableFuture<CliRun> waiting = CompletableFuture.supplyAsync(() ->
                api("sync", connectionId, "--wait", "--poll", "PT0.05S", "--timeout", "PT30S"));
        awaitSyncRequest();
        setRunTime("succeeded_at");
        CliRun succeeded = waiting.get(30, TimeUnit.SECONDS);
        assertThat(succeeded.exitCode()).as(succeeded.all()).isZero();
        assertThat(succeeded.out()).contains("succeeded");

        CompletableFuture<CliRun> failing = CompletableFuture.supplyAsync(() ->
                api("sync", connectionId, "--wait", "--force", "--poll", "PT0.05S", "--timeout", "PT30S"));
        awaitSyncRequests(2);
        setRunTime("failed_at");
        assertThat(failing.get(30, TimeUnit.SECONDS).exitCode()).isEqualTo(1);

        CliRun timedOut = api("sync", connectionId, "--wait", "--poll", "PT0.05S", "--timeout", "PT0.3S");
        assertThat(timedOut.exitCode()).isEqualTo(3);
        assertThat(timedOut.err()).contains("did not end within");
    }

    @Test
    void resyncRecordsTheTablesAsked() throws Exception {
        assertThat(api("resync", connectionId, "--table", "hello.greetings", "--table", "hello.people").exitCode()).isZero();
        assertThat((String) column("SELECT scope FROM sync_requests WHERE connection_id = ? AND kind <> 'sync'"))
                .contains("greetings", "people");
        assertThat(api("resync", connectionId, "--table", "nodot").err()).contains("SCHEMA.TABLE");
    }

    /** Plays the orchestrator: the sync ends now. */
    private void setRunTime(String column) throws Exception {
        try (Connection c = server.database().connection();
             PreparedStatement ps = c.prepareStatement("UPDATE connections SET " + column + " = ? WHERE id = ?")) {
            ps.setObject(1, LocalDateTime.now(ZoneOffset.UTC).plusSeconds(1));
            ps.setString(2, connectionId);
            ps.executeUpdate();
        }
    }

    private void awaitSyncRequest() throws Exception {
        awaitSyncRequests(1);
    }

    private void awaitSyncRequests(int n) throws Exception {
        for (int i = 0; i < 300; i++) {
            Object count = column("SELECT count(*) FROM sync_requests WHERE connection_id = ?");
            if (((Number) count).intValue() >= n) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the sync was never requested");
    }
}
