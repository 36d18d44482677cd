package io.tributary.examples.complex_error_handling_multithreading;

import io.tributary.sdk.ConnectorException;
import io.tributary.sdk.Log;
import io.tributary.sdk.http.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Stops all threads from hammering a source that keeps failing. CLOSED: requests go out. After
 * {@code failureThreshold} failures in a row (from any thread) it OPENs: no request goes out until {@code cooldown}
 * has passed. Then HALF_OPEN: one request probes while the others wait; success closes the circuit, failure opens it
 * again. The {@code maxOpens}-th opening gives up: every caller gets a {@link CircuitOpenException} and the sync
 * fails, to be resumed by the next one. Thread-safe.
 */
final class CircuitBreaker {
    enum Status { CLOSED, OPEN, HALF_OPEN }

    private static final Duration PROBE_POLL = Duration.ofMillis(100);

    private final int failureThreshold;
    private final Duration cooldown;
    private final int maxOpens;
    private final Clock clock;
    private final Sleeper sleeper;

    private Status status = Status.CLOSED;
    private int consecutiveFailures;
    private int opens;
    private Instant openedAt;

    CircuitBreaker(int failureThreshold, Duration cooldown, int maxOpens, Clock clock, Sleeper sleeper) {
        this.failureThreshold = failureThreshold;
        this.cooldown = cooldown;
        this.maxOpens = maxOpens;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Returns when a request may go out: at once when closed, after the cooldown when open. */
    void acquire() throws InterruptedException {
        while (true) {
            Duration wait;
            synchronized (this) {
                if (status == Status.CLOSED) {
                    return;
                }
                if (opens >= maxOpens) {
                    throw new CircuitOpenException("the circuit breaker opened " + opens + " times after "
                            + failureThreshold + " failures in a row; the source looks down, so the sync stops here "
                            + "and the next one resumes from the last checkpoint");
                }
                if (status == Status.OPEN) {
                    Duration open = Duration.between(openedAt, clock.instant());
                    if (open.compareTo(cooldown) >= 0) {
                        status = Status.HALF_OPEN;
                        Log.info("circuit breaker half-open: one request probes the source");
                        return;
                    }
                    wait = cooldown.minus(open);
                } else {
                    wait = PROBE_POLL; // another thread is probing: check again soon
                }
            }
            sleeper.sleep(wait);
        }
    }

    synchronized void onSuccess() {
        if (status != Status.CLOSED) {
            Log.info("circuit breaker closed: the source answers again");
        }
        status = Status.CLOSED;
        consecutiveFailures = 0;
    }

    synchronized void onFailure() {
        consecutiveFailures++;
        boolean trip = status == Status.HALF_OPEN || (status == Status.CLOSED && consecutiveFailures >= failureThreshold);
        if (trip) {
            opens++;
            status = Status.OPEN;
            openedAt = clock.instant();
            Log.severe("circuit breaker open (" + opens + " of at most " + maxOpens + ") after " + consecutiveFailures
                    + " failures in a row; no request for " + cooldown.toSeconds() + " s");
        }
    }

    synchronized int opens() {
        return opens;
    }

    synchronized Status status() {
        return status;
    }

    /** The breaker gave up on the source. */
    static final class CircuitOpenException extends ConnectorException {
        CircuitOpenException(String message) {
            super(message);
        }
    }
}
