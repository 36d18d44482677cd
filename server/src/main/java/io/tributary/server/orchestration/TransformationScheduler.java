package io.tributary.server.orchestration;

import io.tributary.server.store.TransformationStore;
import io.tributary.server.transformations.Schedule;
import java.time.Instant;
import java.util.List;

/**
 * Requests the runs that transformations' schedules call for: a clock schedule (INTERVAL, TIME_OF_DAY, CRON) once
 * a slot has passed since the last start, an INTEGRATED one after a successful sync of one of its connections.
 * A request joins the run already pending, so nodes that both see a slot ask for one run.
 */
final class TransformationScheduler {
    /** Who the store records as having requested scheduled runs. */
    static final String REQUESTER = "scheduler";

    private TransformationScheduler() {
    }

    static void requestDue(TransformationStore store, Instant now) {
        for (TransformationStore.Row t : all(store)) {
            if (t.paused() || store.openRun(t.id()).isPresent()) {
                continue;
            }
            Schedule s = t.schedule();
            Instant from = t.lastStartedAt() != null ? t.lastStartedAt() : t.createdAt();
            Instant slot = s.nextRun(from, t.lastStartedAt(), t.createdAt());
            if (slot != null && !slot.isAfter(now)) {
                store.requestRun(t.id(), false, REQUESTER);
            }
        }
    }

    /** After a successful sync of {@code connectionId}: the INTEGRATED transformations that follow it. */
    static void afterSync(TransformationStore store, String connectionId) {
        for (TransformationStore.Row t : all(store)) {
            Schedule s = t.schedule();
            if (!t.paused() && "INTEGRATED".equals(s.scheduleType()) && s.connectionIds().contains(connectionId)) {
                store.requestRun(t.id(), false, REQUESTER);
            }
        }
    }

    private static List<TransformationStore.Row> all(TransformationStore store) {
        return store.list(null, 0, Integer.MAX_VALUE);
    }
}
