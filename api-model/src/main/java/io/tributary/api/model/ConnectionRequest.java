package io.tributary.api.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.util.Map;

/**
 * Body of {@code POST /v1/connections} and {@code PATCH /v1/connections/{id}}; absent fields stay as they are.
 * {@code trust_certificates}, {@code trust_fingerprints} and {@code run_setup_tests} steer the setup tests only
 * and are not stored. The legacy name {@code paused_after_trial} is accepted for {@code pause_after_trial}.
 */
public record ConnectionRequest(String groupId, String service, Boolean trustCertificates, Boolean trustFingerprints,
                                Boolean runSetupTests, Boolean paused,
                                @JsonAlias("paused_after_trial") Boolean pauseAfterTrial, Integer syncFrequency,
                                String dataDelaySensitivity, Integer dataDelayThreshold, String dailySyncTime,
                                String scheduleType, String networkingMethod, String proxyAgentId,
                                String privateLinkId, String hybridDeploymentAgentId, String destinationSchemaNames,
                                DestinationConfiguration destinationConfiguration, String externalSecretsManagerId,
                                Boolean isHistoricalSync, String schemaStatus, Map<String, Object> config,
                                Map<String, Object> auth) {
}
