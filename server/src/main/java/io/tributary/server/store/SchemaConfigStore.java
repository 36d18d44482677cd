package io.tributary.server.store;

import io.tributary.server.schemas.Discovered;
import io.tributary.server.schemas.Lock;
import io.tributary.server.schemas.SchemaChangeHandling;
import io.tributary.server.schemas.SchemaConfig;
import io.tributary.server.schemas.SyncMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Schema configs: one row per connection and one per schema, table and column. A save replaces the connection's
 * rows in one transaction, guarded by the config's version: configs are small (a source's tables and the columns
 * users touched), and whole-config writes keep a bulk PATCH atomic.
 */
public final class SchemaConfigStore {
    private final Database database;
    private final Jdbc jdbc;

    /** Another save of the same config came first; the caller's copy is stale. */
    public static final class ConcurrentChangeException extends RuntimeException {
        ConcurrentChangeException(String connectionId) {
            super("the schema config of connection '" + connectionId + "' changed meanwhile", null, false, false);
        }
    }

    public SchemaConfigStore(Database database) {
        this.database = database;
        this.jdbc = new Jdbc(database);
    }

    public Optional<SchemaConfig> find(String connectionId) {
        Optional<SchemaConfig> found = jdbc.one("SELECT * FROM schema_configs WHERE connection_id = ?",
                rs -> new SchemaConfig(connectionId, rs.getInt("version"),
                        SchemaChangeHandling.valueOf(rs.getString("schema_change_handling")),
                        rs.getBoolean("is_type_locked"), Jdbc.instant(rs, "captured_at")), connectionId);
        found.ifPresent(this::loadObjects);
        return found;
    }

    private void loadObjects(SchemaConfig config) {
        String id = config.connectionId();
        jdbc.query("SELECT * FROM schema_config_schemas WHERE connection_id = ?", rs -> config.addSchema(
                new SchemaConfig.Schema(rs.getString("schema_name"), rs.getString("name_in_destination"),
                        rs.getBoolean("enabled"), rs.getBoolean("in_source"))), id);
        jdbc.query("SELECT * FROM schema_config_tables WHERE connection_id = ?", rs -> {
            String mode = rs.getString("sync_mode");
            return config.schema(rs.getString("schema_name")).addTable(new SchemaConfig.Table(
                    rs.getString("table_name"), rs.getString("name_in_destination"), rs.getBoolean("enabled"),
                    mode == null ? null : SyncMode.valueOf(mode), rs.getBoolean("supports_columns_config"),
                    rs.getBoolean("supports_history_mode"), lock(rs), rs.getBoolean("in_source")));
        }, id);
        jdbc.query("SELECT * FROM schema_config_columns WHERE connection_id = ?", rs -> {
            boolean key = rs.getBoolean("is_primary_key");
            Boolean primaryKey = rs.wasNull() ? null : key;
            return config.schema(rs.getString("schema_name")).table(rs.getString("table_name")).addColumn(
                    new SchemaConfig.Column(rs.getString("column_name"), rs.getString("name_in_destination"),
                            rs.getBoolean("enabled"), rs.getBoolean("hashed"), primaryKey, lock(rs),
                            rs.getBoolean("user_set"), rs.getBoolean("in_source")));
        }, id);
    }

    private static Lock lock(ResultSet rs) throws SQLException {
        String code = rs.getString("locked_reason_code");
        return code == null ? null : new Lock(code, rs.getString("locked_reason"));
    }

    /** Stores a new config; {@link Jdbc.DuplicateException} when the connection has one already. */
    public void insert(SchemaConfig config) {
        inTransaction(c -> {
            execute(c, "INSERT INTO schema_configs (connection_id, schema_change_handling, is_type_locked, captured_at, "
                    + "version, updated_at) VALUES (?, ?, ?, ?, 1, ?)", config.connectionId(), config.handling().name(),
                    config.typeLocked(), config.capturedAt(), Instant.now());
            insertObjects(c, config);
        });
    }

    /** Replaces the stored config; {@link ConcurrentChangeException} when it is no longer the version loaded. */
    public void save(SchemaConfig config) {
        inTransaction(c -> {
            int changed = execute(c, "UPDATE schema_configs SET schema_change_handling = ?, is_type_locked = ?, "
                    + "captured_at = ?, version = version + 1, updated_at = ? WHERE connection_id = ? AND version = ?",
                    config.handling().name(), config.typeLocked(), config.capturedAt(), Instant.now(),
                    config.connectionId(), config.version());
            if (changed == 0) {
                throw new ConcurrentChangeException(config.connectionId());
            }
            execute(c, "DELETE FROM schema_config_schemas WHERE connection_id = ?", config.connectionId());
            insertObjects(c, config);
        });
    }

    /**
     * Records a capture of the source's whole schema (the orchestrator's entry point), creating the config with
     * ALLOW_ALL when there is none, as a first capture does. Retries once over a concurrent API change.
     */
    public SchemaConfig discover(String connectionId, List<Discovered.Table> source) {
        for (int attempt = 0; ; attempt++) {
            Optional<SchemaConfig> stored = find(connectionId);
            SchemaConfig config = stored.orElseGet(() -> SchemaConfig.fresh(connectionId, SchemaChangeHandling.ALLOW_ALL));
            config.capture(source, Instant.now());
            try {
                if (stored.isPresent()) {
                    save(config);
                } else {
                    insert(config);
                }
                return find(connectionId).orElseThrow();
            } catch (ConcurrentChangeException | Jdbc.DuplicateException e) {
                if (attempt > 0) {
                    throw e;
                }
            }
        }
    }

    private static void insertObjects(Connection c, SchemaConfig config) throws SQLException {
        String id = config.connectionId();
        try (PreparedStatement schemas = c.prepareStatement("INSERT INTO schema_config_schemas (connection_id, "
                + "schema_name, name_in_destination, enabled, in_source) VALUES (?, ?, ?, ?, ?)");
             PreparedStatement tables = c.prepareStatement("INSERT INTO schema_config_tables (connection_id, "
                     + "schema_name, table_name, name_in_destination, enabled, sync_mode, supports_columns_config, "
                     + "supports_history_mode, locked_reason_code, locked_reason, in_source) "
                     + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement columns = c.prepareStatement("INSERT INTO schema_config_columns (connection_id, "
                     + "schema_name, table_name, column_name, name_in_destination, enabled, hashed, is_primary_key, "
                     + "locked_reason_code, locked_reason, user_set, in_source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (SchemaConfig.Schema s : config.schemas().values()) {
                bind(schemas, id, s.name(), s.nameInDestination(), s.enabled(), s.inSource());
                schemas.addBatch();
                for (SchemaConfig.Table t : s.tables().values()) {
                    bind(tables, id, s.name(), t.name(), t.nameInDestination(), t.enabled(),
                            t.syncMode() == null ? null : t.syncMode().name(), t.supportsColumnsConfig(),
                            t.supportsHistoryMode(), t.lock() == null ? null : t.lock().reasonCode(),
                            t.lock() == null ? null : t.lock().reason(), t.inSource());
                    tables.addBatch();
                    for (SchemaConfig.Column col : t.columns().values()) {
                        bind(columns, id, s.name(), t.name(), col.name(), col.nameInDestination(), col.enabled(),
                                col.hashed(), col.primaryKey(), col.lock() == null ? null : col.lock().reasonCode(),
                                col.lock() == null ? null : col.lock().reason(), col.userSet(), col.inSource());
                        columns.addBatch();
                    }
                }
            }
            // Parents first, for the foreign keys.
            schemas.executeBatch();
            tables.executeBatch();
            columns.executeBatch();
        }
    }

    @FunctionalInterface
    private interface Work {
        void run(Connection c) throws SQLException;
    }

    private void inTransaction(Work work) {
        try (Connection c = database.connection()) {
            c.setAutoCommit(false);
            try {
                work.run(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                throw new Jdbc.DuplicateException(e);
            }
            throw new Jdbc.StoreException("schema config write", e);
        }
    }

    private static int execute(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        }
    }

    private static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            ps.setObject(i + 1, p instanceof Instant t ? LocalDateTime.ofInstant(t, ZoneOffset.UTC) : p);
        }
    }
}
