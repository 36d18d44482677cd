package io.tributary.benchmarks;

import io.tributary.sdk.jdbc.SourceTable;
import io.tributary.sdk.jdbc.SqlDialect;
import io.tributary.sdk.jdbc.TableRead;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * sdk-jdbc's reads against the ceiling of a plain JDBC loop (typed getters, no maps), reading 1,000,000 rows from a
 * throwaway PostgreSQL in the same run: {@link TableRead} (maps of SDK values, positions), streamed and paged. The
 * numbers include the database's own work; compare them only within one run.
 *
 * <p>Usage: {@code KeysetReadBenchmark [rows] [runs]}.
 */
public final class KeysetReadBenchmark {
    private KeysetReadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        long t0 = System.nanoTime();
        execute(postgres, "CREATE TABLE events (id int PRIMARY KEY, updated_at timestamptz NOT NULL, amount numeric(12,2) "
                        + "NOT NULL, payload text NOT NULL)",
                "INSERT INTO events SELECT g, timestamptz '2024-01-01 00:00:00+00' + (g / 100) * interval '1 second', "
                        + "g % 100000 / 100.0, 'payload ' || g FROM generate_series(1, " + rows + ") g",
                "CREATE INDEX events_keyset ON events (updated_at, id)", "VACUUM ANALYZE events");
        System.out.printf("seeded %,d rows (100 per updated_at) in %.1f s%n", rows, (System.nanoTime() - t0) / 1e9);

        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            SourceTable table = SourceTable.describe(c, "events");
            printPlan(c, TableRead.keyset(table, "updated_at"));
            printPlan(c, TableRead.keyset(table, "updated_at").pageSize(1_000));
            measure("plain JDBC, fetch size 1000, typed getters", rows, runs, () -> plain(c));
            measure("TableRead.keyset, one streamed query", rows, runs,
                    () -> read(c, TableRead.keyset(table, "updated_at")));
            measure("TableRead.keyset, pages of 10,000", rows, runs,
                    () -> read(c, TableRead.keyset(table, "updated_at").pageSize(10_000)));
            measure("TableRead.keyset, pages of 1,000", rows, runs,
                    () -> read(c, TableRead.keyset(table, "updated_at").pageSize(1_000)));
        }
        postgres.close();
    }

    private static void execute(EmbeddedPostgres postgres, String... statements) throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }

    private static void printPlan(Connection c, TableRead read) throws Exception {
        String sql = read.sql(read.after("2024-01-01T01:00:00Z", 360_000), SqlDialect.of(c));
        try (PreparedStatement st = c.prepareStatement("EXPLAIN " + sql)) {
            st.setObject(1, OffsetDateTime.parse("2024-01-01T01:00:00Z"));
            st.setInt(2, 360_000);
            try (ResultSet rs = st.executeQuery()) {
                System.out.println(sql);
                while (rs.next()) {
                    System.out.println("    " + rs.getString(1));
                }
            }
        }
    }

    private interface Run {
        long rows() throws Exception;
    }

    private static void measure(String name, int expected, int runs, Run run) throws Exception {
        run.rows(); // warm-up: JIT, and the table in shared buffers
        List<Double> rates = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            long n = run.rows();
            double seconds = (System.nanoTime() - start) / 1e9;
            if (n != expected) {
                throw new IllegalStateException(name + " read " + n + " rows, expected " + expected);
            }
            rates.add(n / seconds);
        }
        Collections.sort(rates);
        System.out.printf("%-45s median %,10.0f rows/s  (runs: %s)%n", name, rates.get(rates.size() / 2),
                rates.stream().map(r -> String.format("%,.0f", r)).toList());
    }

    private static long plain(Connection c) throws Exception {
        c.setAutoCommit(false);
        long n = 0;
        long sink = 0;
        try (PreparedStatement st = c.prepareStatement(
                "SELECT id, updated_at, amount, payload FROM events ORDER BY updated_at, id")) {
            st.setFetchSize(1000);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    sink += rs.getInt(1) + rs.getObject(2, OffsetDateTime.class).getNano()
                            + rs.getBigDecimal(3).scale() + rs.getString(4).length();
                    n++;
                }
            }
        }
        c.commit();
        c.setAutoCommit(true);
        return sink == 42 ? n + 1 : n; // keeps the reads from being optimised away
    }

    private static long read(Connection c, TableRead read) throws Exception {
        long[] sink = {0};
        long n = read.read(c, read.start(), row -> {
            Map<String, Object> v = row.values();
            sink[0] += v.size() + row.position().values().size();
        });
        return sink[0] == 42 ? n + 1 : n;
    }
}
