package io.tributary.cli;

import io.tributary.sdk.Configuration;
import io.tributary.sdk.Connector;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import io.tributary.sdk.Table;
import java.util.List;
import java.util.Map;

/** Never finishes in a test: a row and a checkpoint every 20 ms, resuming after its state's {@code next}. */
public final class TickingConnector implements Connector {
    @Override
    public List<Table> schema(Configuration configuration) {
        return List.of(Table.named("ticks").primaryKey("id"));
    }

    @Override
    public void update(Configuration configuration, State state, Operations ops) throws InterruptedException {
        for (long id = state.getLong("next", 0) + 1; id <= 1_000_000; id++) {
            ops.upsert("ticks", Map.of("id", id));
            ops.checkpoint(Map.of("next", id));
            Thread.sleep(20);
        }
    }
}
