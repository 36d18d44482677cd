package io.tributary.examples.pagination_database_keyset;

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
import java.util.List;

/**
 * Keyset pagination over a PostgreSQL table: each page is
 * {@code SELECT ... WHERE (updated_at, id) > (?, ?) ORDER BY updated_at, id LIMIT 25}, starting after the last row
 * of the page before. The state keeps that row's {@code updated_after} and {@code last_id}, so a later sync reads
 * only rows inserted or updated since, and rows that share an {@code updated_at} are never skipped or read twice.
 */
public class PaginationDatabaseKeysetConnector implements Connector {
    static final String TABLE = "user";
    static final String SOURCE_TABLE = "users";
    static final String UPDATED_AFTER = "updated_after";
    static final String LAST_ID = "last_id";
    static final String ROWS_PER_PAGE = "rows_per_page";

    @Override
    public List<Table> schema(Configuration configuration) {
        return List.of(Table.named(TABLE)
                .primaryKey("id")
                .column("id", DataType.INT)
                .column("name", DataType.STRING)
                .column("email", DataType.STRING)
                .column("updated_at", DataType.UTC_DATETIME));
    }

    @Override
    public void update(Configuration configuration, State state, Operations operations) throws Exception {
        int rowsPerPage = configuration.getInt(ROWS_PER_PAGE, 25);
        if (rowsPerPage < 1) {
            throw new ConfigurationException(ROWS_PER_PAGE, "configuration key '" + ROWS_PER_PAGE
                    + "' must be at least 1, got " + rowsPerPage);
        }
        try (Connection source = SourceDatabase.connect(configuration)) {
            TableRead read = TableRead.keyset(SourceTable.describe(source, SOURCE_TABLE), "updated_at")
                    .columns("id", "name", "email", "updated_at")
                    .pageSize(rowsPerPage);
            Position start = state.has(UPDATED_AFTER)
                    ? read.after(state.getString(UPDATED_AFTER), state.getString(LAST_ID))
                    : read.start();
            Log.info("reading " + SOURCE_TABLE + " after " + start + ", " + rowsPerPage + " rows per page");

            // One checkpoint per page, saving the last row's (updated_at, id): the next page starts after it.
            Checkpoints checkpoints = Checkpoints.every(rowsPerPage, start, position -> operations.checkpoint(
                    state.put(UPDATED_AFTER, position.text("updated_at")).put(LAST_ID, position.text("id"))));
            long rows = read.read(source, start, row -> {
                checkpoints.beforeRow(row.position());
                operations.upsert(TABLE, row.values());
            });
            if (rows > 0) {
                checkpoints.finish();
            }
            Log.info("upserted " + rows + " users");
        }
    }
}
