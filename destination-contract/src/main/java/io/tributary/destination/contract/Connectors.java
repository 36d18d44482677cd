package io.tributary.destination.contract;

import io.tributary.sdk.Configuration;
import io.tributary.sdk.Connector;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import io.tributary.sdk.Table;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Test connectors built from lambdas, and rows built from key-value pairs. */
public final class Connectors {
    @FunctionalInterface
    public interface Update {
        void run(Configuration configuration, State state, Operations operations) throws Exception;
    }

    private Connectors() {
    }

    public static Connector withSchema(List<Table> tables, Update update) {
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

    /** A mutable row from alternating names and values; values may be null. */
    public static Map<String, Object> row(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
