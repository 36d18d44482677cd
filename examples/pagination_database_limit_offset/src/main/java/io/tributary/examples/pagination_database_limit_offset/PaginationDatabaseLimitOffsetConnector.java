package io.tributary.examples.pagination_database_limit_offset;

import io.tributary.sdk.Configuration;
import io.tributary.sdk.Configuration.ConfigurationException;
import io.tributary.sdk.Connector;
import io.tributary.sdk.DataType;
import io.tributary.sdk.Log;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import io.tributary.sdk.Table;
import io.tributary.sdk.jdbc.ResultRows;
import io.tributary.sdk.jdbc.SourceTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;

/**
 * LIMIT/OFFSET pagination over a PostgreSQL table, as Fivetran's example does it: pages of
 * {@code ORDER BY updated_at, id LIMIT 25 OFFSET n}, and the state keeps {@code offset}, the number of rows read so
 * far. Simple, and correct only while the table does not change: see the README for what goes wrong when it does,
 * and {@code examples/pagination_database_keyset} for the pattern to use instead.
 */
public class PaginationDatabaseLimitOffsetConnector implements Connector {
    static final String TABLE = "user";
    static final String SOURCE_TABLE = "users";
    static final String OFFSET = "offset";
    static final String ROWS_PER_PAGE = "rows_per_page";
    // A deterministic order, so an offset means the same position from one query to the next.
    private static final String PAGE = "SELECT id, name, email, updated_at FROM users ORDER BY updated_at, id "
            + "LIMIT ? OFFSET ?";

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
        int offset = state.getInt(OFFSET, 0);
        try (Connection source = SourceDatabase.connect(configuration);
             PreparedStatement page = source.prepareStatement(PAGE)) {
            SourceTable.describe(source, SOURCE_TABLE); // fails clearly, naming the tables there are, when it is missing
            while (true) {
                page.setInt(1, rowsPerPage);
                page.setInt(2, offset);
                int rows = 0;
                try (ResultSet rs = page.executeQuery()) {
                    ResultRows shape = ResultRows.of(rs);
                    while (rs.next()) {
                        operations.upsert(TABLE, shape.read(rs));
                        rows++;
                    }
                }
                if (rows == 0) {
                    break;
                }
                Log.info("read " + rows + " users at offset " + offset);
                // The actual count, not the page size: the last page may be short.
                offset += rows;
                operations.checkpoint(state.put(OFFSET, offset));
            }
        }
    }
}
