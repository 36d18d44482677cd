package io.tributary.runtime.destination;

import io.tributary.runtime.schema.TableSchema;
import java.util.List;
import java.util.Optional;

/**
 * Where a sync's operations land. One instance serves one sync and is used from one thread.
 *
 * <p>Everything written between two commits forms one transaction: {@link #commit} makes the staged
 * operations, the schema changes and the state visible together; {@link #rollback}, a crash or a
 * {@link #close} without commit discards them. Writes are set-based: batches go to staging in bulk and each
 * commit merges each table once.
 */
public interface Destination extends AutoCloseable {

    /** The tables as last committed, in the types the runtime gave them. Called once, before any write. */
    List<TableSchema> tables();

    /** The state committed with the last successful commit, if any. */
    Optional<String> committedState();

    /**
     * Creates the table or evolves it to {@code table}: new columns are added and widened types altered.
     * Never drops a column. Called before the first batch with a new layout.
     */
    void applySchema(TableSchema table);

    /** Stages a batch. Its layout was passed to {@link #applySchema} before. */
    void write(Batch batch);

    /**
     * Fences this sync with {@code token}, a number that grows with each sync of the same target (the server takes
     * it from its lease). From then on {@link #commit} records the token with the state and fails with a
     * {@link DestinationException} when a commit with a higher token has been made: a sync that lost its lease
     * while paused cannot overwrite the newer sync's data and state. Called at most once, before any write.
     * Destinations that more than one process can write must implement it.
     */
    default void fence(long token) {
    }

    /** Merges every staged operation into its table and records {@code stateJson}, atomically and durably. */
    void commit(String stateJson);

    /** Discards everything staged since the last commit. */
    void rollback();

    @Override
    void close();
}
