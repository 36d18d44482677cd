package io.tributary.sdk.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that only moves when something sleeps on it (or the test advances it). Thread-safe. */
final class FakeTime extends Clock implements Sleeper {
    private final AtomicLong millis;
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    FakeTime(Instant start) {
        millis = new AtomicLong(start.toEpochMilli());
    }

    FakeTime() {
        this(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Override
    public void sleep(Duration duration) {
        sleeps.add(duration);
        millis.addAndGet(duration.toMillis());
    }

    void advance(Duration d) {
        millis.addAndGet(d.toMillis());
    }

    List<Duration> sleeps() {
        return sleeps;
    }

    /** A policy that waits on this clock, with jitter fixed at one half, so backoffs are exact. */
    RequestPolicy.Builder policy() {
        return RequestPolicy.builder().clock(this).sleeper(this).jitter(() -> 0.5);
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis.get());
    }

    @Override
    public long millis() {
        return millis.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
