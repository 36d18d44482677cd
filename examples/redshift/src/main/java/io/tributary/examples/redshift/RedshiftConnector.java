package io.tributary.examples.redshift;

import io.tributary.sdk.Configuration;
import io.tributary.sdk.Configuration.ConfigurationException;
import io.tributary.sdk.Connector;
import io.tributary.sdk.ConnectorException;
import io.tributary.sdk.Log;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import io.tributary.sdk.Table;
import io.tributary.sdk.jdbc.Jdbc;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Tables of an Amazon Redshift schema, each synced incrementally by its replication key (inferred from an
 * update-time column, or given) and checkpointed every {@code checkpoint_every_rows} rows, by up to
 * {@code max_parallel_workers} workers with a connection each. Tables without a replication key are copied in full
 * every sync. Redshift speaks the PostgreSQL protocol, so the PostgreSQL JDBC driver reaches it.
 */
public class RedshiftConnector implements Connector {

    @Override
    public List<Table> schema(Configuration configuration) {
        try (Connection connection = connect(configuration)) {
            List<Table> tables = new ArrayList<>();
            for (TablePlan plan : TablePlan.plans(connection, configuration)) {
                if (plan.table().primaryKey().isEmpty()) {
                    Log.warning(plan.stream() + " has no primary key: its rows are keyed by a hash of their values");
                }
                tables.add(plan.table().toTable(plan.stream()));
            }
            return tables;
        } catch (java.sql.SQLException e) {
            throw new ConnectorException("cannot close the connection to Redshift: " + e.getMessage(), e);
        }
    }

    @Override
    public void update(Configuration configuration, State state, Operations operations) throws Exception {
        int batchSize = atLeastOne(configuration, "batch_size", 1000);
        int checkpointEvery = atLeastOne(configuration, "checkpoint_every_rows", 1000);
        List<TablePlan> plans;
        try (Connection connection = connect(configuration)) {
            plans = TablePlan.plans(connection, configuration);
        }
        List<TablePlan> runnable = new ArrayList<>();
        for (TablePlan plan : plans) {
            if (plan.table().primaryKey().isEmpty() && !plan.incremental()) {
                operations.warning(plan.stream() + " has neither a primary key nor an update-time column: there is no "
                        + "order to resume a copy in, so it is skipped. Add a primary key, or name its replication key in 'tables'.");
            } else {
                runnable.add(plan);
                state.getObject(plan.stream()); // created here, so the workers never change the state's shape
            }
        }
        // More than 4 workers rarely helps: they share the cluster's query slots.
        int workers = Math.max(1, Math.min(atLeastOne(configuration, "max_parallel_workers", 4), runnable.size()));
        Log.info(runnable.size() + " tables, " + workers + " workers");

        ExecutorService pool = Executors.newFixedThreadPool(workers);
        try {
            List<Future<Long>> results = new ArrayList<>();
            for (TablePlan plan : runnable) {
                TableSync sync = new TableSync(plan, state, operations, batchSize, checkpointEvery);
                results.add(pool.submit(() -> {
                    try (Connection connection = connect(configuration)) {
                        return sync.run(connection);
                    }
                }));
            }
            // Every table runs to its end or its own failure; the first failure, in table order, fails the sync.
            Exception first = null;
            for (int i = 0; i < results.size(); i++) {
                try {
                    results.get(i).get();
                } catch (ExecutionException e) {
                    Log.severe(runnable.get(i).stream() + " failed: " + e.getCause().getMessage());
                    if (first == null) {
                        first = e.getCause() instanceof Exception cause ? cause : e;
                    }
                }
            }
            if (first != null) {
                throw first;
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static int atLeastOne(Configuration configuration, String key, int defaultValue) {
        int value = configuration.getInt(key, defaultValue);
        if (value < 1) {
            throw new ConfigurationException(key, "configuration key '" + key + "' must be at least 1, got " + value);
        }
        return value;
    }

    static Connection connect(Configuration configuration) {
        String url = "jdbc:postgresql://" + configuration.require("redshift_host") + ":"
                + configuration.getInt("redshift_port", 5439) + "/" + configuration.require("redshift_database");
        return Jdbc.connect(url, configuration.require("redshift_user"), configuration.get("redshift_password", ""));
    }
}
