package io.tributary.playground;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * What every API of one playground shares: the seed, the calendar (base date and current day), the fault
 * configuration, the token lifetime and the clock used for token expiry. Mutable through {@link Playground}
 * and the admin endpoints; read on every request, so fields are volatile.
 */
final class PlaygroundState {
    final long seed;
    final LocalDate baseDate;
    final Clock clock;
    final TokenStore tokens;
    private volatile int day;
    private volatile FaultSpec faults;
    private volatile Duration tokenTtl;

    PlaygroundState(long seed, LocalDate baseDate, int day, FaultSpec faults, Duration tokenTtl, Clock clock) {
        this.seed = seed;
        this.baseDate = baseDate;
        this.clock = clock;
        this.day = day;
        this.faults = faults;
        this.tokenTtl = tokenTtl;
        this.tokens = new TokenStore(seed, clock);
    }

    int day() {
        return day;
    }

    void setDay(int day) {
        if (day < 0) {
            throw new IllegalArgumentException("day must be >= 0, was " + day);
        }
        this.day = day;
    }

    FaultSpec faults() {
        return faults;
    }

    void setFaults(FaultSpec faults) {
        this.faults = faults == null ? FaultSpec.none() : faults;
    }

    Duration tokenTtl() {
        return tokenTtl;
    }

    void setTokenTtl(Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("token TTL must be positive");
        }
        this.tokenTtl = ttl;
    }

    /** The calendar date of a day: day 0 is the base date. */
    LocalDate date(int day) {
        return baseDate.plusDays(day);
    }

    /** Midnight UTC at the start of a day. */
    Instant dayStart(int day) {
        return date(day).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The playground's "now" on a day: the end of that day, so every event of the day is in the past. */
    Instant now(int day) {
        return dayStart(day + 1);
    }

    LocalDate today() {
        return date(day);
    }
}
