package io.tributary.destination.contract;

import io.tributary.runtime.destination.Destination;
import io.tributary.runtime.sync.SyncOptions;
import io.tributary.runtime.sync.SyncResult;
import io.tributary.runtime.sync.SyncRunner;
import io.tributary.sdk.Configuration;
import io.tributary.sdk.Connector;
import java.util.List;
import java.util.Map;

/** Runs syncs into one schema of a warehouse under test and reads it back; each sync opens a new destination. */
public final class Warehouse {
    private final DestinationUnderTest target;
    private final String schema;

    public Warehouse(DestinationUnderTest target, String schema) {
        this.target = target;
        this.schema = schema;
    }

    public SyncResult sync(Connector connector) {
        return sync(connector, SyncOptions.defaults());
    }

    public SyncResult sync(Connector connector, SyncOptions options) {
        try (Destination destination = target.open(schema)) {
            return new SyncRunner(options).run(connector, Configuration.empty(), null, destination, s -> { });
        }
    }

    public List<Map<String, Object>> rows(String sql) throws Exception {
        return target.query(sql);
    }

    /** The state as a newly opened destination reads it, or null. */
    public String state() {
        try (Destination destination = target.open(schema)) {
            return destination.committedState().orElse(null);
        }
    }

    /** The warehouse type of a column, or null when the column does not exist. */
    public String columnType(String table, String column) throws Exception {
        return target.columns(schema, table).stream().filter(c -> c.name().equals(column))
                .map(DestinationUnderTest.Column::type).findFirst().orElse(null);
    }

    public List<String> columnNames(String table) throws Exception {
        return target.columns(schema, table).stream().map(DestinationUnderTest.Column::name).toList();
    }

    public List<String> tables() throws Exception {
        return target.tables(schema);
    }

    public String schema() {
        return schema;
    }
}
