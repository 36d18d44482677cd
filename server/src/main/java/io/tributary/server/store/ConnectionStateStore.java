package io.tributary.server.store;

import java.time.Instant;
import java.util.Optional;

/** Each connection's connector state, as JSON text kept exactly as written. */
public final class ConnectionStateStore {
    private final Jdbc jdbc;

    public ConnectionStateStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The state, or empty while none was written. */
    public Optional<String> find(String connectionId) {
        return jdbc.one("SELECT state_json FROM connection_states WHERE connection_id = ?", rs -> rs.getString(1),
                connectionId);
    }

    /** Writes the state; an update, else an insert (portable: H2 has no ON CONFLICT DO UPDATE). */
    public void write(String connectionId, String stateJson) {
        Instant now = Instant.now();
        if (jdbc.update("UPDATE connection_states SET state_json = ?, updated_at = ? WHERE connection_id = ?",
                stateJson, now, connectionId) > 0) {
            return;
        }
        try {
            jdbc.update("INSERT INTO connection_states (connection_id, state_json, updated_at) VALUES (?, ?, ?)",
                    connectionId, stateJson, now);
        } catch (Jdbc.DuplicateException raced) {
            jdbc.update("UPDATE connection_states SET state_json = ?, updated_at = ? WHERE connection_id = ?",
                    stateJson, now, connectionId);
        }
    }
}
