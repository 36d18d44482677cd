package io.tributary.benchmarks;

import io.tributary.destination.postgres.PostgresDestination;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Tributary's sync into PostgreSQL against the physical ceiling, on a throwaway PostgreSQL in the same run: the
 * synthetic rows of {@link SyncBenchmark} (checkpoint every 100,000) through {@link PostgresDestination}, and the
 * same rows written as COPY text from primitive values into a temporary staging table, merged with one
 * {@code INSERT … ON CONFLICT DO UPDATE} per 100,000 rows and committed. Prints rows/s for each and the ratio.
 *
 * <p>Usage: {@code PostgresSyncBenchmark [rows]}.
 */
public final class PostgresSyncBenchmark {
    private static final int CHUNK = 100_000;
    private static final String COLUMNS = "id bigint, name text, email text, city text, score double precision, "
            + "ratio double precision, active boolean, updated_at timestamptz, amount numeric(18,4), payload json";
    private static final String MERGE = "INSERT INTO ceiling.t SELECT *, now(), false FROM staging ON CONFLICT (id) "
            + "DO UPDATE SET name = excluded.name, email = excluded.email, city = excluded.city, "
            + "score = excluded.score, ratio = excluded.ratio, active = excluded.active, "
            + "updated_at = excluded.updated_at, amount = excluded.amount, payload = excluded.payload, "
            + "_fivetran_synced = excluded._fivetran_synced, _fivetran_deleted = excluded._fivetran_deleted";

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 1_000_000;
        System.out.printf("rows=%,d checkpoint every %,d, heap max %,d MB, cores %d, embedded PostgreSQL%n", rows,
                CHUNK, Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            for (String round : List.of("warm-up", "measured")) {
                long n = round.equals("warm-up") ? rows / 5 : rows;
                reset(url);
                double ours;
                try (PostgresDestination destination = new PostgresDestination(url, "postgres", "postgres", "bench")) {
                    ours = SyncBenchmark.sync(destination, n);
                }
                double ceiling = ceiling(url, n);
                if (round.equals("measured")) {
                    System.out.printf("tributary sync            %,12.0f rows/s%n", ours);
                    System.out.printf("ceiling: COPY + merge     %,12.0f rows/s%n", ceiling);
                    System.out.printf("ratio (tributary / ceiling) = %.2f%n", ours / ceiling);
                }
            }
        }
    }

    private static void reset(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
             Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA IF EXISTS bench CASCADE");
            st.execute("DROP SCHEMA IF EXISTS _tributary CASCADE");
            st.execute("DROP SCHEMA IF EXISTS ceiling CASCADE");
        }
    }

    private static double ceiling(String url, long rows) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
             Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA ceiling");
            st.execute("CREATE TABLE ceiling.t (" + COLUMNS.replace("id bigint", "id bigint PRIMARY KEY")
                    + ", _fivetran_synced timestamptz, _fivetran_deleted boolean)");
            c.setAutoCommit(false);
            long started = System.nanoTime();
            for (long from = 0; from < rows; from += CHUNK) {
                st.execute("CREATE TEMP TABLE staging (" + COLUMNS + ") ON COMMIT DROP");
                copy(c, from, Math.min(rows, from + CHUNK));
                st.execute(MERGE);
                c.commit();
            }
            return rows / ((System.nanoTime() - started) / 1e9);
        }
    }

    /** The rows as COPY text, sent in 64 KiB pieces. */
    private static void copy(Connection c, long from, long to) throws Exception {
        CopyIn in = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY staging FROM STDIN");
        StringBuilder text = new StringBuilder(1 << 17);
        for (long i = from; i < to; i++) {
            text.append(i).append('\t').append(SyntheticRows.name(i)).append('\t').append(SyntheticRows.email(i))
                    .append('\t').append(SyntheticRows.city(i)).append('\t').append(SyntheticRows.score(i))
                    .append('\t').append(SyntheticRows.ratio(i)).append('\t').append(SyntheticRows.active(i) ? 't' : 'f')
                    .append('\t').append(SyntheticRows.updatedAt(i)).append('\t')
                    .append(SyntheticRows.amount(i).toPlainString()).append('\t').append(SyntheticRows.payload(i))
                    .append('\n');
            if (text.length() >= 1 << 16) {
                byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
                in.writeToCopy(bytes, 0, bytes.length);
                text.setLength(0);
            }
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        in.writeToCopy(bytes, 0, bytes.length);
        in.endCopy();
    }
}
