package io.tributary.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** The lines a sync logged, numbered in order within the sync. */
public final class SyncLogStore {
    /** Longer messages are cut (stack traces are summarised by the writer). */
    public static final int MAX_MESSAGE = 8192;
    private final Database database;
    private final Jdbc jdbc;

    public record Line(String syncId, int seq, Instant loggedAt, String level, String logger, String message) {
    }

    public SyncLogStore(Database database) {
        this.database = database;
        this.jdbc = new Jdbc(database);
    }

    /** Appends lines in one batch. */
    public void append(List<Line> lines) {
        if (lines.isEmpty()) {
            return;
        }
        String sql = "INSERT INTO sync_logs (sync_id, seq, logged_at, level, logger, message) VALUES (?, ?, ?, ?, ?, ?)";
        try (Connection c = database.connection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (Line l : lines) {
                ps.setString(1, l.syncId());
                ps.setInt(2, l.seq());
                ps.setTimestamp(3, Timestamp.valueOf(LocalDateTime.ofInstant(l.loggedAt(), ZoneOffset.UTC)));
                ps.setString(4, l.level());
                ps.setString(5, cut(l.logger(), 256));
                ps.setString(6, cut(l.message(), MAX_MESSAGE));
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new Jdbc.StoreException(sql, e);
        }
    }

    /** The sync's lines from {@code afterSeq} on, in order. */
    public List<Line> lines(String syncId, int afterSeq, int fetch) {
        return jdbc.query("SELECT * FROM sync_logs WHERE sync_id = ? AND seq > ? ORDER BY seq LIMIT ?",
                rs -> new Line(rs.getString("sync_id"), rs.getInt("seq"), Jdbc.instant(rs, "logged_at"),
                        rs.getString("level"), rs.getString("logger"), rs.getString("message")),
                syncId, afterSeq, fetch);
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
