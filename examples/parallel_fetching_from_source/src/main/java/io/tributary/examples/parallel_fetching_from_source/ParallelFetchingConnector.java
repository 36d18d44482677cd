package io.tributary.examples.parallel_fetching_from_source;

import io.tributary.sdk.Configuration;
import io.tributary.sdk.Configuration.ConfigurationException;
import io.tributary.sdk.Connector;
import io.tributary.sdk.ConnectorException;
import io.tributary.sdk.DataType;
import io.tributary.sdk.Log;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import io.tributary.sdk.Table;
import io.tributary.sdk.http.ParallelFetch;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads the CSV files of a folder (standing in for the objects of an S3 bucket) on a pool of {@code parallelism}
 * threads, each file streamed row by row into the table named after it, which it replaces. Files are completed in name order whatever
 * the threads' speed, and the state records each completed file's version after it, so a checkpoint never claims
 * a file that is still being read. A later sync reads only the files that are new or changed.
 */
public class ParallelFetchingConnector implements Connector {
    static final String FILES = "files";

    @Override
    public List<Table> schema(Configuration configuration) {
        // The tables of the sample files; a file without a declaration lands in a table keyed by _fivetran_id.
        return List.of(
                Table.named("customers").primaryKey("customer_id"),
                Table.named("orders").primaryKey("order_id")
                        .decimal("amount", 10, 2)
                        .column("ordered_at", DataType.UTC_DATETIME),
                Table.named("products").primaryKey("product_id")
                        .decimal("price", 10, 2),
                Table.named("campaigns").primaryKey("campaign_id")
                        .column("target_demographics", DataType.JSON));
    }

    @Override
    public void update(Configuration configuration, State state, Operations operations) throws IOException {
        Path folder = Path.of(configuration.get("folder", "examples/parallel_fetching_from_source/sample_files"));
        int parallelism = configuration.getInt("parallelism", 4);
        if (parallelism < 1) {
            throw new ConfigurationException("parallelism",
                    "configuration key 'parallelism' must be at least 1, got " + parallelism);
        }
        State done = state.getObject(FILES);
        List<SourceFile> toRead = SourceFile.list(folder).stream()
                .filter(f -> !f.version().equals(done.getString(f.name())))
                .toList();
        Log.info(toRead.size() + " new or changed CSV files in " + folder + ", read by " + parallelism + " threads");

        ParallelFetch.withThreads(parallelism).run(toRead.iterator(),
                file -> file.stream(operations), // on a pool thread
                (file, rows) -> {                // on this thread, in name order
                    Log.info(file.name() + ": " + rows + " rows into " + file.table());
                    done.put(file.name(), file.version());
                    operations.checkpoint(state);
                    return true;
                });
    }

    /** Fails the sync naming the file, for a reason found while reading it. */
    static ConnectorException failure(SourceFile file, Exception cause) {
        return new ConnectorException("reading " + file.path() + " failed: " + cause.getMessage()
                + ". Files before it are synced; fix it and the next sync starts with it", cause);
    }
}
