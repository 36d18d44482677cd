package io.tributary.examples.multiplecodefiles;

import io.tributary.examples.multiplecodefiles.source.EventSource;
import io.tributary.examples.multiplecodefiles.source.RawEvent;
import io.tributary.examples.multiplecodefiles.utils.TimestampSerializer;
import io.tributary.sdk.Configuration;
import io.tributary.sdk.Connector;
import io.tributary.sdk.DataType;
import io.tributary.sdk.Log;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import io.tributary.sdk.Table;
import java.util.List;
import java.util.Map;

/**
 * A connector spread over several classes and packages: {@code source} provides the events and
 * {@code utils} normalises their timestamps. Every class under {@code src/main/java} is compiled and loaded
 * together; this is the only one that implements {@link Connector}.
 */
public class MultipleCodeFilesConnector implements Connector {
    static final String TABLE = "event";

    private final List<RawEvent> events;

    public MultipleCodeFilesConnector() {
        this(EventSource.events());
    }

    /** For tests: sync these events instead of the sample source. */
    MultipleCodeFilesConnector(List<RawEvent> events) {
        this.events = List.copyOf(events);
    }

    @Override
    public List<Table> schema(Configuration configuration) {
        return List.of(Table.named(TABLE)
                .primaryKey("name")
                .column("name", DataType.STRING)
                .column("timestamp", DataType.UTC_DATETIME));
    }

    @Override
    public void update(Configuration configuration, State state, Operations operations) {
        Log.warning("Example: QuickStart Examples - Multiple Code Files");
        for (RawEvent event : events) {
            operations.upsert(TABLE, Map.of(
                    "name", event.name(),
                    "timestamp", TimestampSerializer.serialize(event.timestamp())));
        }
        // Nothing to remember between syncs; the checkpoint commits the rows.
        operations.checkpoint(state);
    }
}
