package io.tributary.examples.authentication_session_token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that moves forward by a fixed step every time it is read. Given to the playground, it makes a session
 * token age by one step per request, so a token expires after a known number of requests, in the middle of a sync.
 */
final class TickingClock extends Clock {
    private final Instant start;
    private final Duration step;
    private final AtomicLong reads = new AtomicLong();

    TickingClock(Instant start, Duration step) {
        this.start = start;
        this.step = step;
    }

    @Override
    public Instant instant() {
        return start.plus(step.multipliedBy(reads.getAndIncrement()));
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
