package io.tributary.destination.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.runtime.schema.TableSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The runtime's bookkeeping in schema {@value #SCHEMA}, keyed by target schema so several targets share one
 * database: each table's layout with the runtime's types (PostgreSQL alone cannot tell XML from STRING), the
 * committed state, and the fence token of the last commit.
 */
final class Metadata {
    static final String SCHEMA = "_tributary";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Connection connection;
    private final String schema;

    Metadata(Connection connection, String schema) {
        this.connection = connection;
        this.schema = schema;
    }

    void create() throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS " + SCHEMA + ".tables (schema_name text NOT NULL, table_name text NOT NULL, "
                    + "layout text NOT NULL, PRIMARY KEY (schema_name, table_name))");
            st.execute("CREATE TABLE IF NOT EXISTS " + SCHEMA + ".state (schema_name text PRIMARY KEY, state text NOT NULL, "
                    + "fence bigint NOT NULL DEFAULT 0, committed_at timestamptz NOT NULL)");
        }
    }

    Map<String, TableSchema> tables() throws SQLException, JsonProcessingException {
        Map<String, TableSchema> out = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT table_name, layout FROM " + SCHEMA + ".tables WHERE schema_name = ? ORDER BY table_name")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), JSON.readValue(rs.getString(2), TableSchema.class));
                }
            }
        }
        return out;
    }

    void saveTable(TableSchema table) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO " + SCHEMA + ".tables (schema_name, "
                + "table_name, layout) VALUES (?, ?, ?) ON CONFLICT (schema_name, table_name) DO UPDATE SET layout = "
                + "excluded.layout")) {
            ps.setString(1, schema);
            ps.setString(2, table.name());
            ps.setString(3, JSON.writeValueAsString(table));
            ps.executeUpdate();
        } catch (JsonProcessingException e) {
            throw new SQLException("cannot record the layout of " + table.name(), e);
        }
    }

    Optional<String> state() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT state FROM " + SCHEMA + ".state WHERE schema_name = ?")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** The token of the last commit, without locking; empty before the first commit. */
    OptionalLong fence() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT fence FROM " + SCHEMA + ".state WHERE schema_name = ?")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    /**
     * Locks this schema's state row until the transaction ends, creating it first if need be (the placeholder is
     * overwritten by {@link #saveState} or rolled back), and returns the token of the last commit. Commits to one
     * schema thereby run one at a time.
     */
    long lockState() throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + SCHEMA + ".state (schema_name, "
                + "state, fence, committed_at) VALUES (?, '{}', 0, now()) ON CONFLICT (schema_name) DO NOTHING");
             PreparedStatement lock = connection.prepareStatement(
                     "SELECT fence FROM " + SCHEMA + ".state WHERE schema_name = ? FOR UPDATE")) {
            insert.setString(1, schema);
            insert.executeUpdate();
            lock.setString(1, schema);
            try (ResultSet rs = lock.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Records the state; the stored token only grows, so an unfenced commit never lowers it. */
    void saveState(String stateJson, long fence) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("UPDATE " + SCHEMA + ".state SET state = ?, "
                + "fence = greatest(fence, ?), committed_at = now() WHERE schema_name = ?")) {
            ps.setString(1, stateJson);
            ps.setLong(2, fence);
            ps.setString(3, schema);
            ps.executeUpdate();
        }
    }
}
