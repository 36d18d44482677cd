package io.tributary.sdk.jdbc;

import java.util.function.Consumer;

/**
 * Checkpoint cadence for a read: every {@code n} rows, only where a resumed read would neither skip nor repeat a
 * row, and once at the end.
 *
 * <pre>{@code
 * Checkpoints checkpoints = Checkpoints.every(5000, start,
 *         position -> operations.checkpoint(state.putValue("users", position.toState())));
 * read.read(connection, start, row -> {
 *     checkpoints.beforeRow(row.position());
 *     operations.upsert("users", row.values());
 * });
 * checkpoints.finish();
 * }</pre>
 *
 * A checkpoint commits what was emitted before it together with the position of the last row emitted, and a
 * resumed read starts strictly after that position. When the position identifies a row (keyset order, with the
 * primary key), any boundary is safe. When it does not (a replication key alone), a checkpoint between two rows
 * with the same key value would make the resumed read skip the second, so the checkpoint waits for the value to
 * change.
 */
public final class Checkpoints {
    private final long every;
    private final Consumer<Position> save;
    private Position last;
    private long sinceCheckpoint;
    private long count;

    private Checkpoints(long every, Position start, Consumer<Position> save) {
        if (every < 1) {
            throw new IllegalArgumentException("rows between checkpoints must be at least 1, got " + every);
        }
        this.every = every;
        this.last = start;
        this.save = save;
    }

    /**
     * @param rows  rows between checkpoints (at least 1)
     * @param start where the read starts; {@link #finish()} saves it when no row was read
     * @param save  writes the position into the state and calls {@code operations.checkpoint}
     */
    public static Checkpoints every(long rows, Position start, Consumer<Position> save) {
        return new Checkpoints(rows, start, save);
    }

    /** Call for each row before emitting it: checkpoints the rows emitted before it when one is due and safe. */
    public void beforeRow(Position next) {
        if (sinceCheckpoint >= every && (last.identifiesRow() || !last.sameValues(next))) {
            save.accept(last);
            count++;
            sinceCheckpoint = 0;
        }
        last = next;
        sinceCheckpoint++;
    }

    /** Checkpoints the position of the last row, or the start when there was none. Call once, after the read. */
    public void finish() {
        save.accept(last);
        count++;
        sinceCheckpoint = 0;
    }

    /** The position of the last row handed to {@link #beforeRow}, or the start. */
    public Position last() {
        return last;
    }

    /** Checkpoints taken so far. */
    public long count() {
        return count;
    }
}
