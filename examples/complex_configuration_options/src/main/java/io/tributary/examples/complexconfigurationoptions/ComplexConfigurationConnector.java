package io.tributary.examples.complexconfigurationoptions;

import io.tributary.sdk.Configuration;
import io.tributary.sdk.Connector;
import io.tributary.sdk.Log;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import io.tributary.sdk.Table;
import java.util.List;
import java.util.Map;

/**
 * Turns string configuration values into a list, an int, a boolean and a JSON object with the SDK's typed
 * getters ({@link ApiSettings}), checks them against static constants kept in code ({@link ApiConstants}),
 * and writes one row to show the sync got through.
 */
public class ComplexConfigurationConnector implements Connector {
    static final String TABLE = "crypto";

    @Override
    public List<Table> schema(Configuration configuration) {
        // No column types: msg is inferred as STRING from the row.
        return List.of(Table.named(TABLE).primaryKey("msg"));
    }

    @Override
    public void update(Configuration configuration, State state, Operations operations) {
        Log.warning("Example: Common Patterns For Connectors - Complex Configuration Options");

        ApiSettings settings = ApiSettings.from(configuration);
        Log.info("regions " + settings.regions() + ", api quota " + settings.apiQuota() + ", bulk API "
                + settings.useBulkApi() + ", currencies " + settings.currencies());

        // A real connector would call the API with these settings; this one only proves they parsed.
        operations.upsert(TABLE, Map.of("msg", "hello world"));
        operations.checkpoint(state);
    }
}
