package io.tributary.server.transformations;

import io.tributary.server.http.ApiException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * When a transformation runs, in the API's shape ({@code TransformationSchedule}): INTEGRATED (after its
 * connections' syncs), INTERVAL (every {@code interval} minutes), TIME_OF_DAY (at {@code time_of_day} UTC on
 * {@code days_of_week}, every day when empty) or CRON (UTC). Times are UTC: the server keeps no account time zone.
 */
public record Schedule(String scheduleType, List<String> cron, Integer interval, List<String> daysOfWeek,
                       String timeOfDay, List<String> connectionIds, List<String> transformationIds,
                       Boolean smartSyncing) {
    private static final Pattern HALF_HOUR = Pattern.compile("([01]\\d|2[0-3]):(00|30)");
    private static final List<String> TYPES = List.of("INTEGRATED", "TIME_OF_DAY", "INTERVAL", "CRON");

    /** The schedule with its type upper-cased and its lists de-duplicated; 400 naming the field when invalid. */
    public Schedule checked() {
        if (scheduleType == null || scheduleType.isBlank()) {
            throw ApiException.required("schedule.schedule_type");
        }
        String type = scheduleType.trim().toUpperCase(Locale.ROOT);
        if (!TYPES.contains(type)) {
            throw ApiException.invalid("Field 'schedule.schedule_type' must be one of " + TYPES + ", got '"
                    + scheduleType + "'");
        }
        List<String> days = distinct(daysOfWeek, "schedule.days_of_week");
        for (String day : days) {
            try {
                DayOfWeek.valueOf(day);
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid("Field 'schedule.days_of_week' has an unknown day '" + day
                        + "': use MONDAY … SUNDAY");
            }
        }
        switch (type) {
            case "INTERVAL" -> {
                if (interval == null) {
                    throw ApiException.required("schedule.interval");
                }
                if (interval < 1 || interval > 7 * 24 * 60) {
                    throw ApiException.invalid("Field 'schedule.interval' must be 1 to 10080 minutes, got " + interval);
                }
            }
            case "TIME_OF_DAY" -> {
                if (timeOfDay == null || timeOfDay.isBlank()) {
                    throw ApiException.required("schedule.time_of_day");
                }
                if (!HALF_HOUR.matcher(timeOfDay).matches()) {
                    throw ApiException.invalid("Field 'schedule.time_of_day' must be a whole or half hour such as "
                            + "'14:00' or '14:30', got '" + timeOfDay + "'");
                }
            }
            case "CRON" -> {
                if (cron == null || cron.isEmpty()) {
                    throw ApiException.required("schedule.cron");
                }
                cron.forEach(Cron::parse);
            }
            default -> {
                // INTEGRATED: runs after the syncs of connection_ids, checked against the group by the caller
                if (connectionIds == null || connectionIds.isEmpty()) {
                    throw ApiException.invalid("Field 'schedule.connection_ids' must name at least one connection "
                            + "for an INTEGRATED schedule");
                }
            }
        }
        return new Schedule(type, type.equals("CRON") ? List.copyOf(cron) : null,
                type.equals("INTERVAL") ? interval : null, days,
                type.equals("TIME_OF_DAY") ? timeOfDay : null, distinct(connectionIds, "schedule.connection_ids"),
                distinct(transformationIds, "schedule.transformation_ids"), Boolean.TRUE.equals(smartSyncing));
    }

    /**
     * The next scheduled start after {@code now}, or null when the schedule has no clock (INTEGRATED runs
     * after syncs). An INTERVAL counts from the last start, or from creation before the first.
     */
    public Instant nextRun(Instant now, Instant lastStarted, Instant created) {
        switch (scheduleType) {
            case "INTERVAL" -> {
                Instant base = lastStarted != null ? lastStarted : created;
                Duration step = Duration.ofMinutes(interval);
                long steps = Math.max(1, Duration.between(base, now).toMillis() / step.toMillis() + 1);
                return base.plus(step.multipliedBy(steps));
            }
            case "TIME_OF_DAY" -> {
                LocalTime at = LocalTime.parse(timeOfDay);
                LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
                for (int i = 0; i <= 7; i++, day = day.plusDays(1)) {
                    Instant candidate = day.atTime(at).toInstant(ZoneOffset.UTC);
                    if (candidate.isAfter(now) && (daysOfWeek.isEmpty() || daysOfWeek.contains(day.getDayOfWeek().name()))) {
                        return candidate;
                    }
                }
                return null;
            }
            case "CRON" -> {
                Instant first = null;
                for (String expression : cron) {
                    Instant next = Cron.parse(expression).next(now.truncatedTo(ChronoUnit.MINUTES));
                    if (next != null && (first == null || next.isBefore(first))) {
                        first = next;
                    }
                }
                return first;
            }
            default -> {
                return null;
            }
        }
    }

    private static List<String> distinct(List<String> values, String field) {
        if (values == null) {
            return List.of();
        }
        if (values.stream().anyMatch(v -> v == null || v.isBlank())) {
            throw ApiException.invalid("Field '" + field + "' must not hold empty values");
        }
        return new ArrayList<>(new LinkedHashSet<>(values));
    }
}
