package io.tributary.benchmarks;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.apache.arrow.c.ArrowArrayStream;
import org.apache.arrow.c.Data;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.TimeStampMicroTZVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

/**
 * The physical ceiling: the same rows straight into a DuckDB staging table from primitive values (no maps, no
 * validation, no coercion), then one merge per chunk into a keyed target, committed per chunk.
 */
final class Ceiling {
    private static final String TARGET_COLUMNS = "id BIGINT PRIMARY KEY, name VARCHAR, email VARCHAR, city VARCHAR, "
            + "score DOUBLE, ratio DOUBLE, active BOOLEAN, updated_at TIMESTAMPTZ, amount DECIMAL(18,4), payload JSON, "
            + "_fivetran_synced TIMESTAMPTZ, _fivetran_deleted BOOLEAN";
    private static final String MERGE = "INSERT INTO t SELECT *, now(), false FROM staging ON CONFLICT (id) DO UPDATE SET "
            + "name = excluded.name, email = excluded.email, city = excluded.city, score = excluded.score, "
            + "ratio = excluded.ratio, active = excluded.active, updated_at = excluded.updated_at, "
            + "amount = excluded.amount, payload = excluded.payload, _fivetran_synced = excluded._fivetran_synced, "
            + "_fivetran_deleted = excluded._fivetran_deleted";

    private Ceiling() {
    }

    interface Loader {
        void load(DuckDBConnection c, long from, long to) throws Exception;
    }

    /** Rows per second for loading {@code rows} rows in chunks of {@code chunk}. */
    static double measure(Path file, long rows, int chunk, Loader loader) throws Exception {
        try (DuckDBConnection c = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + file)) {
            c.setAutoCommit(false);
            try (Statement st = c.createStatement()) {
                st.execute("CREATE TABLE t (" + TARGET_COLUMNS + ")");
                c.commit();
                long started = System.nanoTime();
                long staging = 0;
                for (long from = 0; from < rows; from += chunk) {
                    long t0 = System.nanoTime();
                    st.execute("CREATE TEMP TABLE staging (" + SyntheticRows.COLUMNS + ")");
                    loader.load(c, from, Math.min(rows, from + chunk));
                    staging += System.nanoTime() - t0;
                    st.execute(MERGE);
                    st.execute("DROP TABLE staging");
                    c.commit();
                }
                long total = System.nanoTime() - started;
                System.out.printf("  (staging %.1f s = %,.0f rows/s, merge and commit %.1f s)%n", staging / 1e9,
                        rows / (staging / 1e9), (total - staging) / 1e9);
                return rows / (total / 1e9);
            }
        }
    }

    static void appender(DuckDBConnection c, long from, long to) throws SQLException {
        try (DuckDBAppender a = c.createAppender("temp", "main", "staging")) {
            for (long i = from; i < to; i++) {
                a.beginRow();
                a.append(i);
                a.append(SyntheticRows.name(i));
                a.append(SyntheticRows.email(i));
                a.append(SyntheticRows.city(i));
                a.append(SyntheticRows.score(i));
                a.append(SyntheticRows.ratio(i));
                a.append(SyntheticRows.active(i));
                a.appendEpochMicros(SyntheticRows.updatedAt(i).getEpochSecond() * 1_000_000L);
                a.append(SyntheticRows.amount(i));
                a.append(SyntheticRows.payload(i));
                a.endRow();
            }
        }
    }

    private static final BufferAllocator ALLOCATOR = new RootAllocator();

    static void arrow(DuckDBConnection c, long from, long to) throws Exception {
        Schema schema = new Schema(java.util.List.of(
                field("id", new ArrowType.Int(64, true)), field("name", ArrowType.Utf8.INSTANCE),
                field("email", ArrowType.Utf8.INSTANCE), field("city", ArrowType.Utf8.INSTANCE),
                field("score", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
                field("ratio", new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
                field("active", ArrowType.Bool.INSTANCE),
                field("updated_at", new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC")),
                field("amount", new ArrowType.Decimal(18, 4, 128)), field("payload", ArrowType.Utf8.INSTANCE)));
        // Fresh vectors per chunk, closed after the insert: DuckDB reads them until then.
        int batch = 65_536;
        for (long start = from; start < to; start += batch) {
            int n = (int) Math.min(batch, to - start);
            try (VectorSchemaRoot root = VectorSchemaRoot.create(schema, ALLOCATOR)) {
                root.allocateNew();
                for (int r = 0; r < n; r++) {
                    long i = start + r;
                    ((BigIntVector) root.getVector(0)).setSafe(r, i);
                    ((VarCharVector) root.getVector(1)).setSafe(r, SyntheticRows.name(i).getBytes(StandardCharsets.UTF_8));
                    ((VarCharVector) root.getVector(2)).setSafe(r, SyntheticRows.email(i).getBytes(StandardCharsets.UTF_8));
                    ((VarCharVector) root.getVector(3)).setSafe(r, SyntheticRows.city(i).getBytes(StandardCharsets.UTF_8));
                    ((Float8Vector) root.getVector(4)).setSafe(r, SyntheticRows.score(i));
                    ((Float8Vector) root.getVector(5)).setSafe(r, SyntheticRows.ratio(i));
                    ((BitVector) root.getVector(6)).setSafe(r, SyntheticRows.active(i) ? 1 : 0);
                    ((TimeStampMicroTZVector) root.getVector(7)).setSafe(r, SyntheticRows.updatedAt(i).getEpochSecond() * 1_000_000L);
                    ((DecimalVector) root.getVector(8)).setSafe(r, SyntheticRows.amount(i));
                    ((VarCharVector) root.getVector(9)).setSafe(r, SyntheticRows.payload(i).getBytes(StandardCharsets.UTF_8));
                }
                root.setRowCount(n);
                try (ArrowReader reader = new RootReader(ALLOCATOR, root);
                     ArrowArrayStream stream = ArrowArrayStream.allocateNew(ALLOCATOR)) {
                    Data.exportArrayStream(ALLOCATOR, reader, stream);
                    c.registerArrowStream("ceiling_batch", stream);
                    try (Statement st = c.createStatement()) {
                        st.execute("INSERT INTO staging SELECT * FROM ceiling_batch");
                    }
                }
            }
        }
    }

    private static Field field(String name, ArrowType type) {
        return new Field(name, FieldType.nullable(type), null);
    }

    /** Hands one filled root to DuckDB. */
    private static final class RootReader extends ArrowReader {
        private final VectorSchemaRoot root;
        private boolean done;

        RootReader(BufferAllocator allocator, VectorSchemaRoot root) {
            super(allocator);
            this.root = root;
        }

        @Override
        public boolean loadNextBatch() {
            boolean next = !done;
            done = true;
            return next;
        }

        @Override
        public VectorSchemaRoot getVectorSchemaRoot() {
            return root;
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
            return root.getSchema();
        }
    }
}
