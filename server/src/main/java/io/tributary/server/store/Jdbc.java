package io.tributary.server.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Plain JDBC with the boilerplate taken out. Timestamps are stored as UTC TIMESTAMP columns. */
public final class Jdbc {
    private final Database database;

    public Jdbc(Database database) {
        this.database = database;
    }

    /** Maps one row. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    public <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        try (Connection c = database.connection(); PreparedStatement ps = prepare(c, sql, params);
             ResultSet rs = ps.executeQuery()) {
            List<T> out = new ArrayList<>();
            while (rs.next()) {
                out.add(mapper.map(rs));
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException(sql, e);
        }
    }

    public <T> Optional<T> one(String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = query(sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    public long count(String sql, Object... params) {
        return one(sql, rs -> rs.getLong(1), params).orElse(0L);
    }

    /** Runs an insert, update or delete and returns the rows changed. */
    public int update(String sql, Object... params) {
        try (Connection c = database.connection(); PreparedStatement ps = prepare(c, sql, params)) {
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw translate(sql, e);
        }
    }

    /** The exception a failed write is reported with: duplicates and broken references apart from outages. */
    static RuntimeException translate(String sql, SQLException e) {
        if (isUniqueViolation(e)) {
            return new DuplicateException(e);
        }
        if (isReferenceViolation(e)) {
            return new ReferenceException(e);
        }
        return new StoreException(sql, e);
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... params) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            ps.setObject(i + 1, p instanceof Instant t ? LocalDateTime.ofInstant(t, ZoneOffset.UTC) : p);
        }
        return ps;
    }

    public static Instant instant(ResultSet rs, String column) throws SQLException {
        LocalDateTime t = rs.getObject(column, LocalDateTime.class);
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }

    /** SQLSTATE 23505 is a unique-key violation in both PostgreSQL and H2. */
    private static boolean isUniqueViolation(SQLException e) {
        return "23505".equals(e.getSQLState());
    }

    /** A foreign key is broken: PostgreSQL says 23503 for both sides; H2 23503 (rows refer to it) or 23506 (gone). */
    private static boolean isReferenceViolation(SQLException e) {
        return "23503".equals(e.getSQLState()) || "23506".equals(e.getSQLState());
    }

    /** A store failure that is a bug or an outage, not the caller's input. */
    public static class StoreException extends RuntimeException {
        StoreException(String sql, SQLException cause) {
            super("store query failed (" + cause.getSQLState() + "): " + cause.getMessage() + " [" + sql + "]", cause);
        }
    }

    /** A write would break a foreign key: the row referred to is gone, or rows still refer to the one deleted. */
    public static final class ReferenceException extends RuntimeException {
        ReferenceException(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }

    /** A row with the same unique key exists. */
    public static final class DuplicateException extends RuntimeException {
        DuplicateException(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
