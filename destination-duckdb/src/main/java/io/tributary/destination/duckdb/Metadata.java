package io.tributary.destination.duckdb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.runtime.destination.DestinationException;
import io.tributary.runtime.schema.TableSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The runtime's bookkeeping inside the warehouse, in schema {@value #SCHEMA}, per target schema (one warehouse
 * can hold many connections): each table's layout with the runtime's types (DuckDB alone cannot tell XML from
 * STRING), and the committed state with the fencing token of the sync that committed it.
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
            st.execute("CREATE SCHEMA IF NOT EXISTS " + SCHEMA);
            st.execute("CREATE TABLE IF NOT EXISTS " + SCHEMA + ".layouts (schema_name VARCHAR NOT NULL, "
                    + "table_name VARCHAR NOT NULL, layout VARCHAR NOT NULL, PRIMARY KEY (schema_name, table_name))");
            st.execute("CREATE TABLE IF NOT EXISTS " + SCHEMA + ".states (schema_name VARCHAR PRIMARY KEY, "
                    + "state VARCHAR NOT NULL, fence BIGINT NOT NULL, committed_at TIMESTAMPTZ NOT NULL)");
        }
        migrateUnkeyed();
    }

    /** Warehouses written before metadata was keyed by schema held one schema's: the one being opened. */
    private void migrateUnkeyed() throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_schema = '"
                     + SCHEMA + "' AND table_name IN ('tables', 'state')")) {
            rs.next();
            if (rs.getInt(1) < 2) {
                return;
            }
        }
        try (PreparedStatement layouts = connection.prepareStatement("INSERT OR IGNORE INTO " + SCHEMA
                + ".layouts SELECT ?, name, layout FROM " + SCHEMA + ".tables");
             PreparedStatement state = connection.prepareStatement("INSERT OR IGNORE INTO " + SCHEMA
                     + ".states SELECT ?, state, 0, committed_at FROM " + SCHEMA + ".state WHERE id = 1");
             Statement st = connection.createStatement()) {
            layouts.setString(1, schema);
            layouts.executeUpdate();
            state.setString(1, schema);
            state.executeUpdate();
            st.execute("DROP TABLE " + SCHEMA + ".tables");
            st.execute("DROP TABLE " + SCHEMA + ".state");
        }
    }

    Map<String, TableSchema> tables() throws SQLException, JsonProcessingException {
        Map<String, TableSchema> out = new LinkedHashMap<>();
        try (PreparedStatement ps = connection.prepareStatement("SELECT table_name, layout FROM " + SCHEMA
                + ".layouts WHERE schema_name = ? ORDER BY table_name")) {
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
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT OR REPLACE INTO " + SCHEMA + ".layouts (schema_name, table_name, layout) VALUES (?, ?, ?)")) {
            ps.setString(1, schema);
            ps.setString(2, table.name());
            ps.setString(3, JSON.writeValueAsString(table));
            ps.executeUpdate();
        } catch (JsonProcessingException e) {
            throw new SQLException("cannot record the layout of " + table.name(), e);
        }
    }

    Optional<String> state() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT state FROM " + SCHEMA
                + ".states WHERE schema_name = ?")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /**
     * Records the state inside the open transaction. With a {@code fence} (non-null), fails when a sync with a
     * higher token has committed, and records this token; without one (local runs) the stored token is kept.
     */
    void saveState(String stateJson, Long fence) throws SQLException {
        long stored = storedFence();
        if (fence != null && stored > fence) {
            throw fencedOut(stored, fence);
        }
        try (PreparedStatement ps = connection.prepareStatement("INSERT OR REPLACE INTO " + SCHEMA
                + ".states (schema_name, state, fence, committed_at) VALUES (?, ?, ?, now())")) {
            ps.setString(1, schema);
            ps.setString(2, stateJson);
            ps.setLong(3, fence == null ? stored : Math.max(stored, fence));
            ps.executeUpdate();
        }
    }

    /** The fencing token of the last commit to this schema, as this connection's transaction sees it; 0 for none. */
    long storedFence() throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT fence FROM " + SCHEMA
                + ".states WHERE schema_name = ?")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    DestinationException fencedOut(long stored, long fence) {
        return new DestinationException("schema " + schema + " was committed by a newer sync (fencing token "
                + stored + ") than this one (fencing token " + fence + "); this sync lost its lease and stops without "
                + "committing. The newer sync's data and state stand; nothing needs doing.");
    }
}
