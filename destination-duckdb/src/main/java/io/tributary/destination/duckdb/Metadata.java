package io.tributary.destination.duckdb;

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

/**
 * The runtime's bookkeeping inside the warehouse, in schema {@value #SCHEMA}: each table's layout with the
 * runtime's types (DuckDB alone cannot tell XML from STRING), and the committed state.
 */
final class Metadata {
    static final String SCHEMA = "_tributary";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Connection connection;

    Metadata(Connection connection) {
        this.connection = connection;
    }

    void create() throws SQLException {
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE SCHEMA IF NOT EXISTS " + SCHEMA);
            st.execute("CREATE TABLE IF NOT EXISTS " + SCHEMA + ".tables (name VARCHAR PRIMARY KEY, layout VARCHAR NOT NULL)");
            st.execute("CREATE TABLE IF NOT EXISTS " + SCHEMA + ".state (id INTEGER PRIMARY KEY, state VARCHAR NOT NULL, "
                    + "committed_at TIMESTAMPTZ NOT NULL)");
        }
    }

    Map<String, TableSchema> tables() throws SQLException, JsonProcessingException {
        Map<String, TableSchema> out = new LinkedHashMap<>();
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT name, layout FROM " + SCHEMA + ".tables ORDER BY name")) {
            while (rs.next()) {
                out.put(rs.getString(1), JSON.readValue(rs.getString(2), TableSchema.class));
            }
        }
        return out;
    }

    void saveTable(TableSchema table) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT OR REPLACE INTO " + SCHEMA + ".tables (name, layout) VALUES (?, ?)")) {
            ps.setString(1, table.name());
            ps.setString(2, JSON.writeValueAsString(table));
            ps.executeUpdate();
        } catch (JsonProcessingException e) {
            throw new SQLException("cannot record the layout of " + table.name(), e);
        }
    }

    Optional<String> state() throws SQLException {
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT state FROM " + SCHEMA + ".state WHERE id = 1")) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        }
    }

    void saveState(String stateJson) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT OR REPLACE INTO " + SCHEMA + ".state (id, state, committed_at) VALUES (1, ?, now())")) {
            ps.setString(1, stateJson);
            ps.executeUpdate();
        }
    }
}
