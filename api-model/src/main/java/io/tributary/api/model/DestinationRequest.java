package io.tributary.api.model;

import java.util.Map;

/** Body of {@code POST /v1/destinations} and {@code PATCH /v1/destinations/{id}}; absent fields stay as they are. */
public record DestinationRequest(String groupId, String service, String region, String timeZoneOffset,
                                 Boolean daylightSavingTimeEnabled, String networkingMethod, Boolean runSetupTests,
                                 Boolean trustCertificates, Boolean trustFingerprints, Map<String, Object> config) {
}
