package io.tributary.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.api.ApiJson;
import io.tributary.api.model.ConnectionAlert;
import io.tributary.api.model.SetupTest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Connections in the metadata store; configuration, setup tests, tasks and warnings are stored as JSON text. */
public final class ConnectionStore {
    private static final ObjectMapper JSON = ApiJson.mapper();
    private final Jdbc jdbc;

    /** A stored connection, secrets included. {@code schema} is the destination schema, unique in its group. */
    public record Row(String id, String groupId, String service, int serviceVersion, String schema, String connectedBy,
                      Instant createdAt, ConnectionSettings settings, Map<String, Object> config,
                      ConnectionRunStatus status) {

        public Row with(ConnectionSettings newSettings, Map<String, Object> newConfig, ConnectionRunStatus newStatus) {
            return new Row(id, groupId, service, serviceVersion, schema, connectedBy, createdAt, newSettings, newConfig,
                    newStatus);
        }
    }

    public ConnectionStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** A page of connections, oldest first; {@code groupId} and {@code schema} filter when not null. */
    public List<Row> list(String groupId, String schema, int skip, int fetch) {
        StringBuilder sql = new StringBuilder("SELECT * FROM connections WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (groupId != null) {
            sql.append(" AND group_id = ?");
            params.add(groupId);
        }
        if (schema != null) {
            sql.append(" AND schema_name = ?");
            params.add(schema);
        }
        sql.append(" ORDER BY created_at, id LIMIT ? OFFSET ?");
        params.add(fetch);
        params.add(skip);
        return jdbc.query(sql.toString(), ConnectionStore::map, params.toArray());
    }

    public Optional<Row> find(String id) {
        return jdbc.one("SELECT * FROM connections WHERE id = ?", ConnectionStore::map, id);
    }

    /**
     * Throws {@link Jdbc.DuplicateException} when the group has a connection with the same schema or another
     * connection runs the package of {@code config.package_id}, {@link Jdbc.ReferenceException} when that package
     * does not exist.
     */
    public void insert(Row r) {
        ConnectionSettings s = r.settings();
        ConnectionRunStatus st = r.status();
        jdbc.update("INSERT INTO connections (id, group_id, service, service_version, schema_name, connected_by, "
                        + "created_at, paused, pause_after_trial, sync_frequency, schedule_type, daily_sync_time, "
                        + "data_delay_sensitivity, data_delay_threshold, networking_method, proxy_agent_id, "
                        + "private_link_id, hybrid_deployment_agent_id, destination_schema_names, virtual_warehouse, "
                        + "external_secrets_manager_id, config, setup_state, setup_tests, sync_state, update_state, "
                        + "is_historical_sync, schema_status, rescheduled_for, succeeded_at, failed_at, tasks, warnings, "
                        + "package_id) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                r.id(), r.groupId(), r.service(), r.serviceVersion(), r.schema(), r.connectedBy(), r.createdAt(),
                s.paused(), s.pauseAfterTrial(), s.syncFrequency(), s.scheduleType(), s.dailySyncTime(),
                s.dataDelaySensitivity(), s.dataDelayThreshold(), s.networkingMethod(), s.proxyAgentId(),
                s.privateLinkId(), s.hybridDeploymentAgentId(), s.destinationSchemaNames(), s.virtualWarehouse(),
                s.externalSecretsManagerId(), write(r.config()), st.setupState(), write(st.setupTests()),
                st.syncState(), st.updateState(), st.historicalSync(), st.schemaStatus(), st.rescheduledFor(),
                st.succeededAt(), st.failedAt(), write(st.tasks()), write(st.warnings()), packageId(r));
    }

    /**
     * Stores what the API changes: settings, configuration, setup results, schema status and the historical-sync
     * flag. The other run fields (sync and update state, timestamps, tasks, warnings) are the orchestrator's, and
     * the package the connection runs is moved only by {@link #updateWithPackage}.
     */
    public void update(Row r) {
        update(r, false);
    }

    /**
     * {@link #update} that also moves the connection to the package of its {@code config.package_id} (or to none),
     * with {@link #insert}'s exceptions.
     */
    public void updateWithPackage(Row r) {
        update(r, true);
    }

    private void update(Row r, boolean withPackage) {
        ConnectionSettings s = r.settings();
        ConnectionRunStatus st = r.status();
        List<Object> params = new ArrayList<>(Arrays.asList(s.paused(), s.pauseAfterTrial(), s.syncFrequency(),
                s.scheduleType(), s.dailySyncTime(), s.dataDelaySensitivity(), s.dataDelayThreshold(),
                s.networkingMethod(), s.proxyAgentId(), s.privateLinkId(), s.hybridDeploymentAgentId(),
                s.virtualWarehouse(), s.externalSecretsManagerId(), write(r.config()), st.setupState(),
                write(st.setupTests()), st.historicalSync(), st.schemaStatus()));
        if (withPackage) {
            params.add(packageId(r));
        }
        params.add(r.id());
        jdbc.update("UPDATE connections SET paused = ?, pause_after_trial = ?, sync_frequency = ?, schedule_type = ?, "
                        + "daily_sync_time = ?, data_delay_sensitivity = ?, data_delay_threshold = ?, "
                        + "networking_method = ?, proxy_agent_id = ?, private_link_id = ?, "
                        + "hybrid_deployment_agent_id = ?, virtual_warehouse = ?, external_secrets_manager_id = ?, "
                        + "config = ?, setup_state = ?, setup_tests = ?, is_historical_sync = ?, schema_status = ?"
                        + (withPackage ? ", package_id = ?" : "") + " WHERE id = ?",
                params.toArray());
    }

    /** Connections a scheduler may run: set up, not paused, of {@code service}. */
    public List<Row> runnable(String service) {
        return jdbc.query("SELECT * FROM connections WHERE service = ? AND paused = FALSE AND setup_state = 'connected' "
                + "ORDER BY created_at, id", ConnectionStore::map, service);
    }

    /** The orchestrator took the connection for a sync. */
    public void syncStarted(String id) {
        jdbc.update("UPDATE connections SET sync_state = 'syncing', rescheduled_for = NULL WHERE id = ?", id);
    }

    /**
     * A sync ended: the API shows {@code succeeded_at} or {@code failed_at} moving past the previous values, which is
     * what every orchestrator polls for (reference §2.4); a success ends the historical sync.
     */
    public void syncEnded(String id, boolean succeeded, Instant at) {
        if (succeeded) {
            jdbc.update("UPDATE connections SET sync_state = 'scheduled', succeeded_at = ?, is_historical_sync = FALSE "
                    + "WHERE id = ?", at, id);
        } else {
            jdbc.update("UPDATE connections SET sync_state = 'scheduled', failed_at = ? WHERE id = ?", at, id);
        }
    }

    /** Deletes the connection with its state and sync requests (ON DELETE CASCADE). */
    public boolean delete(String id) {
        return jdbc.update("DELETE FROM connections WHERE id = ?", id) > 0;
    }

    private static Row map(ResultSet rs) throws SQLException {
        try {
            ConnectionSettings settings = new ConnectionSettings(rs.getBoolean("paused"),
                    rs.getBoolean("pause_after_trial"), rs.getInt("sync_frequency"), rs.getString("schedule_type"),
                    rs.getString("daily_sync_time"), rs.getString("data_delay_sensitivity"),
                    rs.getInt("data_delay_threshold"), rs.getString("networking_method"),
                    rs.getString("proxy_agent_id"), rs.getString("private_link_id"),
                    rs.getString("hybrid_deployment_agent_id"), rs.getString("destination_schema_names"),
                    rs.getString("virtual_warehouse"), rs.getString("external_secrets_manager_id"));
            ConnectionRunStatus status = new ConnectionRunStatus(rs.getString("setup_state"),
                    JSON.readValue(rs.getString("setup_tests"), new TypeReference<List<SetupTest>>() { }),
                    rs.getString("sync_state"), rs.getString("update_state"), rs.getBoolean("is_historical_sync"),
                    rs.getString("schema_status"), Jdbc.instant(rs, "rescheduled_for"),
                    Jdbc.instant(rs, "succeeded_at"), Jdbc.instant(rs, "failed_at"),
                    JSON.readValue(rs.getString("tasks"), new TypeReference<List<ConnectionAlert>>() { }),
                    JSON.readValue(rs.getString("warnings"), new TypeReference<List<ConnectionAlert>>() { }));
            return new Row(rs.getString("id"), rs.getString("group_id"), rs.getString("service"),
                    rs.getInt("service_version"), rs.getString("schema_name"), rs.getString("connected_by"),
                    Jdbc.instant(rs, "created_at"), settings,
                    JSON.readValue(rs.getString("config"), new TypeReference<Map<String, Object>>() { }), status);
        } catch (JsonProcessingException e) {
            throw new SQLException("stored connection " + rs.getString("id") + " is not readable JSON", e);
        }
    }

    /** The package a connection runs: its {@code config.package_id}, or null. */
    private static String packageId(Row r) {
        Object id = r.config().get("package_id");
        return id == null ? null : id.toString();
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
