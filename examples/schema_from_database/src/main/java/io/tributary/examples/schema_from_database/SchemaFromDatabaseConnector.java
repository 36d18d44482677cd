package io.tributary.examples.schema_from_database;

import io.tributary.sdk.Configuration;
import io.tributary.sdk.Configuration.ConfigurationException;
import io.tributary.sdk.Connector;
import io.tributary.sdk.Log;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import io.tributary.sdk.Table;
import io.tributary.sdk.jdbc.Checkpoints;
import io.tributary.sdk.jdbc.Jdbc;
import io.tributary.sdk.jdbc.Position;
import io.tributary.sdk.jdbc.SourceTable;
import io.tributary.sdk.jdbc.TableRead;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code schema()} built from the source database's INFORMATION_SCHEMA ({@link InformationSchema}): the tables named
 * in {@code tables}, every column typed, each primary key declared. {@code update()} then reads each table
 * incrementally by {@code created_at} (with the primary key to break ties), a checkpoint every {@code batch_size}
 * rows.
 */
public class SchemaFromDatabaseConnector implements Connector {

    @Override
    public List<Table> schema(Configuration configuration) throws Exception {
        try (Connection source = connect(configuration)) {
            List<Table> tables = new ArrayList<>();
            for (String table : tables(configuration)) {
                InformationSchema.SourceTableInfo info = InformationSchema.describe(source, schemaName(configuration), table);
                if (info.primaryKey().isEmpty()) {
                    Log.warning("table " + table + " has no primary key: its rows are keyed by a hash of their values");
                }
                Log.info("schema of " + table + ": " + info.columns() + ", primary key " + info.primaryKey());
                tables.add(info.toTable());
            }
            return tables;
        }
    }

    @Override
    public void update(Configuration configuration, State state, Operations operations) throws Exception {
        int batchSize = configuration.getInt("batch_size", 1000);
        if (batchSize < 1) {
            throw new ConfigurationException("batch_size", "configuration key 'batch_size' must be at least 1, got " + batchSize);
        }
        String incremental = configuration.get("incremental_column", "created_at");
        try (Connection source = connect(configuration)) {
            for (String table : tables(configuration)) {
                SourceTable described = SourceTable.describe(source, schemaName(configuration) + "." + table);
                // (created_at, primary key) > (?, ?): rows that share a created_at are neither skipped nor repeated.
                TableRead read = described.primaryKey().isEmpty()
                        ? TableRead.replicationKey(described, incremental)
                        : TableRead.keyset(described, incremental);
                Position start = read.position(state.getObject(table));
                Checkpoints checkpoints = Checkpoints.every(batchSize, start, position -> {
                    state.putValue(table, position.toState());
                    operations.checkpoint(state);
                });
                long rows = read.read(source, start, row -> {
                    checkpoints.beforeRow(row.position());
                    operations.upsert(table, row.values());
                });
                checkpoints.finish();
                Log.info(table + ": " + rows + " rows created after " + start);
            }
        }
    }

    private static List<String> tables(Configuration configuration) {
        List<String> tables = configuration.getList("tables");
        if (tables.isEmpty()) {
            throw new ConfigurationException("tables", "configuration key 'tables' must name at least one table, "
                    + "comma-separated, such as \"orders,products\"");
        }
        return tables;
    }

    private static String schemaName(Configuration configuration) {
        return configuration.get("schema", "public");
    }

    private static Connection connect(Configuration configuration) {
        String url = "jdbc:postgresql://" + configuration.require("host") + ":" + configuration.getInt("port", 5432)
                + "/" + configuration.require("database");
        return Jdbc.connect(url, configuration.require("user"), configuration.get("password", ""));
    }
}
