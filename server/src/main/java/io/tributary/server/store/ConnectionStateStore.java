package io.tributary.server.store;

import java.time.Instant;
import java.util.Optional;

/** Each connection's connector state, as JSON text kept exactly as written, and who wrote it. */
public final class ConnectionStateStore {
    private final Jdbc jdbc;

    /** Who wrote a state: a sync's committed checkpoint, or the API (to be committed by the next sync). */
    public enum Writer { SYNC, API }

    public record Stored(String json, Writer writtenBy) {
    }

    public ConnectionStateStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The state, or empty while none was written. */
    public Optional<String> find(String connectionId) {
        return stored(connectionId).map(Stored::json);
    }

    public Optional<Stored> stored(String connectionId) {
        return jdbc.one("SELECT state_json, written_by FROM connection_states WHERE connection_id = ?",
                rs -> new Stored(rs.getString(1), Writer.valueOf(rs.getString(2).toUpperCase())), connectionId);
    }

    /** Writes the state; an update, else an insert (portable: H2 has no ON CONFLICT DO UPDATE). */
    public void write(String connectionId, String stateJson, Writer by) {
        Instant now = Instant.now();
        String writer = by.name().toLowerCase();
        String update = "UPDATE connection_states SET state_json = ?, updated_at = ?, written_by = ? "
                + "WHERE connection_id = ?";
        if (jdbc.update(update, stateJson, now, writer, connectionId) > 0) {
            return;
        }
        try {
            jdbc.update("INSERT INTO connection_states (connection_id, state_json, updated_at, written_by) "
                    + "VALUES (?, ?, ?, ?)", connectionId, stateJson, now, writer);
        } catch (Jdbc.DuplicateException raced) {
            jdbc.update(update, stateJson, now, writer, connectionId);
        }
    }
}
