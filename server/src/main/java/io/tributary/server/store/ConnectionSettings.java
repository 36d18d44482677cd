package io.tributary.server.store;

/**
 * What a connection's owner sets: pausing, schedule, delay alerts and networking. Validated by
 * {@code ConnectionRules} before it is stored.
 *
 * @param syncFrequency  minutes between syncs: 1, 5, 15, 30, 60, 120, 180, 360, 480, 720 or 1440
 * @param dailySyncTime  "HH:00" UTC, used when {@code syncFrequency} is 1440; null for the baseline time
 */
public record ConnectionSettings(boolean paused, boolean pauseAfterTrial, int syncFrequency, String scheduleType,
                                 String dailySyncTime, String dataDelaySensitivity, int dataDelayThreshold,
                                 String networkingMethod, String proxyAgentId, String privateLinkId,
                                 String hybridDeploymentAgentId, String destinationSchemaNames,
                                 String virtualWarehouse, String externalSecretsManagerId) {

    public ConnectionSettings withPaused(boolean value) {
        return new ConnectionSettings(value, pauseAfterTrial, syncFrequency, scheduleType, dailySyncTime,
                dataDelaySensitivity, dataDelayThreshold, networkingMethod, proxyAgentId, privateLinkId,
                hybridDeploymentAgentId, destinationSchemaNames, virtualWarehouse, externalSecretsManagerId);
    }
}
