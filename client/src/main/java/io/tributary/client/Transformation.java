package io.tributary.client;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A transformation. {@code status} is NEW, SCHEDULING, RUNNING, TERMINATING, SUCCEEDED, FAILED, BLOCKED, CANCELED
 * or PARTIALLY_SUCCEEDED; {@code type} DBT_CORE or QUICKSTART on Fivetran, SQL on a Tributary server, whose
 * {@code transformation_config} is {@code {group_id, name, sql}}. The last start and end times are null until the
 * first run; {@code nextRunAt} is a Tributary extension.
 */
public record Transformation(String id, String status, TransformationSchedule schedule, String type, boolean paused,
                             Instant createdAt, String createdById, Instant lastStartedAt, Instant lastEndedAt,
                             Instant nextRunAt, List<String> outputModelNames, Map<String, Object> transformationConfig) {

    /** The statuses a run ends with. */
    static final List<String> FINAL_STATUSES = List.of("SUCCEEDED", "FAILED", "CANCELED", "PARTIALLY_SUCCEEDED",
            "BLOCKED");

    /** Whether the transformation rests after a run (not NEW, SCHEDULING, RUNNING or TERMINATING). */
    public boolean ended() {
        return FINAL_STATUSES.contains(status);
    }

    /** The name from {@code transformation_config}, or the id when the config has none. */
    public String name() {
        Object name = transformationConfig == null ? null : transformationConfig.get("name");
        return name == null ? id : name.toString();
    }
}
