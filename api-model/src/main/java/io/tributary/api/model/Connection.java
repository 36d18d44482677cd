package io.tributary.api.model;

import java.util.List;
import java.util.Map;

/**
 * A connection (formerly "connector"): a source that loads into its group's destination, under the destination
 * schema {@code schema}. {@code config} secrets are masked as "******" in responses; timestamps that are still
 * null ({@code succeeded_at}, {@code failed_at}) are omitted, as the definition does not allow null.
 */
public record Connection(String id, String groupId, String service, int serviceVersion, String schema,
                         String connectedBy, String createdAt, String succeededAt, String failedAt, boolean paused,
                         boolean pauseAfterTrial, int syncFrequency, String scheduleType, String dailySyncTime,
                         String dataDelaySensitivity, Integer dataDelayThreshold, String networkingMethod,
                         String proxyAgentId, String privateLinkId, String hybridDeploymentAgentId,
                         String destinationSchemaNames, DestinationConfiguration destinationConfiguration,
                         String externalSecretsManagerId, ConnectionStatus status, List<SetupTest> setupTests,
                         Map<String, Object> config) {
}
