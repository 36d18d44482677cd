package io.tributary.examples.hello;

import io.tributary.sdk.Configuration;
import io.tributary.sdk.Connector;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import java.util.Map;

/**
 * The smallest connector: no schema, one row per sync. Table {@code hello} has no primary key, so rows are
 * keyed by {@code _fivetran_id}, a hash of their values: the same message twice is one row.
 */
public class HelloConnector implements Connector {
    @Override
    public void update(Configuration configuration, State state, Operations operations) {
        operations.upsert("hello", Map.of("message", "hello, world!"));
        operations.checkpoint(state);
    }
}
