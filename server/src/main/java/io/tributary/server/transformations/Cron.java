package io.tributary.server.transformations;

import com.github.kagkarlsson.scheduler.task.schedule.CronSchedule;
import com.github.kagkarlsson.scheduler.task.schedule.CronStyle;
import io.tributary.server.http.ApiException;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * A five-field Unix cron expression (minute hour day-of-month month day-of-week) in UTC, read by db-scheduler, the
 * scheduler the server runs on, so that what the API accepts is what will run.
 */
final class Cron {
    private final CronSchedule schedule;

    private Cron(CronSchedule schedule) {
        this.schedule = schedule;
    }

    /** 400 naming {@code schedule.cron} and the bad expression when it is not valid. */
    static Cron parse(String expression) {
        String text = expression == null ? "" : expression.trim();
        try {
            if (text.split("\\s+").length != 5) {
                throw new IllegalArgumentException("needs 5 fields");
            }
            return new Cron(new CronSchedule(text, ZoneOffset.UTC, CronStyle.UNIX));
        } catch (RuntimeException e) {
            throw ApiException.invalid("Field 'schedule.cron' has an invalid expression '" + expression
                    + "': use five fields, minute hour day-of-month month day-of-week, such as '0 */6 * * *'");
        }
    }

    /** The first matching minute after {@code after}, or null if it never matches (as for 30 February). */
    Instant next(Instant after) {
        Instant next = schedule.getInitialExecutionTime(after);
        return next == null || next.equals(com.github.kagkarlsson.scheduler.task.schedule.Schedule.NEVER) ? null : next;
    }
}
