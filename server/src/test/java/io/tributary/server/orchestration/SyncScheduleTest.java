package io.tributary.server.orchestration;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.server.store.ConnectionSettings;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SyncScheduleTest {
    private static ConnectionSettings every(int minutes, String scheduleType, String dailyTime) {
        return new ConnectionSettings(false, false, minutes, scheduleType, dailyTime, "NORMAL", 0, "Directly", null,
                null, null, "SOURCE_NAMING", null, null);
    }

    private static final Instant NOW = Instant.parse("2026-12-04T10:30:00Z");

    @Test
    void anAutoConnectionThatNeverSyncedIsDueAtOnce() {
        assertThat(SyncSchedule.due(every(360, "auto", null), null, NOW)).isTrue();
    }

    @Test
    void aManualConnectionIsNeverDueByTheClock() {
        assertThat(SyncSchedule.due(every(5, "manual", null), null, NOW)).isFalse();
        assertThat(SyncSchedule.due(every(5, "manual", null), NOW.minusSeconds(86_400), NOW)).isFalse();
    }

    @Test
    void anIntervalIsDueFromItsLastStartOn() {
        ConnectionSettings hourly = every(60, "auto", null);
        assertThat(SyncSchedule.due(hourly, NOW.minusSeconds(59 * 60), NOW)).isFalse();
        assertThat(SyncSchedule.due(hourly, NOW.minusSeconds(60 * 60), NOW)).isTrue();
    }

    @Test
    void aDailySyncRunsOnceAfterEachDaysHour() {
        ConnectionSettings atNine = every(1440, "auto", "09:00");
        assertThat(SyncSchedule.due(atNine, Instant.parse("2026-12-04T09:00:05Z"), NOW)).as("ran today").isFalse();
        assertThat(SyncSchedule.due(atNine, Instant.parse("2026-12-03T09:00:05Z"), NOW)).as("ran yesterday").isTrue();
        ConnectionSettings atEleven = every(1440, "auto", "11:00");
        assertThat(SyncSchedule.due(atEleven, Instant.parse("2026-12-03T11:00:05Z"), NOW))
                .as("today's 11:00 has not come yet").isFalse();
        assertThat(SyncSchedule.due(atEleven, Instant.parse("2026-12-03T10:59:00Z"), NOW))
                .as("yesterday's 11:00 passed after the last start").isTrue();
    }
}
