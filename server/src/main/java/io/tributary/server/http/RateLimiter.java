package io.tributary.server.http;

import java.time.Clock;

/**
 * The account's hourly request budget on one node, as a token bucket refilled continuously: at most
 * {@code perHour} requests in any hour, with bursts up to the whole budget. Nodes sharing a store use
 * {@link SharedRateLimiter} instead.
 */
public final class RateLimiter implements RequestBudget {
    private final long perHour;
    private final Clock clock;
    private double tokens;
    private long lastNanos;

    public RateLimiter(long perHour, Clock clock) {
        this.perHour = perHour;
        this.clock = clock;
        this.tokens = perHour;
        this.lastNanos = nanos();
    }

    @Override
    public long perHour() {
        return perHour;
    }

    @Override
    public synchronized Decision acquire() {
        long now = nanos();
        tokens = Math.min(perHour, tokens + (now - lastNanos) * perHour / 3.6e12);
        lastNanos = now;
        if (tokens >= 1) {
            tokens -= 1;
            return new Decision(true, (long) tokens, 0);
        }
        long wait = (long) Math.ceil((1 - tokens) * 3600.0 / perHour);
        return new Decision(false, 0, Math.max(1, wait));
    }

    private long nanos() {
        return clock.instant().getEpochSecond() * 1_000_000_000L + clock.instant().getNano();
    }
}
