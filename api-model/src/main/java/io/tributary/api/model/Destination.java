package io.tributary.api.model;

import java.util.List;
import java.util.Map;

/** A group's destination. {@code config} secrets are masked as "******" in responses. */
public record Destination(String id, String groupId, String service, String region, String timeZoneOffset,
                          String setupStatus, Boolean daylightSavingTimeEnabled, String networkingMethod,
                          Map<String, Object> config, List<SetupTest> setupTests) {
}
