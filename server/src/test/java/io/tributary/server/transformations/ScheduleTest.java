package io.tributary.server.transformations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.server.http.ApiException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleTest {
    /** A Wednesday. */
    private static final Instant NOW = Instant.parse("2026-03-04T10:17:42Z");

    private static Schedule cron(String... expressions) {
        return new Schedule("CRON", List.of(expressions), null, null, null, null, null, null).checked();
    }

    @Test
    void cronFindsTheNextMatchingMinute() {
        assertThat(cron("0 */6 * * *").nextRun(NOW, null, NOW)).isEqualTo(Instant.parse("2026-03-04T12:00:00Z"));
        assertThat(cron("18 10 * * *").nextRun(NOW, null, NOW)).isEqualTo(Instant.parse("2026-03-04T10:18:00Z"));
        assertThat(cron("17 10 * * *").nextRun(NOW, null, NOW)).as("strictly after now")
                .isEqualTo(Instant.parse("2026-03-05T10:17:00Z"));
        assertThat(cron("30 9 * * 1").nextRun(NOW, null, NOW)).as("Mondays").isEqualTo(Instant.parse("2026-03-09T09:30:00Z"));
        assertThat(cron("0 0 * * 7").nextRun(NOW, null, NOW)).as("7 is Sunday").isEqualTo(Instant.parse("2026-03-08T00:00:00Z"));
        assertThat(cron("0 0 1 * 5").nextRun(NOW, null, NOW)).as("either day field when both are set")
                .isEqualTo(Instant.parse("2026-03-06T00:00:00Z"));
        assertThat(cron("0 0 29 2 *").nextRun(NOW, null, NOW)).as("the next leap day")
                .isEqualTo(Instant.parse("2028-02-29T00:00:00Z"));
        assertThat(cron("0 0 30 2 *").nextRun(NOW, null, NOW)).as("never").isNull();
        assertThat(cron("0 23 * * *", "45 10-11 * * *").nextRun(NOW, null, NOW)).as("the earliest of several")
                .isEqualTo(Instant.parse("2026-03-04T10:45:00Z"));
    }

    @Test
    void intervalsCountFromTheLastStartAndTimesOfDayKeepTheirDays() {
        Schedule hourly = new Schedule("INTERVAL", null, 60, null, null, null, null, null).checked();
        assertThat(hourly.nextRun(NOW, Instant.parse("2026-03-04T10:00:00Z"), Instant.EPOCH))
                .isEqualTo(Instant.parse("2026-03-04T11:00:00Z"));
        assertThat(hourly.nextRun(NOW, null, Instant.parse("2026-03-04T07:30:00Z")))
                .as("missed slots are skipped").isEqualTo(Instant.parse("2026-03-04T10:30:00Z"));
        Schedule fridays = new Schedule("time_of_day", null, null, List.of("FRIDAY"), "08:30", null, null, null).checked();
        assertThat(fridays.nextRun(NOW, null, NOW)).isEqualTo(Instant.parse("2026-03-06T08:30:00Z"));
        Schedule daily = new Schedule("TIME_OF_DAY", null, null, null, "10:00", null, null, null).checked();
        assertThat(daily.nextRun(NOW, null, NOW)).isEqualTo(Instant.parse("2026-03-05T10:00:00Z"));
    }

    @Test
    void invalidCronExpressionsNameTheField() {
        for (String bad : List.of("* * * *", "60 * * * *", "* 24 * * *", "* * 0 * *", "* * * 13 *", "* * * * 8",
                "*/0 * * * *", "5-1 * * * *", "a * * * *", "")) {
            assertThatThrownBy(() -> cron(bad)).as(bad).isInstanceOf(ApiException.class)
                    .hasMessageContaining("'schedule.cron'");
        }
    }
}
