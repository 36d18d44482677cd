package io.tributary.destination.duckdb;

import static io.tributary.destination.duckdb.Sql.quote;

import io.tributary.runtime.destination.Batch;
import io.tributary.runtime.schema.ColumnSchema;
import io.tributary.sdk.ColumnType;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.TimeStampMicroVector;
import org.apache.arrow.vector.UInt1Vector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.duckdb.DuckDBConnection;

/**
 * Stages a batch through DuckDB's Arrow stream import: the batch becomes Arrow vectors (column by column, no
 * per-row native calls) and one {@code INSERT … SELECT} reads them. Each batch gets fresh vectors, released
 * only after the insert: DuckDB may read them until then, and reusing them in place corrupts rows.
 */
final class ArrowStagingWriter implements StagingWriter, AutoCloseable {
    private static final String STREAM = "tributary_batch";
    private final DuckDBConnection connection;
    private final BufferAllocator allocator = new RootAllocator();

    ArrowStagingWriter(DuckDBConnection connection) {
        this.connection = connection;
    }

    @Override
    public void write(String stagingName, Batch batch) throws SQLException {
        List<ColumnSchema> columns = batch.table().columns();
        List<Field> fields = new ArrayList<>();
        fields.add(field("_seq", new ArrowType.Int(64, true)));
        fields.add(field("_op", new ArrowType.Int(8, false)));
        fields.add(field("_present", ArrowType.Utf8.INSTANCE));
        for (ColumnSchema c : columns) {
            fields.add(field(c.name(), arrowType(c.type())));
        }
        int rows = batch.size();
        try (VectorSchemaRoot root = VectorSchemaRoot.create(new Schema(fields), allocator)) {
            allocate(root, batch);
            BigIntVector seq = (BigIntVector) root.getVector(0);
            UInt1Vector op = (UInt1Vector) root.getVector(1);
            VarCharVector present = (VarCharVector) root.getVector(2);
            for (int r = 0; r < rows; r++) {
                seq.setSafe(r, batch.sequence(r));
                op.setSafe(r, batch.op(r).ordinal());
                if (batch.op(r) == Batch.Op.UPDATE) {
                    present.setSafe(r, AppenderStagingWriter.presence(batch, r, columns.size())
                            .getBytes(StandardCharsets.US_ASCII));
                }
            }
            for (int c = 0; c < columns.size(); c++) {
                fill(root.getVector(c + 3), batch.column(c), rows);
            }
            root.setRowCount(rows);
            insert(stagingName, root, columns);
        }
    }

    /** Sizes every vector for the batch up front, so filling never reallocates and copies. */
    private static void allocate(VectorSchemaRoot root, Batch batch) {
        int rows = Math.max(batch.size(), 1);
        for (int v = 0; v < root.getFieldVectors().size(); v++) {
            FieldVector vector = root.getVector(v);
            if (vector instanceof BaseVariableWidthVector variable) {
                long bytes = v >= 3 ? textBytes(batch.column(v - 3), batch.size()) : (v == 2 ? rows : 0);
                variable.allocateNew(Math.max(bytes, 1), rows);
            } else {
                vector.setInitialCapacity(rows);
                vector.allocateNew();
            }
        }
    }

    /** An upper bound of the UTF-8 bytes of a column's text or binary cells (3 bytes per UTF-16 char). */
    private static long textBytes(Object[] cells, int rows) {
        long bytes = 0;
        for (int r = 0; r < rows; r++) {
            Object v = cells[r];
            if (v instanceof String s) {
                bytes += s.length();
            } else if (v instanceof byte[] b) {
                bytes += b.length;
            }
        }
        return bytes;
    }

    private void insert(String stagingName, VectorSchemaRoot root, List<ColumnSchema> columns) throws SQLException {
        StringBuilder names = new StringBuilder("_seq, _op, _present");
        for (ColumnSchema c : columns) {
            names.append(", ").append(quote(c.name()));
        }
        try (OneBatchReader reader = new OneBatchReader(allocator, root);
             ArrowArrayStream stream = ArrowArrayStream.allocateNew(allocator)) {
            Data.exportArrayStream(allocator, reader, stream);
            connection.registerArrowStream(STREAM, stream);
            try (Statement st = connection.createStatement()) {
                st.execute("INSERT INTO temp.main." + quote(stagingName) + " (" + names + ") SELECT " + names
                        + " FROM " + STREAM);
            }
        } catch (IOException e) {
            throw new SQLException("cannot release Arrow buffers: " + e.getMessage(), e);
        }
    }

    private static Field field(String name, ArrowType type) {
        return new Field(name, FieldType.nullable(type), null);
    }

    private static ArrowType arrowType(ColumnType type) {
        return switch (type.type()) {
            case BOOLEAN -> ArrowType.Bool.INSTANCE;
            case SHORT -> new ArrowType.Int(16, true);
            case INT -> new ArrowType.Int(32, true);
            case LONG -> new ArrowType.Int(64, true);
            case DECIMAL -> new ArrowType.Decimal(type.precision(), type.scale(), 128);
            case FLOAT -> new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
            case DOUBLE -> new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
            case NAIVE_DATE -> new ArrowType.Date(DateUnit.DAY);
            case NAIVE_DATETIME -> new ArrowType.Timestamp(TimeUnit.MICROSECOND, null);
            case UTC_DATETIME -> new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC");
            case BINARY -> ArrowType.Binary.INSTANCE;
            case XML, STRING, JSON -> ArrowType.Utf8.INSTANCE;
            case NAIVE_TIME -> new ArrowType.Time(TimeUnit.MICROSECOND, 64);
        };
    }

    /** Copies one column's cells; nulls and untouched cells stay null (vectors start all-null). */
    private static void fill(FieldVector vector, Object[] cells, int rows) {
        for (int r = 0; r < rows; r++) {
            Object v = cells[r];
            if (v == null || v == Batch.UNSET) {
                continue;
            }
            if (vector instanceof VarCharVector s) {
                s.setSafe(r, ((String) v).getBytes(StandardCharsets.UTF_8));
            } else if (vector instanceof BigIntVector l) {
                l.setSafe(r, (Long) v);
            } else if (vector instanceof Float8Vector d) {
                d.setSafe(r, (Double) v);
            } else if (vector instanceof IntVector i) {
                i.setSafe(r, (Integer) v);
            } else if (vector instanceof BitVector b) {
                b.setSafe(r, (Boolean) v ? 1 : 0);
            } else if (vector instanceof TimeStampMicroTZVector t) {
                t.setSafe(r, micros((Instant) v));
            } else if (vector instanceof TimeStampMicroVector t) {
                t.setSafe(r, micros(((LocalDateTime) v).toInstant(ZoneOffset.UTC)));
            } else if (vector instanceof DecimalVector d) {
                d.setSafe(r, (BigDecimal) v);
            } else if (vector instanceof DateDayVector d) {
                d.setSafe(r, (int) ((LocalDate) v).toEpochDay());
            } else if (vector instanceof SmallIntVector s) {
                s.setSafe(r, (Short) v);
            } else if (vector instanceof Float4Vector f) {
                f.setSafe(r, (Float) v);
            } else if (vector instanceof VarBinaryVector b) {
                b.setSafe(r, (byte[]) v);
            } else if (vector instanceof TimeMicroVector t) {
                t.setSafe(r, ((LocalTime) v).toNanoOfDay() / 1_000);
            } else {
                throw new IllegalStateException("no Arrow rule for " + vector.getClass().getSimpleName());
            }
        }
    }

    private static long micros(Instant i) {
        return Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1_000);
    }

    @Override
    public void close() {
        allocator.close();
    }

    /** An {@link ArrowReader} over one already-filled root; the root stays owned by the caller. */
    private static final class OneBatchReader extends ArrowReader {
        private final VectorSchemaRoot batch;
        private boolean delivered;

        OneBatchReader(BufferAllocator allocator, VectorSchemaRoot batch) {
            super(allocator);
            this.batch = batch;
        }

        @Override
        public boolean loadNextBatch() {
            if (delivered) {
                return false;
            }
            delivered = true;
            return true;
        }

        @Override
        public VectorSchemaRoot getVectorSchemaRoot() {
            return batch;
        }

        @Override
        public long bytesRead() {
            return 0;
        }

        @Override
        protected void closeReadSource() {
        }

        @Override
        protected Schema readSchema() {
            return batch.getSchema();
        }
    }
}
