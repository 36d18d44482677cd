package io.tributary.cli;

import io.tributary.client.TributaryClient;
import io.tributary.server.ServerConfig;
import io.tributary.server.TributaryServer;
import io.tributary.server.auth.ApiKeys;
import io.tributary.server.schemas.Discovered;
import io.tributary.server.schemas.SchemaConfig;
import io.tributary.server.store.SchemaConfigStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** The real server on a fresh store, a client of it, and `tributary api …` run in-process against it. */
final class ApiServer implements AutoCloseable {
    final TributaryServer server;
    final TributaryClient client;
    final String url;
    private final ApiKeys.Credentials key;

    ApiServer(Path dataDir, Path logDir) {
        this(dataDir, logDir, UnaryOperator.identity());
    }

    ApiServer(Path dataDir, Path logDir, UnaryOperator<ServerConfig> tweak) {
        System.setProperty("TRIBUTARY_LOG_DIR", logDir.toString());
        server = TributaryServer.start(tweak.apply(ServerConfig.defaults().withPort(0).withDataDir(dataDir)));
        key = server.initialKey().orElseThrow();
        url = "http://127.0.0.1:" + server.port() + "/v1";
        client = TributaryClient.builder().baseUrl(url).apiKey(key.key()).apiSecret(key.secret()).build();
    }

    /** Runs {@code tributary api ARGS…} with this server's URL and credentials. */
    CliRun api(String... args) {
        return apiAt(url, args);
    }

    /** Runs {@code tributary api ARGS…} against another base URL with this server's credentials. */
    CliRun apiAt(String baseUrl, String... args) {
        List<String> all = new ArrayList<>(List.of("api"));
        all.addAll(List.of(args));
        all.addAll(List.of("--url", baseUrl, "--key", key.key(), "--secret", key.secret()));
        return CliRun.of(all.toArray(String[]::new));
    }

    /** Runs a top-level {@code tributary ARGS…} command with this server's URL and credentials added. */
    CliRun withCredentials(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--url", url, "--key", key.key(), "--secret", key.secret()));
        return CliRun.of(all.toArray(String[]::new));
    }

    String group(String name) {
        return client.groups().create(name).id();
    }

    /** A connector_sdk connection loading into {@code schema}, with extra config values. */
    String connection(String groupId, String schema, Map<String, Object> config) {
        Map<String, Object> all = new java.util.LinkedHashMap<>(Map.of("schema", schema, "connector_class", "x.Shop"));
        all.putAll(config);
        return client.call("POST", "connections", Map.of("group_id", groupId, "service", "connector_sdk",
                "config", all)).path("data").path("id").asText();
    }

    /** Records a capture of the connection's source schema, as the orchestrator does after reading the source. */
    SchemaConfig discover(String connectionId, Discovered.Table... tables) {
        return new SchemaConfigStore(server.database()).discover(connectionId, List.of(tables));
    }

    /** The connection's schema config as the server stores it. */
    Optional<SchemaConfig> storedSchemaConfig(String connectionId) {
        return new SchemaConfigStore(server.database()).find(connectionId);
    }

    /** The first column of the first row of a query with one text parameter, or null without rows. */
    Object value(String sql, String parameter) throws Exception {
        try (Connection c = server.database().connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getObject(1) : null;
            }
        }
    }

    /** How many connections the store has. */
    long connectionCount() throws Exception {
        try (Connection c = server.database().connection();
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM connections")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
