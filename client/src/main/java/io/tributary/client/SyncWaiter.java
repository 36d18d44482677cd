package io.tributary.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Triggers a connection's sync and waits for it, the way orchestrators must (reference §2.4): take the baseline
 * {@code max(succeeded_at, failed_at)} before triggering; the sync is over when either moves past it;
 * {@code rescheduled} moves neither, and with a manual schedule the sync must be triggered again once
 * {@code rescheduled_for} has passed; give up after the timeout.
 */
public final class SyncWaiter {
    private final TributaryClient client;
    private final Sleeper sleeper;
    private Duration pollInterval = Duration.ofSeconds(15);

    /** How a sync ended. */
    public enum Outcome { SUCCEEDED, FAILED }

    /** The end of a sync, with the connection as it was then. */
    public record Result(Outcome outcome, Instant at, JsonNode connection) {
    }

    /** The sync did not end within the timeout. */
    public static final class TimeoutException extends RuntimeException {
        TimeoutException(String message) {
            super(message);
        }
    }

    SyncWaiter(TributaryClient client, Sleeper sleeper) {
        this.client = client;
        this.sleeper = sleeper;
    }

    public SyncWaiter pollEvery(Duration interval) {
        this.pollInterval = interval;
        return this;
    }

    /** Triggers a sync ({@code force} stops a running one first) and waits until it ends or {@code timeout} passes. */
    public Result syncAndWait(String connectionId, boolean force, Duration timeout) {
        String path = "connections/" + TributaryClient.segment(connectionId);
        JsonNode before = client.call("GET", path, null).path("data");
        if (before.path("paused").asBoolean(false)) {
            throw new IllegalStateException("connection " + connectionId + " is paused: resume it first "
                    + "(PATCH {\"paused\": false}), or its sync will never run");
        }
        Instant baseline = latest(before);
        client.call("POST", path + "/sync", Map.of("force", force));
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean retriggered = false;
        while (true) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("the sync of connection " + connectionId + " did not end within " + timeout);
            }
            wait(connectionId);
            JsonNode now = client.call("GET", path, null).path("data");
            Instant succeeded = instant(now, "succeeded_at");
            Instant failed = instant(now, "failed_at");
            if (after(succeeded, baseline) && !after(failed, succeeded)) {
                return new Result(Outcome.SUCCEEDED, succeeded, now);
            }
            if (after(failed, baseline)) {
                return new Result(Outcome.FAILED, failed, now);
            }
            JsonNode status = now.path("status");
            if ("rescheduled".equals(status.path("sync_state").asText()) && "manual".equals(now.path("schedule_type").asText())) {
                Instant at = instant(status, "rescheduled_for");
                if (!retriggered && (at == null || !at.isAfter(Instant.now()))) {
                    client.call("POST", path + "/sync", Map.of("force", false));
                    retriggered = true;
                }
            } else {
                retriggered = false;
            }
        }
    }

    private void wait(String connectionId) {
        try {
            sleeper.sleep(pollInterval);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the sync of " + connectionId, e);
        }
    }

    private static Instant latest(JsonNode connection) {
        Instant s = instant(connection, "succeeded_at");
        Instant f = instant(connection, "failed_at");
        return s == null ? f : f == null ? s : s.isAfter(f) ? s : f;
    }

    private static boolean after(Instant t, Instant baseline) {
        return t != null && (baseline == null || t.isAfter(baseline));
    }

    private static Instant instant(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() || v.asText().isEmpty() ? null : Instant.parse(v.asText());
    }
}
