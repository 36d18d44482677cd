package io.tributary.examples.complex_error_handling_multithreading;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.sdk.ConnectorException;
import io.tributary.sdk.Log;
import io.tributary.sdk.http.HttpException;
import io.tributary.sdk.http.Request;
import io.tributary.sdk.http.Sleeper;
import java.time.Duration;

/**
 * Sends one request through the circuit breaker, retrying retryable failures with exponential backoff up to
 * {@code maxRetries} times, and failing at once on a fatal one. Shared by all threads.
 */
final class PageFetcher {
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(8);

    private final CircuitBreaker breaker;
    private final int maxRetries;
    private final Sleeper sleeper;
    private final ErrorStats stats;

    PageFetcher(CircuitBreaker breaker, int maxRetries, Sleeper sleeper, ErrorStats stats) {
        this.breaker = breaker;
        this.maxRetries = maxRetries;
        this.sleeper = sleeper;
        this.stats = stats;
    }

    JsonNode fetch(Request request) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            if (breaker.status() != CircuitBreaker.Status.CLOSED) {
                stats.circuitWaits.incrementAndGet();
            }
            breaker.acquire();
            try {
                JsonNode body = request.json(); // read whole, so a body cut short fails here and is retried
                breaker.onSuccess();
                return body;
            } catch (HttpException e) {
                if (ErrorCategory.of(e) == ErrorCategory.FATAL) {
                    stats.fatal.incrementAndGet();
                    throw new ConnectorException("fatal error, not retried: " + e.getMessage(), e);
                }
                stats.retryable.incrementAndGet();
                breaker.onFailure();
                if (attempt > maxRetries) {
                    throw new ConnectorException("gave up after " + attempt + " attempts: " + e.getMessage(), e);
                }
                Duration backoff = backoff(attempt);
                Log.warning("retryable error (attempt " + attempt + " of " + (maxRetries + 1) + "), retrying in "
                        + backoff.toMillis() + " ms: " + e.getMessage());
                stats.retried.incrementAndGet();
                sleeper.sleep(backoff);
            }
        }
    }

    /** 0.5 s, 1 s, 2 s, ... at most 8 s. No jitter: the open circuit already spreads the threads' retries. */
    private static Duration backoff(int attempt) {
        Duration d = FIRST_BACKOFF.multipliedBy(1L << Math.min(attempt - 1, 20));
        return d.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : d;
    }
}
