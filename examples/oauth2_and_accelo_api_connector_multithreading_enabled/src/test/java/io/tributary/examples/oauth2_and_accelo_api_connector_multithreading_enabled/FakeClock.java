package io.tributary.examples.oauth2_and_accelo_api_connector_multithreading_enabled;

import io.tributary.sdk.http.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when something sleeps on it or the test advances it; shared by playground and policy. */
final class FakeClock extends Clock implements Sleeper {
    private final AtomicLong millis;

    FakeClock(Instant start) {
        millis = new AtomicLong(start.toEpochMilli());
    }

    @Override
    public void sleep(Duration duration) {
        millis.addAndGet(duration.toMillis());
    }

    void advance(Duration duration) {
        millis.addAndGet(duration.toMillis());
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis.get());
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
