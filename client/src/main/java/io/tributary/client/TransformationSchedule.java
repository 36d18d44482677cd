package io.tributary.client;

import java.util.List;

/**
 * When a transformation runs: {@code schedule_type} INTEGRATED (after the syncs of {@code connection_ids}),
 * INTERVAL ({@code interval} minutes), TIME_OF_DAY ({@code time_of_day} on {@code days_of_week}) or CRON.
 * Fields that do not apply to the type are null and not sent.
 */
public record TransformationSchedule(String scheduleType, List<String> cron, Integer interval,
                                     List<String> daysOfWeek, String timeOfDay, List<String> connectionIds,
                                     List<String> transformationIds, Boolean smartSyncing) {

    public static TransformationSchedule everyMinutes(int minutes) {
        return new TransformationSchedule("INTERVAL", null, minutes, null, null, null, null, null);
    }

    public static TransformationSchedule cron(String... expressions) {
        return new TransformationSchedule("CRON", List.of(expressions), null, null, null, null, null, null);
    }

    /** At {@code time} ("14:00" or "14:30", UTC) on the given days (MONDAY … SUNDAY), every day when none. */
    public static TransformationSchedule timeOfDay(String time, String... days) {
        return new TransformationSchedule("TIME_OF_DAY", null, null, List.of(days), time, null, null, null);
    }

    /** After the syncs of these connections. */
    public static TransformationSchedule afterSyncsOf(String... connectionIds) {
        return new TransformationSchedule("INTEGRATED", null, null, null, null, List.of(connectionIds), null, null);
    }
}
