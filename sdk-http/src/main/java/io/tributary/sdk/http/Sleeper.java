package io.tributary.sdk.http;

import java.time.Duration;

/**
 * Waits between retries and for the rate limiter. Injected through {@link RequestPolicy} so tests can replace
 * real sleeping with a fake clock that jumps forward. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface Sleeper {
    /** Real sleeping on the calling thread. */
    Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis());

    void sleep(Duration duration) throws InterruptedException;
}
