package io.tributary.server.transformations;

import io.tributary.server.http.ApiException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.BitSet;

/**
 * A five-field cron expression (minute hour day-of-month month day-of-week, UTC) with {@code *}, numbers, ranges,
 * lists and steps. As in cron, when both day fields are restricted a day matching either runs.
 */
final class Cron {
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek;
    private final boolean anyDayOfMonth;
    private final boolean anyDayOfWeek;

    private Cron(String[] f) {
        minutes = field(f[0], 0, 59);
        hours = field(f[1], 0, 23);
        daysOfMonth = field(f[2], 1, 31);
        months = field(f[3], 1, 12);
        daysOfWeek = field(f[4], 0, 7);
        if (daysOfWeek.get(7)) {
            daysOfWeek.set(0);
        }
        anyDayOfMonth = f[2].equals("*");
        anyDayOfWeek = f[4].equals("*");
    }

    /** 400 naming {@code schedule.cron} and the bad expression when it is not valid. */
    static Cron parse(String expression) {
        String[] fields = expression == null ? new String[0] : expression.trim().split("\\s+");
        try {
            if (fields.length != 5) {
                throw new IllegalArgumentException("needs 5 fields");
            }
            return new Cron(fields);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("Field 'schedule.cron' has an invalid expression '" + expression
                    + "': use five fields, minute hour day-of-month month day-of-week, such as '0 */6 * * *'");
        }
    }

    /** The first matching minute after {@code after}, within four years (null if none, as for 30 February). */
    Instant next(Instant after) {
        LocalDateTime from = LocalDateTime.ofInstant(after, ZoneOffset.UTC).plusMinutes(1);
        LocalDate day = from.toLocalDate();
        for (int d = 0; d < 4 * 366; d++, day = day.plusDays(1)) {
            if (!months.get(day.getMonthValue()) || !dayMatches(day)) {
                continue;
            }
            int startHour = d == 0 ? from.getHour() : 0;
            for (int h = hours.nextSetBit(startHour); h >= 0; h = hours.nextSetBit(h + 1)) {
                int startMinute = d == 0 && h == from.getHour() ? from.getMinute() : 0;
                int m = minutes.nextSetBit(startMinute);
                if (m >= 0) {
                    return day.atTime(h, m).toInstant(ZoneOffset.UTC);
                }
            }
        }
        return null;
    }

    private boolean dayMatches(LocalDate day) {
        boolean dom = daysOfMonth.get(day.getDayOfMonth());
        boolean dow = daysOfWeek.get(day.getDayOfWeek().getValue() % 7);
        if (!anyDayOfMonth && !anyDayOfWeek) {
            return dom || dow;
        }
        return dom && dow;
    }

    private static BitSet field(String text, int min, int max) {
        BitSet set = new BitSet(max + 1);
        for (String part : text.split(",", -1)) {
            String range = part;
            int step = 1;
            int slash = part.indexOf('/');
            if (slash >= 0) {
                range = part.substring(0, slash);
                step = Integer.parseInt(part.substring(slash + 1));
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = max;
            } else if (range.contains("-")) {
                from = Integer.parseInt(range.substring(0, range.indexOf('-')));
                to = Integer.parseInt(range.substring(range.indexOf('-') + 1));
            } else {
                from = Integer.parseInt(range);
                to = slash >= 0 ? max : from;
            }
            if (from < min || to > max || from > to || step < 1) {
                throw new IllegalArgumentException("out of range");
            }
            for (int v = from; v <= to; v += step) {
                set.set(v);
            }
        }
        return set;
    }
}
