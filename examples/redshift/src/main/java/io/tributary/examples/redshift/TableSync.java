package io.tributary.examples.redshift;

import io.tributary.sdk.Log;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import io.tributary.sdk.jdbc.Checkpoints;
import io.tributary.sdk.jdbc.Position;
import io.tributary.sdk.jdbc.SqlDialect;
import io.tributary.sdk.jdbc.TableRead;
import java.sql.Connection;
import java.util.Objects;

/**
 * Syncs one table on one worker thread with its own connection. Workers share the state: each writes only its own
 * table's entry, always under the state's lock together with the checkpoint, so every checkpoint saves a consistent
 * picture. A checkpoint by one worker may commit rows another has emitted past its own bookmark; that worker reads
 * them again after a restart, and upserts make that harmless.
 */
final class TableSync {
    static final String REPLICATION_KEY = "replication_key";
    static final String BOOKMARK = "bookmark";

    private final TablePlan plan;
    private final State state;
    private final Operations operations;
    private final int batchSize;
    private final int checkpointEvery;

    TableSync(TablePlan plan, State state, Operations operations, int batchSize, int checkpointEvery) {
        this.plan = plan;
        this.state = state;
        this.operations = operations;
        this.batchSize = batchSize;
        this.checkpointEvery = checkpointEvery;
    }

    long run(Connection connection) throws Exception {
        TableRead read = read(connection);
        Position start;
        synchronized (state) {
            State saved = state.getObject(plan.stream());
            if (!Objects.equals(saved.getString(REPLICATION_KEY), plan.replicationKey()) && saved.has(BOOKMARK)) {
                Log.info(plan.stream() + ": the replication key changed to " + plan.replicationKey() + "; syncing it from the start");
                saved.remove(BOOKMARK);
            }
            start = saved.has(BOOKMARK) ? read.position(saved.getObject(BOOKMARK)) : read.start();
        }
        Checkpoints checkpoints = Checkpoints.every(checkpointEvery, start, this::save);
        long rows = read.read(connection, start, row -> {
            checkpoints.beforeRow(row.position());
            operations.upsert(plan.stream(), row.values());
        });
        if (plan.incremental()) {
            checkpoints.finish();
        } else {
            synchronized (state) { // the copy is complete: the next sync copies the table again
                state.remove(plan.stream());
                operations.checkpoint(state);
            }
        }
        Log.info(plan.stream() + ": " + rows + " rows " + (plan.incremental()
                ? "changed after " + start + " (by " + plan.replicationKey() + ")" : "copied in full"));
        return rows;
    }

    private TableRead read(Connection connection) {
        boolean keyed = !plan.table().primaryKey().isEmpty();
        TableRead read = plan.incremental()
                ? (keyed ? TableRead.keyset(plan.table(), plan.replicationKey())
                        : TableRead.replicationKey(plan.table(), plan.replicationKey()))
                : TableRead.byPrimaryKey(plan.table());
        // (k > ? OR (k = ? AND id > ?)) rather than (k, id) > (?, ?): portable, nothing assumed of the warehouse.
        return read.fetchSize(batchSize).dialect(SqlDialect.of(connection).withRowValues(false));
    }

    private void save(Position position) {
        synchronized (state) {
            State saved = state.getObject(plan.stream());
            saved.put(REPLICATION_KEY, plan.replicationKey());
            saved.putValue(BOOKMARK, position.toState());
            operations.checkpoint(state);
        }
    }
}
