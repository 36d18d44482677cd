package io.tributary.examples.update_configuration_during_sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.api.model.SyncRun;
import io.tributary.client.ApiError;
import io.tributary.client.SyncWaiter;
import io.tributary.client.TributaryClient;
import io.tributary.playground.Playground;
import io.tributary.server.ServerConfig;
import io.tributary.server.TributaryServer;
import io.tributary.server.auth.ApiKeys;
import io.tributary.server.store.ConnectionStore;
import io.tributary.server.store.Jdbc;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deployed to a real Tributary server: each login's token is saved in the connection and reused by the next sync. */
class DeployedConfigurationUpdateTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    @TempDir
    Path dir;
    private Playground playground;
    private TributaryServer server;
    private TributaryClient client;
    private ApiKeys.Credentials key;
    private String group;

    @BeforeEach
    void start() {
        playground = Playground.start(0);
        System.setProperty("TRIBUTARY_LOG_DIR", dir.resolve("logs").toString());
        server = TributaryServer.start(ServerConfig.defaults().withPort(0).withDataDir(dir.resolve("server"))
                .withSyncWorkers(1, null));
        key = server.initialKey().orElseThrow();
        client = TributaryClient.builder().baseUrl(apiUrl()).apiKey(key.key()).apiSecret(key.secret()).build();
        group = client.groups().create("warehouse").id();
        client.destinations().create(group, "duckdb", "0", Map.of("path", warehouse().toString()));
    }

    @AfterEach
    void stop() {
        server.close();
        playground.close();
    }

    @Test
    void eachLoginSavesItsTokenInTheConnectionAndTheNextSyncReusesIt() throws Exception {
        String id = connection(key.key() + ":" + key.secret());

        assertThat(sync(id)).isEqualTo(SyncWaiter.Outcome.SUCCEEDED);
        assertThat(users()).isEqualTo(200);
        String first = savedToken(id);
        assertThat(dataStatus(first)).as("the saved token is the playground's").isEqualTo(200);
        assertThat(client.connections().state(id).path("last_token_refresh_time").asText())
                .isNotBlank();

        assertThat(sync(id)).isEqualTo(SyncWaiter.Outcome.SUCCEEDED);
        assertThat(savedToken(id)).as("a token younger than an hour is reused").isEqualTo(first);

        playground.expireTokens(); // the API drops the session early: the connector logs in again and saves that
        playground.nextDay();
        assertThat(sync(id)).isEqualTo(SyncWaiter.Outcome.SUCCEEDED);
        String second = savedToken(id);
        assertThat(second).isNotEqualTo(first);
        assertThat(dataStatus(second)).isEqualTo(200);
        assertThat(users()).isEqualTo(210);
        // The rest of the configuration came back as it was.
        assertThat(secret(id, "username")).isEqualTo("playground");
        assertThat(secret(id, "base_url")).isEqualTo(playground.baseUrl());
    }

    @Test
    void aKeyTheServerRefusesFailsTheSyncNamingTheKeyAndLosesNothing() throws Exception {
        String id = connection(key.key() + ":not-the-secret");

        assertThat(sync(id)).isEqualTo(SyncWaiter.Outcome.FAILED);
        SyncRun run = client.connections().history(id).findFirst().orElseThrow();
        assertThat(run.error())
                .contains("saving [token] in the configuration of connection " + id + " failed")
                .contains("check fivetran_api_key (an API key allowed to edit the connection) and fivetran_api_url");
        assertThat(savedToken(id)).isNull();
        assertThatThrownBy(() -> client.connections().state(id)).isInstanceOf(ApiError.class)
                .hasMessageContaining("has no state yet");
        assertThat(tables().contains("user") ? users() : 0L).as("users written").isZero();
    }

    private SyncWaiter.Outcome sync(String id) {
        return client.syncWaiter().pollEvery(Duration.ofMillis(100)).syncAndWait(id, false, WAIT).outcome();
    }

    private String connection(String apiKey) {
        String encoded = Base64.getEncoder().encodeToString(apiKey.getBytes(StandardCharsets.UTF_8));
        List<Map<String, String>> secrets = List.of(
                Map.of("key", "username", "value", "playground"),
                Map.of("key", "password", "value", "playground"),
                Map.of("key", "fivetran_api_key", "value", encoded),
                Map.of("key", "fivetran_api_url", "value", apiUrl()),
                Map.of("key", "base_url", "value", playground.baseUrl()));
        return client.call("POST", "connections", Map.of("group_id", group, "service", "connector_sdk",
                "schedule_type", "manual", "paused", false,
                "config", Map.of("schema", "sessions", "secrets_list", secrets,
                        "connector_class", UpdateConfigurationDuringSyncConnector.class.getName())))
                .path("data").path("id").asText();
    }

    private String apiUrl() {
        return "http://127.0.0.1:" + server.port() + "/v1";
    }

    private Path warehouse() {
        return dir.resolve("warehouse.db");
    }

    /** The token as the server stores it (API responses mask it); null when none was saved. */
    private String savedToken(String id) {
        return secret(id, "token");
    }

    private String secret(String id, String name) {
        Object secrets = new ConnectionStore(new Jdbc(server.database())).find(id).orElseThrow().config().get("secrets_list");
        for (Object item : (List<?>) secrets) {
            Map<?, ?> entry = (Map<?, ?>) item;
            if (name.equals(entry.get("key"))) {
                return entry.get("value").toString();
            }
        }
        return null;
    }

    private int dataStatus(String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(playground.baseUrl() + "/auth/session_token/data"))
                .header("Authorization", "Token " + token).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private List<String> tables() throws Exception {
        List<String> names = new java.util.ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + warehouse().toAbsolutePath());
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT table_name FROM information_schema.tables WHERE table_schema = 'sessions'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private long users() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + warehouse().toAbsolutePath());
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM sessions.\"user\"")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
