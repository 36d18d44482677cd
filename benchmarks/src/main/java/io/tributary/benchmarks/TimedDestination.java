package io.tributary.benchmarks;

import io.tributary.runtime.destination.Batch;
import io.tributary.runtime.destination.Destination;
import io.tributary.runtime.schema.TableSchema;
import java.util.List;
import java.util.Optional;

/** Measures the time the sync spends inside the destination: staging writes and commits (merges). */
final class TimedDestination implements Destination {
    private final Destination delegate;
    long writeNanos;
    long commitNanos;

    TimedDestination(Destination delegate) {
        this.delegate = delegate;
    }

    @Override
    public List<TableSchema> tables() {
        return delegate.tables();
    }

    @Override
    public Optional<String> committedState() {
        return delegate.committedState();
    }

    @Override
    public void applySchema(TableSchema table) {
        delegate.applySchema(table);
    }

    @Override
    public void write(Batch batch) {
        long t0 = System.nanoTime();
        delegate.write(batch);
        writeNanos += System.nanoTime() - t0;
    }

    @Override
    public void commit(String stateJson) {
        long t0 = System.nanoTime();
        delegate.commit(stateJson);
        commitNanos += System.nanoTime() - t0;
    }

    @Override
    public void rollback() {
        delegate.rollback();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
