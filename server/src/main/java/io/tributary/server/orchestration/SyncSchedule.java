package io.tributary.server.orchestration;

import io.tributary.server.store.ConnectionSettings;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** When a connection on the {@code auto} schedule is due. */
final class SyncSchedule {
    private SyncSchedule() {
    }

    /**
     * Whether a connection whose last sync started at {@code lastStarted} (null: never) is due at {@code now}:
     * every {@code sync_frequency} minutes after the last start, or for daily syncs with a {@code daily_sync_time},
     * once after each day's "HH:00" UTC. Manual connections are never due: only sync requests run them.
     */
    static boolean due(ConnectionSettings settings, Instant lastStarted, Instant now) {
        if (!"auto".equals(settings.scheduleType())) {
            return false;
        }
        if (lastStarted == null) {
            return true;
        }
        if (settings.syncFrequency() == 1440 && settings.dailySyncTime() != null) {
            LocalTime at = LocalTime.parse(settings.dailySyncTime());
            ZonedDateTime today = now.atZone(ZoneOffset.UTC).with(at);
            Instant latestSlot = (today.toInstant().isAfter(now) ? today.minusDays(1) : today).toInstant();
            return lastStarted.isBefore(latestSlot);
        }
        return !lastStarted.plus(Duration.ofMinutes(settings.syncFrequency())).isAfter(now);
    }
}
