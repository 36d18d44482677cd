package io.tributary.examples.pagination_database_limit_offset;

import io.tributary.sdk.Configuration;
import io.tributary.sdk.Connector;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import io.tributary.sdk.Table;
import io.tributary.testkit.ForwardingOperations;
import java.util.List;

/** Runs a connector, and can stop its next sync just after checkpoint {@code n} has committed, as a crash would. */
final class StopAtCheckpoint implements Connector {
    private final Connector delegate;
    private int n;

    StopAtCheckpoint(Connector delegate) {
        this.delegate = delegate;
    }

    /** Stops the next sync after its {@code checkpoint}-th checkpoint; later syncs run to the end. */
    void stopNextSyncAfter(int checkpoint) {
        this.n = checkpoint;
    }

    @Override
    public List<Table> schema(Configuration configuration) throws Exception {
        return delegate.schema(configuration);
    }

    @Override
    public void update(Configuration configuration, State state, Operations operations) throws Exception {
        int stopAt = n;
        n = 0;
        delegate.update(configuration, state, new ForwardingOperations(operations) {
            private int checkpoints;

            @Override
            public void checkpoint(Object newState) {
                super.checkpoint(newState);
                if (++checkpoints == stopAt) {
                    throw new IllegalStateException("stopped after checkpoint " + stopAt);
                }
            }
        });
    }
}
