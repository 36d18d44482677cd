package io.tributary.destination.duckdb;

import io.tributary.runtime.destination.Batch;
import io.tributary.runtime.schema.ColumnSchema;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/** Stages through DuckDB's Appender, row by row into native chunks (no SQL per row). */
final class AppenderStagingWriter implements StagingWriter {
    private final DuckDBConnection connection;

    AppenderStagingWriter(DuckDBConnection connection) {
        this.connection = connection;
    }

    @Override
    public void write(String stagingName, Batch batch) throws SQLException {
        List<ColumnSchema> columns = batch.table().columns();
        int width = columns.size();
        try (DuckDBAppender appender = connection.createAppender("temp", "main", stagingName)) {
            for (int r = 0; r < batch.size(); r++) {
                appender.beginRow();
                appender.append(batch.sequence(r));
                appender.append((byte) batch.op(r).ordinal());
                if (batch.op(r) == Batch.Op.UPDATE) {
                    appender.append(presence(batch, r, width));
                } else {
                    appender.appendNull();
                }
                for (int c = 0; c < width; c++) {
                    appendValue(appender, batch.value(c, r));
                }
                appender.endRow();
            }
        }
    }

    static String presence(Batch batch, int row, int width) {
        char[] bits = new char[width];
        for (int c = 0; c < width; c++) {
            bits[c] = batch.value(c, row) == Batch.UNSET ? '0' : '1';
        }
        return new String(bits);
    }

    private static void appendValue(DuckDBAppender appender, Object v) throws SQLException {
        if (v == null || v == Batch.UNSET) {
            appender.appendNull();
        } else if (v instanceof String s) {
            appender.append(s);
        } else if (v instanceof Long l) {
            appender.append(l.longValue());
        } else if (v instanceof Integer i) {
            appender.append(i.intValue());
        } else if (v instanceof Double d) {
            appender.append(d.doubleValue());
        } else if (v instanceof Boolean b) {
            appender.append(b.booleanValue());
        } else if (v instanceof BigDecimal d) {
            appender.append(d);
        } else if (v instanceof Instant i) {
            appender.appendEpochMicros(Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L),
                    i.getNano() / 1_000));
        } else if (v instanceof LocalDateTime t) {
            appender.append(t);
        } else if (v instanceof LocalDate d) {
            appender.append(d);
        } else if (v instanceof LocalTime t) {
            appender.append(t);
        } else if (v instanceof Short s) {
            appender.append(s.shortValue());
        } else if (v instanceof Float f) {
            appender.append(f.floatValue());
        } else if (v instanceof byte[] b) {
            appender.append(b);
        } else {
            throw new SQLException("no staging rule for " + v.getClass().getName());
        }
    }
}
