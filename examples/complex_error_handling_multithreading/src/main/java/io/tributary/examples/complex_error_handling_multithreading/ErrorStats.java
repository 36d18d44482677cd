package io.tributary.examples.complex_error_handling_multithreading;

import java.util.concurrent.atomic.AtomicLong;

/** Counts of what went wrong during one sync, across threads; logged at its end. */
final class ErrorStats {
    final AtomicLong retryable = new AtomicLong();
    final AtomicLong retried = new AtomicLong();
    final AtomicLong fatal = new AtomicLong();
    final AtomicLong circuitWaits = new AtomicLong();

    @Override
    public String toString() {
        return "retryable failures " + retryable + " (retried " + retried + "), fatal " + fatal
                + ", requests held by the open circuit " + circuitWaits;
    }
}
