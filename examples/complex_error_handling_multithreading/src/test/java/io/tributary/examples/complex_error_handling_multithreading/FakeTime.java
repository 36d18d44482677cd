package io.tributary.examples.complex_error_handling_multithreading;

import io.tributary.sdk.http.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when someone sleeps on it; every sleep is recorded. Thread-safe. */
final class FakeTime extends Clock implements Sleeper {
    private final Instant start = Instant.parse("2025-01-02T00:00:00Z");
    private final AtomicLong elapsedNanos = new AtomicLong();
    final List<Duration> sleeps = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void sleep(Duration duration) {
        sleeps.add(duration);
        elapsedNanos.addAndGet(duration.toNanos());
    }

    @Override
    public Instant instant() {
        return start.plusNanos(elapsedNanos.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }
}
