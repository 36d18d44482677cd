package io.tributary.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.api.ApiJson;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Requested syncs and re-syncs, recorded by the API for the orchestrator to run. */
public final class SyncRequestStore {
    private static final ObjectMapper JSON = ApiJson.mapper();
    private final Jdbc jdbc;

    /** What was asked for. */
    public enum Kind { SYNC, RESYNC }

    /**
     * One request.
     *
     * @param force  for a sync: stop a running sync and start again
     * @param scope  for a re-sync: schema name to tables; null for the whole connection
     */
    public record Request(String id, String connectionId, Kind kind, boolean force, Map<String, List<String>> scope,
                          String requestedBy, Instant requestedAt) {
    }

    public SyncRequestStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public Request record(String connectionId, Kind kind, boolean force, Map<String, List<String>> scope,
                          String requestedBy) {
        Request r = new Request(Ids.next(), connectionId, kind, force, scope, requestedBy, Instant.now());
        jdbc.update("INSERT INTO sync_requests (id, connection_id, kind, force_sync, scope, requested_by, requested_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)", r.id(), connectionId, kind.name(), force,
                scope == null ? null : ConnectionStore.write(scope), requestedBy, r.requestedAt());
        return r;
    }

    /** The connection's requests not yet taken by the orchestrator, oldest first. */
    public List<Request> pending(String connectionId) {
        return jdbc.query("SELECT * FROM sync_requests WHERE connection_id = ? AND handled_at IS NULL "
                + "ORDER BY requested_at, id", SyncRequestStore::map, connectionId);
    }

    /** Connections with requests not yet taken. */
    public Set<String> pendingConnections() {
        return new HashSet<>(jdbc.query("SELECT DISTINCT connection_id FROM sync_requests "
                + "WHERE handled_at IS NULL", rs -> rs.getString(1)));
    }

    /** Whether a forced sync of the connection waits: it replaces the running one. */
    public boolean forcePending(String connectionId) {
        return jdbc.count("SELECT COUNT(*) FROM sync_requests WHERE connection_id = ? AND handled_at IS NULL "
                + "AND force_sync = TRUE", connectionId) > 0;
    }

    /** Takes the connection's pending requests (marks them handled); a concurrent taker gets each at most once. */
    public List<Request> take(String connectionId, Instant now) {
        List<Request> taken = new ArrayList<>();
        for (Request r : pending(connectionId)) {
            if (jdbc.update("UPDATE sync_requests SET handled_at = ? WHERE id = ? AND handled_at IS NULL", now,
                    r.id()) > 0) {
                taken.add(r);
            }
        }
        return taken;
    }

    private static Request map(ResultSet rs) throws SQLException {
        String scope = rs.getString("scope");
        try {
            return new Request(rs.getString("id"), rs.getString("connection_id"), Kind.valueOf(rs.getString("kind")),
                    rs.getBoolean("force_sync"),
                    scope == null ? null : JSON.readValue(scope, new TypeReference<Map<String, List<String>>>() { }),
                    rs.getString("requested_by"), Jdbc.instant(rs, "requested_at"));
        } catch (JsonProcessingException e) {
            throw new SQLException("stored sync request " + rs.getString("id") + " is not readable JSON", e);
        }
    }
}
