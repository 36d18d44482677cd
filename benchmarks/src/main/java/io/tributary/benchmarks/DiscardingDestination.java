package io.tributary.benchmarks;

import io.tributary.runtime.destination.Batch;
import io.tributary.runtime.destination.Destination;
import io.tributary.runtime.schema.TableSchema;
import java.util.List;
import java.util.Optional;

/** Accepts everything and keeps nothing: isolates the connector and runtime cost. */
final class DiscardingDestination implements Destination {
    @Override
    public List<TableSchema> tables() {
        return List.of();
    }

    @Override
    public Optional<String> committedState() {
        return Optional.empty();
    }

    @Override
    public void applySchema(TableSchema table) {
    }

    @Override
    public void write(Batch batch) {
    }

    @Override
    public void commit(String stateJson) {
    }

    @Override
    public void rollback() {
    }

    @Override
    public void close() {
    }
}
