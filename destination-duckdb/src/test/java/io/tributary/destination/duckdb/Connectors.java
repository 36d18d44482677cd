package io.tributary.destination.duckdb;

import io.tributary.sdk.Configuration;
import io.tributary.sdk.Connector;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import io.tributary.sdk.Table;
import java.util.List;

/** Test connectors built from lambdas. */
final class Connectors {
    @FunctionalInterface
    interface Update {
        void run(Configuration configuration, State state, Operations operations) throws Exception;
    }

    private Connectors() {
    }

    static Connector withSchema(List<Table> tables, Update update) {
        return new Connector() {
            @Override
            public List<Table> schema(Configuration configuration) {
                return tables;
            }

            @Override
            public void update(Configuration configuration, State state, Operations operations) throws Exception {
                update.run(configuration, state, operations);
            }
        };
    }
}
