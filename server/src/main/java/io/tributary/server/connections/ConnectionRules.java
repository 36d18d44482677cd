package io.tributary.server.connections;

import io.tributary.api.model.ConnectionRequest;
import io.tributary.server.http.ApiException;
import io.tributary.server.store.ConnectionSettings;
import java.util.List;
import java.util.regex.Pattern;

/** Fivetran's rules and defaults for a connection's settings; every error names its field. */
public final class ConnectionRules {
    static final List<Integer> FREQUENCIES = List.of(1, 5, 15, 30, 60, 120, 180, 360, 480, 720, 1440);
    private static final List<String> SCHEDULES = List.of("auto", "manual");
    private static final List<String> SENSITIVITIES = List.of("LOW", "NORMAL", "HIGH", "CUSTOM", "SYNC_FREQUENCY");
    private static final List<String> NETWORKING = List.of("Directly", "PrivateLink", "SshTunnel", "ProxyAgent");
    private static final List<String> NAMING = List.of("FIVETRAN_NAMING", "SOURCE_NAMING");
    private static final List<String> SCHEMA_STATUSES = List.of("blocked_on_capture", "ready");
    private static final Pattern DAILY_TIME = Pattern.compile("([01][0-9]|2[0-3]):00");

    private ConnectionRules() {
    }

    /** A new connection's settings: Fivetran's defaults (not paused, every 360 minutes, auto) where absent. */
    public static ConnectionSettings forCreate(ConnectionRequest r) {
        return new ConnectionSettings(or(r.paused(), false), or(r.pauseAfterTrial(), false),
                frequency(r.syncFrequency(), 360), oneOf("schedule_type", r.scheduleType(), SCHEDULES, "auto"),
                dailyTime(r.dailySyncTime(), null),
                oneOf("data_delay_sensitivity", r.dataDelaySensitivity(), SENSITIVITIES, "NORMAL"),
                threshold(r.dataDelayThreshold(), 0),
                oneOf("networking_method", r.networkingMethod(), NETWORKING, "Directly"),
                r.proxyAgentId(), r.privateLinkId(), r.hybridDeploymentAgentId(),
                oneOf("destination_schema_names", r.destinationSchemaNames(), NAMING, "FIVETRAN_NAMING"),
                r.destinationConfiguration() == null ? null : r.destinationConfiguration().virtualWarehouse(),
                r.externalSecretsManagerId());
    }

    /** The stored settings with the request's fields applied; {@code destination_schema_names} is fixed. */
    public static ConnectionSettings forUpdate(ConnectionSettings old, ConnectionRequest r) {
        return new ConnectionSettings(or(r.paused(), old.paused()), or(r.pauseAfterTrial(), old.pauseAfterTrial()),
                frequency(r.syncFrequency(), old.syncFrequency()),
                oneOf("schedule_type", r.scheduleType(), SCHEDULES, old.scheduleType()),
                dailyTime(r.dailySyncTime(), old.dailySyncTime()),
                oneOf("data_delay_sensitivity", r.dataDelaySensitivity(), SENSITIVITIES, old.dataDelaySensitivity()),
                threshold(r.dataDelayThreshold(), old.dataDelayThreshold()),
                oneOf("networking_method", r.networkingMethod(), NETWORKING, old.networkingMethod()),
                or(r.proxyAgentId(), old.proxyAgentId()), or(r.privateLinkId(), old.privateLinkId()),
                or(r.hybridDeploymentAgentId(), old.hybridDeploymentAgentId()), old.destinationSchemaNames(),
                r.destinationConfiguration() == null ? old.virtualWarehouse()
                        : r.destinationConfiguration().virtualWarehouse(),
                or(r.externalSecretsManagerId(), old.externalSecretsManagerId()));
    }

    /**
     * Whether a PATCH sets anything that is stored. {@code trust_*} and {@code run_setup_tests} only steer the
     * setup tests, so alone they are refused, as Fivetran does.
     */
    public static boolean hasPersistentField(ConnectionRequest r) {
        for (Object field : new Object[] {r.paused(), r.pauseAfterTrial(), r.syncFrequency(),
                r.dataDelaySensitivity(), r.dataDelayThreshold(), r.dailySyncTime(), r.scheduleType(),
                r.networkingMethod(), r.proxyAgentId(), r.privateLinkId(), r.hybridDeploymentAgentId(),
                r.destinationConfiguration(), r.externalSecretsManagerId(), r.isHistoricalSync(), r.schemaStatus(),
                r.config(), r.auth()}) {
            if (field != null) {
                return true;
            }
        }
        return false;
    }

    /** The request's schema_status, validated, or {@code fallback} when absent. */
    public static String schemaStatus(String requested, String fallback) {
        return oneOf("schema_status", requested, SCHEMA_STATUSES, fallback);
    }

    private static int frequency(Integer requested, int fallback) {
        if (requested == null) {
            return fallback;
        }
        if (!FREQUENCIES.contains(requested)) {
            throw ApiException.invalid("Field 'sync_frequency' must be one of " + FREQUENCIES + " (minutes), got "
                    + requested);
        }
        return requested;
    }

    private static String dailyTime(String requested, String fallback) {
        if (requested == null) {
            return fallback;
        }
        if (!DAILY_TIME.matcher(requested.trim()).matches()) {
            throw ApiException.invalid("Field 'daily_sync_time' must be a whole hour \"HH:00\" from \"00:00\" to "
                    + "\"23:00\", got '" + requested + "'");
        }
        return requested.trim();
    }

    private static int threshold(Integer requested, int fallback) {
        if (requested == null) {
            return fallback;
        }
        if (requested < 0) {
            throw ApiException.invalid("Field 'data_delay_threshold' must be 0 or more minutes, got " + requested);
        }
        return requested;
    }

    private static String oneOf(String field, String requested, List<String> allowed, String fallback) {
        if (requested == null || requested.isBlank()) {
            return fallback;
        }
        if (!allowed.contains(requested.trim())) {
            throw ApiException.invalid("Field '" + field + "' must be one of " + allowed + ", got '" + requested + "'");
        }
        return requested.trim();
    }

    private static <T> T or(T requested, T fallback) {
        return requested != null ? requested : fallback;
    }
}
