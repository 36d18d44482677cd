package io.tributary.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.api.model.Connection;
import io.tributary.api.model.ConnectionRequest;
import io.tributary.api.model.ConnectionState;
import io.tributary.api.model.ResyncRequest;
import io.tributary.api.model.SyncLogLine;
import io.tributary.api.model.SyncRequest;
import io.tributary.api.model.SyncRun;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code /v1/connections}: list, create, details, update, delete, setup tests, sync, re-sync, the connector
 * state, and (on a Tributary server) sync history and logs. Creates and updates take the typed {@link ConnectionRequest} or a whole JSON body (as a file holds it).
 */
public final class Connections {
    private final TributaryClient client;

    Connections(TributaryClient client) {
        this.client = client;
    }

    /** Which connections a list returns: all of them, one group's, and/or the one with a destination schema. */
    public record Filter(String groupId, String schema) {
        public static Filter all() {
            return new Filter(null, null);
        }

        public static Filter inGroup(String groupId) {
            return new Filter(Objects.requireNonNull(groupId, "groupId"), null);
        }

        /** Exact match of the destination schema name, as the API filters it. */
        public Filter withSchema(String schemaName) {
            return new Filter(groupId, Objects.requireNonNull(schemaName, "schemaName"));
        }

        String path() {
            String query = (groupId == null ? "" : "&group_id=" + encode(groupId))
                    + (schema == null ? "" : "&schema=" + encode(schema));
            return "connections" + (query.isEmpty() ? "" : "?" + query.substring(1));
        }
    }

    public Stream<Connection> list() {
        return list(Filter.all());
    }

    public Stream<Connection> list(Filter filter) {
        return client.list(filter.path(), Connection.class);
    }

    /** Every connection of a group, across all pages. */
    public Stream<Connection> inGroup(String groupId) {
        return list(Filter.inGroup(groupId));
    }

    /** Every connection of a group, across all pages of {@code pageSize} (1 to 1000) items each. */
    public Stream<Connection> inGroup(String groupId, int pageSize) {
        return client.list("groups/" + TributaryClient.segment(groupId) + "/connections", Connection.class, pageSize);
    }

    /** The group's connection loading into {@code schema}, if there is one (the pair is unique). */
    public Optional<Connection> find(String groupId, String schema) {
        return list(Filter.inGroup(groupId).withSchema(schema)).filter(c -> schema.equals(c.schema())).findFirst();
    }

    public Connection get(String id) {
        return connection(client.call("GET", path(id), null));
    }

    /** Creates a connection; the setup tests run unless the request says otherwise, so this is a slow call. */
    public Connection create(ConnectionRequest request) {
        return connection(client.callSlow("POST", "connections", request));
    }

    /** Creates a connection from a whole create body, e.g. one read from a file. */
    public Connection create(JsonNode body) {
        return connection(client.callSlow("POST", "connections", body));
    }

    /** Changes the fields the request sets; a changed config runs the setup tests again, so this is slow too. */
    public Connection update(String id, ConnectionRequest request) {
        return connection(client.callSlow("PATCH", path(id), request));
    }

    public Connection update(String id, JsonNode body) {
        return connection(client.callSlow("PATCH", path(id), body));
    }

    public Connection pause(String id, boolean paused) {
        return connection(client.call("PATCH", path(id), Map.of("paused", paused)));
    }

    public void delete(String id) {
        client.call("DELETE", path(id), null);
    }

    /** Runs the setup tests; {@code trust} accepts the certificates and fingerprints they meet. */
    public Connection test(String id, boolean trust) {
        return test(id, trust, trust);
    }

    /**
     * Runs the connection's setup tests again and returns the connection with their results in
     * {@code setup_tests} and the new {@code status.setup_state}; trusting approves the certificates or
     * fingerprints the tests meet, as the UI's "approve" does.
     */
    public Connection test(String id, boolean trustCertificates, boolean trustFingerprints) {
        return connection(client.callSlow("POST", path(id) + "/test", new TestRequest(trustCertificates, trustFingerprints)));
    }

    private record TestRequest(boolean trustCertificates, boolean trustFingerprints) {
    }

    /** Triggers a sync; {@code force} stops a running one and starts again. 200 means triggered, not done. */
    public void sync(String id, boolean force) {
        client.call("POST", path(id) + "/sync", new SyncRequest(force));
    }

    /** A historical re-sync of the whole connection. */
    public void resync(String id) {
        client.call("POST", path(id) + "/resync", Map.of());
    }

    /** A re-sync of the given tables, by schema. */
    public void resync(String id, Map<String, List<String>> scope) {
        if (scope.isEmpty()) {
            throw new IllegalArgumentException("name at least one table; resync(id) re-syncs the whole connection");
        }
        client.call("POST", path(id) + "/resync", new ResyncRequest(scope));
    }

    /** The connector's state (its cursors); an ApiError while it has none. */
    public JsonNode state(String id) {
        return client.read(client.call("GET", path(id) + "/state", null).path("data"), ConnectionState.class).state();
    }

    /** Replaces the connector's state; the connection must be paused. Answers the state as stored. */
    public JsonNode updateState(String id, JsonNode state) {
        Objects.requireNonNull(state, "state");
        return client.read(client.call("PATCH", path(id) + "/state", new ConnectionState(state)).path("data"),
                ConnectionState.class).state();
    }

    /**
     * The connection's syncs, newest first, across all pages (a Tributary server extension; Fivetran's cloud answers
     * 404 here).
     */
    public Stream<SyncRun> history(String id) {
        return client.list(path(id) + "/sync-history", SyncRun.class);
    }

    /** What one sync logged, in order; {@code syncId} null for the latest sync (Tributary server extension). */
    public Stream<SyncLogLine> logs(String id, String syncId) {
        return client.list(path(id) + "/logs" + (syncId == null ? "" : "?sync_id=" + encode(syncId)),
                SyncLogLine.class);
    }

    static String path(String id) {
        return "connections/" + TributaryClient.segment(id);
    }

    private Connection connection(JsonNode envelope) {
        return client.read(envelope.path("data"), Connection.class);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
