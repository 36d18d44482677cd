package io.tributary.client;

import java.time.Duration;
import java.time.Instant;

/**
 * Runs a transformation and waits for the run, as {@link SyncWaiter} does for syncs: take the baseline
 * {@code last_ended_at} before asking for the run; the run is over when {@code last_ended_at} has moved past it
 * and the status is a final one. Both are needed: a run that was already going when ours was asked for also
 * moves {@code last_ended_at}, but leaves the transformation SCHEDULING (ours is queued), so we wait on for ours.
 * A run canceled before it started moves no end time (Tributary's server records none), so a CANCELED that is
 * new (not the status before, or after the waiter saw the run queued or going) also ends the wait.
 */
public final class TransformationWaiter {
    private final Transformations transformations;
    private final Sleeper sleeper;
    private Duration pollInterval = Duration.ofSeconds(15);

    /** How a run ended: SUCCEEDED, or a failure (FAILED, PARTIALLY_SUCCEEDED, BLOCKED) or CANCELED. */
    public enum Outcome { SUCCEEDED, FAILED, CANCELED }

    /**
     * The end of a run, with the transformation as it was then ({@code status} says exactly how it ended).
     * {@code endedAt} is the run's end time, or, for a run canceled before it started, when the waiter saw that.
     */
    public record Result(Outcome outcome, Instant endedAt, Transformation transformation) {
    }

    /** The run did not end within the timeout; it goes on. */
    public static final class TimeoutException extends RuntimeException {
        TimeoutException(String message) {
            super(message);
        }
    }

    TransformationWaiter(Transformations transformations, Sleeper sleeper) {
        this.transformations = transformations;
        this.sleeper = sleeper;
    }

    public TransformationWaiter pollEvery(Duration interval) {
        this.pollInterval = interval;
        return this;
    }

    /** Asks for a run and waits until it ends or {@code timeout} passes ({@link TimeoutException}). */
    public Result runAndWait(String id, boolean fullRefresh, Duration timeout) {
        Transformation before = transformations.get(id);
        Instant baseline = before.lastEndedAt();
        transformations.run(id, fullRefresh);
        long deadline = System.nanoTime() + timeout.toNanos();
        // CANCELED is news once the run was seen queued or going, or when it was not the status before.
        boolean canceledIsNews = !"CANCELED".equals(before.status());
        while (true) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("the run of transformation " + id + " did not end within " + timeout);
            }
            pause(id);
            Transformation now = transformations.get(id);
            Instant ended = now.lastEndedAt();
            if (ended != null && (baseline == null || ended.isAfter(baseline)) && now.ended()) {
                return new Result(outcome(now.status()), ended, now);
            }
            if (canceledIsNews && "CANCELED".equals(now.status())) {
                return new Result(Outcome.CANCELED, Instant.now(), now);
            }
            canceledIsNews |= !now.ended();
        }
    }

    private static Outcome outcome(String status) {
        return switch (status) {
            case "SUCCEEDED" -> Outcome.SUCCEEDED;
            case "CANCELED" -> Outcome.CANCELED;
            default -> Outcome.FAILED;
        };
    }

    private void pause(String id) {
        try {
            sleeper.sleep(pollInterval);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the run of transformation " + id, e);
        }
    }
}
