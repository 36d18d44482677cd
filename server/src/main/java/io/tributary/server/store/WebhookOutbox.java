package io.tributary.server.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Webhook deliveries in the store: queued with each event, claimed by one node at a time, retried until given up. */
public final class WebhookOutbox {
    private final Jdbc jdbc;

    public enum Status { PENDING, DELIVERED, ABANDONED }

    public record Delivery(String id, String webhookId, String event, String payload, Status status,
                           Instant createdAt, int attempts, Instant nextAttemptAt, Instant deliveredAt,
                           String lastError) {
    }

    public WebhookOutbox(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void enqueue(String webhookId, String event, String payload, Instant now) {
        jdbc.update("INSERT INTO webhook_deliveries (id, webhook_id, event, payload, status, created_at, attempts, "
                + "next_attempt_at) VALUES (?, ?, ?, ?, 'PENDING', ?, 0, ?)", Ids.next(), webhookId, event, payload,
                now, now);
    }

    /** Claims up to {@code limit} due deliveries until {@code claimedUntil}; each is claimed by one caller only. */
    public List<Delivery> claimDue(Instant now, Instant claimedUntil, int limit) {
        List<Delivery> claimed = new ArrayList<>();
        for (Delivery d : jdbc.query("SELECT * FROM webhook_deliveries WHERE status = 'PENDING' AND next_attempt_at <= ? "
                + "AND (claimed_until IS NULL OR claimed_until < ?) ORDER BY next_attempt_at, id LIMIT ?",
                WebhookOutbox::map, now, now, limit)) {
            if (jdbc.update("UPDATE webhook_deliveries SET claimed_until = ? WHERE id = ? AND status = 'PENDING' "
                    + "AND (claimed_until IS NULL OR claimed_until < ?)", claimedUntil, d.id(), now) > 0) {
                claimed.add(d);
            }
        }
        return claimed;
    }

    public void delivered(String id, Instant at) {
        jdbc.update("UPDATE webhook_deliveries SET status = 'DELIVERED', delivered_at = ?, attempts = attempts + 1, "
                + "claimed_until = NULL, last_error = NULL WHERE id = ?", at, id);
    }

    /** A failed attempt: tried again at {@code next}, or given up when {@code next} is null. */
    public void failed(String id, String error, Instant next) {
        String cut = error.length() > 2048 ? error.substring(0, 2047) + "…" : error;
        if (next == null) {
            jdbc.update("UPDATE webhook_deliveries SET status = 'ABANDONED', attempts = attempts + 1, "
                    + "claimed_until = NULL, last_error = ? WHERE id = ?", cut, id);
        } else {
            jdbc.update("UPDATE webhook_deliveries SET attempts = attempts + 1, next_attempt_at = ?, "
                    + "claimed_until = NULL, last_error = ? WHERE id = ?", next, cut, id);
        }
    }

    /** A webhook's deliveries, newest first. */
    public List<Delivery> ofWebhook(String webhookId) {
        return jdbc.query("SELECT * FROM webhook_deliveries WHERE webhook_id = ? ORDER BY created_at DESC, id",
                WebhookOutbox::map, webhookId);
    }

    private static Delivery map(ResultSet rs) throws SQLException {
        return new Delivery(rs.getString("id"), rs.getString("webhook_id"), rs.getString("event"),
                rs.getString("payload"), Status.valueOf(rs.getString("status")), Jdbc.instant(rs, "created_at"),
                rs.getInt("attempts"), Jdbc.instant(rs, "next_attempt_at"), Jdbc.instant(rs, "delivered_at"),
                rs.getString("last_error"));
    }
}
