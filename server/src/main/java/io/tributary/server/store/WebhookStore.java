package io.tributary.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.api.ApiJson;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Webhooks in the metadata store; events are stored as a JSON list. */
public final class WebhookStore {
    private static final ObjectMapper JSON = ApiJson.mapper();
    private final Jdbc jdbc;

    /**
     * A stored webhook, secret included.
     *
     * @param groupId null for an account webhook
     * @param secret  null when deliveries are not signed
     */
    public record Row(String id, String type, String groupId, String url, List<String> events, boolean active,
                      String secret, Instant createdAt, String createdBy) {

        public Row with(String newUrl, List<String> newEvents, boolean newActive, String newSecret) {
            return new Row(id, type, groupId, newUrl, newEvents, newActive, newSecret, createdAt, createdBy);
        }
    }

    public WebhookStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public List<Row> list(int skip, int fetch) {
        return jdbc.query("SELECT * FROM webhooks ORDER BY created_at, id LIMIT ? OFFSET ?", WebhookStore::map,
                fetch, skip);
    }

    /** Active webhooks that hear {@code groupId}'s events: the group's own and the account's. */
    public List<Row> listening(String groupId) {
        return jdbc.query("SELECT * FROM webhooks WHERE active = TRUE AND (group_id IS NULL OR group_id = ?) "
                + "ORDER BY created_at, id", WebhookStore::map, groupId);
    }

    /** Turns a webhook off (its deliveries kept failing); true when it was on. */
    public boolean deactivate(String id) {
        return jdbc.update("UPDATE webhooks SET active = FALSE WHERE id = ? AND active = TRUE", id) > 0;
    }

    public Optional<Row> find(String id) {
        return jdbc.one("SELECT * FROM webhooks WHERE id = ?", WebhookStore::map, id);
    }

    public void insert(Row r) {
        jdbc.update("INSERT INTO webhooks (id, type, group_id, url, events, active, secret, created_at, created_by) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", r.id(), r.type(), r.groupId(), r.url(),
                write(r.events()), r.active(), r.secret(), r.createdAt(), r.createdBy());
    }

    public void update(Row r) {
        jdbc.update("UPDATE webhooks SET url = ?, events = ?, active = ?, secret = ? WHERE id = ?", r.url(),
                write(r.events()), r.active(), r.secret(), r.id());
    }

    public boolean delete(String id) {
        return jdbc.update("DELETE FROM webhooks WHERE id = ?", id) > 0;
    }

    private static String write(List<String> events) {
        try {
            return JSON.writeValueAsString(events);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Row map(ResultSet rs) throws SQLException {
        try {
            return new Row(rs.getString("id"), rs.getString("type"), rs.getString("group_id"), rs.getString("url"),
                    JSON.readValue(rs.getString("events"), new TypeReference<List<String>>() { }),
                    rs.getBoolean("active"), rs.getString("secret"), Jdbc.instant(rs, "created_at"),
                    rs.getString("created_by"));
        } catch (JsonProcessingException e) {
            throw new SQLException("stored webhook " + rs.getString("id") + " has unreadable events", e);
        }
    }
}
