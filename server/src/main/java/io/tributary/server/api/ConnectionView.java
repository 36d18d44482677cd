package io.tributary.server.api;

import io.javalin.http.Context;
import io.tributary.api.ApiJson;
import io.tributary.api.model.Connection;
import io.tributary.api.model.ConnectionStatus;
import io.tributary.api.model.DestinationConfiguration;
import io.tributary.server.connections.ConnectorService;
import io.tributary.server.http.Gatekeeper;
import io.tributary.server.store.ConnectionRunStatus;
import io.tributary.server.store.ConnectionSettings;
import io.tributary.server.store.ConnectionStore.Row;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The API's view of a stored connection: secrets masked, config values as text unless version 2 was asked for. */
final class ConnectionView {
    private ConnectionView() {
    }

    static Connection of(Context ctx, Row r) {
        ConnectionSettings s = r.settings();
        ConnectionRunStatus st = r.status();
        Map<String, Object> config = ConnectorService.of(r.service()).shown(r.config());
        ConnectionStatus status = new ConnectionStatus(st.setupState(), s.paused() ? "paused" : st.syncState(),
                st.updateState(), st.historicalSync(), st.schemaStatus(), ApiJson.timestamp(st.rescheduledFor()),
                st.tasks(), st.warnings());
        return new Connection(r.id(), r.groupId(), r.service(), r.serviceVersion(), r.schema(), r.connectedBy(),
                ApiJson.timestamp(r.createdAt()), ApiJson.timestamp(st.succeededAt()), ApiJson.timestamp(st.failedAt()),
                s.paused(), s.pauseAfterTrial(), s.syncFrequency(), s.scheduleType(),
                // The definition: "Returned only when sync_frequency is 1440 and daily_sync_time was explicitly set".
                s.syncFrequency() == 1440 ? s.dailySyncTime() : null,
                s.dataDelaySensitivity(), s.dataDelayThreshold(), s.networkingMethod(), s.proxyAgentId(),
                s.privateLinkId(), s.hybridDeploymentAgentId(), s.destinationSchemaNames(),
                s.virtualWarehouse() == null ? null : new DestinationConfiguration(s.virtualWarehouse()),
                s.externalSecretsManagerId(), status, st.setupTests(),
                Gatekeeper.wantsVersion2(ctx) ? config : asText(config));
    }

    /** Version 1 shows every configuration value as text, lists and objects keeping their shape. */
    @SuppressWarnings("unchecked")
    private static <T> T asText(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, asText(v)));
            return (T) out;
        }
        if (value instanceof List<?> list) {
            List<Object> out = new ArrayList<>();
            list.forEach(v -> out.add(asText(v)));
            return (T) out;
        }
        return value == null ? null : (T) String.valueOf(value);
    }
}
