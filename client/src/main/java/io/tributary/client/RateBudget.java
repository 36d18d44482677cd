package io.tributary.client;

import java.net.http.HttpHeaders;
import java.time.Duration;
import java.util.OptionalLong;

/**
 * Follows the server's {@code X-Rate-Limit} and {@code X-Rate-Limit-Remaining}: when the hourly budget is spent,
 * the next request first waits the time the server needs to grant one more (an hour divided by the limit),
 * rather than collecting a 429.
 */
final class RateBudget {
    private long limit = -1;
    private long remaining = -1;

    synchronized void observe(HttpHeaders headers) {
        OptionalLong l = number(headers, "X-Rate-Limit");
        OptionalLong r = number(headers, "X-Rate-Limit-Remaining");
        if (l.isPresent() && r.isPresent()) {
            limit = l.getAsLong();
            remaining = r.getAsLong();
        }
    }

    /** The pause before the next request: zero unless the budget is spent. */
    synchronized Duration pause() {
        if (limit <= 0 || remaining > 0) {
            return Duration.ZERO;
        }
        return Duration.ofMillis((long) Math.ceil(3_600_000.0 / limit));
    }

    private static OptionalLong number(HttpHeaders headers, String name) {
        try {
            return headers.firstValue(name).map(v -> OptionalLong.of(Long.parseLong(v.trim()))).orElse(OptionalLong.empty());
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
