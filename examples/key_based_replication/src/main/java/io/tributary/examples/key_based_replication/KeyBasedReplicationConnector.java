package io.tributary.examples.key_based_replication;

import io.tributary.sdk.Configuration;
import io.tributary.sdk.Configuration.ConfigurationException;
import io.tributary.sdk.Connector;
import io.tributary.sdk.DataType;
import io.tributary.sdk.Log;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import io.tributary.sdk.Table;
import io.tributary.sdk.jdbc.Checkpoints;
import io.tributary.sdk.jdbc.Position;
import io.tributary.sdk.jdbc.SourceTable;
import io.tributary.sdk.jdbc.TableRead;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Key-based incremental replication from a database: {@code updated_at} is the replication key, and each sync
 * reads only the rows whose key is greater than the greatest value already synced ({@code last_updated_at} in
 * the state), in key order.
 *
 * <p>The key shows inserts and updates, not deletes: a row deleted in the source stays in the warehouse, and a
 * row changed without moving its {@code updated_at} is not read again.
 */
public class KeyBasedReplicationConnector implements Connector {
    static final String TABLE = "customers";
    static final String CURSOR = "last_updated_at";
    /** Where the first sync starts: rows last updated before this are not read until they change. */
    static final Instant INITIAL_CURSOR = Instant.parse("2024-01-01T00:00:00Z");
    static final String SOURCE_DATABASE = "source_database";
    static final String CHECKPOINT_INTERVAL = "checkpoint_interval";

    @Override
    public List<Table> schema(Configuration configuration) {
        return List.of(Table.named(TABLE)
                .primaryKey("customer_id")
                .column("customer_id", DataType.INT)
                .column("first_name", DataType.STRING)
                .column("last_name", DataType.STRING)
                .column("email", DataType.STRING)
                .column("updated_at", DataType.UTC_DATETIME));
    }

    @Override
    public void update(Configuration configuration, State state, Operations operations) throws Exception {
        int checkpointInterval = configuration.getInt(CHECKPOINT_INTERVAL, 1000);
        if (checkpointInterval < 1) {
            throw new ConfigurationException(CHECKPOINT_INTERVAL,
                    "configuration key '" + CHECKPOINT_INTERVAL + "' must be at least 1, got " + checkpointInterval);
        }
        Instant cursor = Instant.parse(state.getString(CURSOR, INITIAL_CURSOR.toString()));
        Log.fine("fetching customers updated after " + cursor);

        try (Connection source = SourceDatabase.open(configuration.get(SOURCE_DATABASE))) {
            // SELECT ... FROM customers WHERE updated_at > ? ORDER BY updated_at
            TableRead read = TableRead.replicationKey(SourceTable.describe(source, TABLE), "updated_at")
                    .columns("customer_id", "first_name", "last_name", "email", "updated_at");
            // updated_at holds UTC times without a zone.
            Position start = read.after(LocalDateTime.ofInstant(cursor, ZoneOffset.UTC));
            // The cursor is exclusive: Checkpoints never checkpoints between two rows with the same key.
            Checkpoints checkpoints = Checkpoints.every(checkpointInterval, start,
                    position -> operations.checkpoint(state.put(CURSOR, utc(position))));
            read.read(source, start, row -> {
                checkpoints.beforeRow(row.position());
                operations.upsert(TABLE, row.values()); // updated_at as UTC: the column is declared UTC_DATETIME
            });
            // Always checkpoint, even when nothing changed: the first sync records where it started.
            checkpoints.finish();
        }
    }

    private static String utc(Position position) {
        return ((LocalDateTime) position.get("updated_at")).toInstant(ZoneOffset.UTC).toString();
    }
}
