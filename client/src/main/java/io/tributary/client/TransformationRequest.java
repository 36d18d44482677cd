package io.tributary.client;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of a transformation create or update. On an update, null fields are left as they are (they are not
 * sent). {@code transformationConfig} is the type's config, e.g. {@link #sql}'s {@code {group_id, name, sql}}.
 */
public record TransformationRequest(String type, Boolean paused, TransformationSchedule schedule,
                                    Map<String, Object> transformationConfig) {

    /** A Tributary SQL transformation: runs {@code sql} in the group's destination on the schedule. */
    public static TransformationRequest sql(String groupId, String name, String sql, TransformationSchedule schedule) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("group_id", groupId);
        config.put("name", name);
        config.put("sql", sql);
        return new TransformationRequest("SQL", null, schedule, config);
    }

    /** An update that only pauses or resumes. */
    public static TransformationRequest paused(boolean paused) {
        return new TransformationRequest(null, paused, null, null);
    }

    /** An update that only changes the schedule. */
    public static TransformationRequest schedule(TransformationSchedule schedule) {
        return new TransformationRequest(null, null, schedule, null);
    }

    /** An update of config fields only (e.g. {@code name}, {@code sql}); the others keep their values. */
    public static TransformationRequest config(Map<String, Object> changes) {
        return new TransformationRequest(null, null, null, changes);
    }
}
