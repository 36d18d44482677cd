package io.tributary.client;

import java.time.Duration;

/**
 * When the client retries. Idempotent methods (GET, PATCH, PUT, DELETE) are retried on 5xx and I/O errors;
 * a POST only when the server cannot have acted on it (429, or no connection made). A 429 waits for its
 * {@code Retry-After}, capped at {@code maxRetryAfter}, or for the exponential backoff when it has none.
 *
 * @param maxRetries    attempts after the first
 * @param baseBackoff   the first backoff; each next one doubles, with full jitter
 * @param maxBackoff    the longest computed backoff
 * @param maxRetryAfter the longest wait a Retry-After header may impose
 */
public record RetryPolicy(int maxRetries, Duration baseBackoff, Duration maxBackoff, Duration maxRetryAfter) {

    public static RetryPolicy defaults() {
        return new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofHours(1));
    }

    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be 0 or more");
        }
    }
}
