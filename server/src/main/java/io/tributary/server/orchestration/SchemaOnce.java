package io.tributary.server.orchestration;

import io.tributary.sdk.Configuration;
import io.tributary.sdk.ConfigurationForm;
import io.tributary.sdk.Connector;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import io.tributary.sdk.Table;
import java.util.List;

/**
 * A connector whose {@code schema()} runs once per sync: the orchestrator reads the declared tables before the
 * sync (to capture them in the schema config) and the runtime reads them again; both get the first answer, or
 * the first failure. Schemas read from a source database are not queried twice.
 */
final class SchemaOnce implements Connector {
    private final Connector connector;
    private List<Table> tables;
    private Exception failure;
    private boolean called;

    SchemaOnce(Connector connector) {
        this.connector = connector;
    }

    @Override
    public synchronized List<Table> schema(Configuration configuration) throws Exception {
        if (!called) {
            called = true;
            try {
                tables = connector.schema(configuration);
            } catch (Exception e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
        return tables;
    }

    @Override
    public void update(Configuration configuration, State state, Operations operations) throws Exception {
        connector.update(configuration, state, operations);
    }

    @Override
    public ConfigurationForm configurationForm() {
        return connector.configurationForm();
    }
}
