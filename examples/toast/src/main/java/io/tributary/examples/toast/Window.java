package io.tributary.examples.toast;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * One time window of a sync, [from, to), as the original computes them: a window starts where the last one ended
 * (or at {@code initialSyncStart}); it spans 30 days while its start is more than 30 days old, else it ends now.
 */
record Window(Instant start, Instant end) {
    static final Duration SPAN = Duration.ofDays(30);
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter BUSINESS_DATE = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    static Window startingAt(Instant start, Instant now) {
        Instant end = start.isBefore(now.minus(SPAN)) ? start.plus(SPAN) : now;
        return new Window(start, end);
    }

    /** Whether another window follows this one before {@code now}. */
    boolean endsBefore(Instant now) {
        return end.isBefore(now);
    }

    String from() {
        return format(start);
    }

    String to() {
        return format(end);
    }

    /** Every calendar date (UTC, yyyyMMdd) from the start's to the end's, both included. */
    List<String> businessDates() {
        List<String> out = new ArrayList<>();
        long days = Duration.between(start, end).toDays();
        for (long i = 0; i <= days; i++) {
            out.add(BUSINESS_DATE.format(start.plus(i, ChronoUnit.DAYS)));
        }
        return out;
    }

    /** Toast's timestamp format, milliseconds and {@code Z}, as the state keeps it. */
    static String format(Instant t) {
        return TIMESTAMP.format(t.truncatedTo(ChronoUnit.MILLIS));
    }

    @Override
    public String toString() {
        return "[" + from() + ", " + to() + ")";
    }
}
