package io.tributary.benchmarks;

import io.tributary.sdk.Configuration;
import io.tributary.sdk.Connector;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import io.tributary.sdk.Table;
import java.util.List;

/**
 * The benchmarks' synthetic source as a deployable connector: {@code rows} rows (config) of {@link SyntheticRows},
 * a checkpoint every {@code checkpoint_every} rows. Public with a no-argument constructor, so a server can load it.
 */
public final class SyntheticConnector implements Connector {
    @Override
    public List<Table> schema(Configuration configuration) {
        return List.of(Table.named("customers").primaryKey("id").column("id", "LONG")
                .decimal("amount", 18, 4).column("updated_at", "UTC_DATETIME").column("payload", "JSON"));
    }

    @Override
    public void update(Configuration configuration, State state, Operations operations) {
        long rows = Long.parseLong(configuration.require("rows"));
        long every = Long.parseLong(configuration.require("checkpoint_every"));
        for (long i = state.getLong("next", 0); i < rows; i++) {
            operations.upsert("customers", SyntheticRows.row(i));
            if ((i + 1) % every == 0) {
                operations.checkpoint(state.put("next", i + 1));
            }
        }
        operations.checkpoint(state.put("next", rows));
    }
}
