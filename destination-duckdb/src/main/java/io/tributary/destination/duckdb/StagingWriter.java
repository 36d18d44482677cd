package io.tributary.destination.duckdb;

import io.tributary.runtime.destination.Batch;
import java.sql.SQLException;

/** Bulk-loads a batch into a staging table whose columns are {@code _seq, _op, _present} then the batch's. */
interface StagingWriter {
    void write(String stagingName, Batch batch) throws SQLException;
}
