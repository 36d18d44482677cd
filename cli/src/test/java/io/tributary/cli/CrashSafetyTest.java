package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills `tributary debug` with SIGKILL at random moments, resumes it each time, and checks that the final
 * warehouse and state.json equal those of a clean run: the same rows, no duplicates, nothing lost.
 * {@code -Dtributary.crash.points=200} runs the long version (scripts/crash-soak.sh).
 */
class CrashSafetyTest {
    private static final int POINTS = Integer.getInteger("tributary.crash.points", 20);
    private static final long SEED = Long.getLong("tributary.crash.seed", System.nanoTime());

    /** Upserts with repeated keys, partial updates, deletes, a keyless table, a widening and a truncate. */
    static final String SOAK = ""
            + "long total = 60_000;\n"
            + "for (long i = state.getLong(\"pos\", 0); i < total; i++) {\n"
            + "    ops.upsert(\"items\", Map.of(\"id\", i % 20_000, \"amount\", i == 30_000 ? (Object) \"big\" : (Object) i, \"note\", \"n\" + i));\n"
            + "    if (i % 7 == 0) ops.update(\"items\", Map.of(\"id\", (i * 13) % 20_000, \"status\", \"s\" + i));\n"
            + "    if (i % 11 == 0) ops.delete(\"items\", Map.of(\"id\", (i * 17) % 20_000));\n"
            + "    if (i % 5 == 0) ops.upsert(\"events\", Map.of(\"seq\", i, \"kind\", \"k\" + (i % 3)));\n"
            + "    if (i == 45_000) ops.truncate(\"events\");\n"
            + "    if ((i + 1) % 1_500 == 0) { state.put(\"pos\", i + 1); ops.checkpoint(state); }\n"
            + "}\n"
            + "state.put(\"pos\", total);\n"
            + "ops.checkpoint(state);";

    @TempDir
    Path dir;

    @Test
    void killedAtRandomMomentsAndResumedEndsLikeACleanRun() throws Exception {
        Path clean = settled(Projects.withConnector(dir.resolve("clean"), "Soak", SOAK));
        long started = System.nanoTime();
        assertThat(child(clean).waitFor()).isZero(); // also compiles the project once for the children
        long cleanMillis = Math.max(1_000, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        String expected = snapshot(clean);
        assertThat(expected).contains("table items", "table events");

        Path crashed = settled(Projects.withConnector(dir.resolve("crashed"), "Soak", SOAK));
        copyTree(clean.resolve("target"), crashed.resolve("target"));
        Random random = new Random(SEED);
        int kills = 0;
        int completions = 0;
        while (kills < POINTS) {
            Process p = child(crashed);
            long delay = 200 + (long) (random.nextDouble() * cleanMillis);
            if (p.waitFor(delay, TimeUnit.MILLISECONDS)) {
                assertThat(p.exitValue()).as("a resumed sync must succeed (seed " + SEED + ")").isZero();
                completions++;
                assertSame(expected, snapshot(crashed), "finished after " + kills + " kills (seed " + SEED + ")");
                deleteTree(crashed.resolve("files")); // start over, to find more moments to kill
                continue;
            }
            p.destroyForcibly(); // SIGKILL on Unix
            p.waitFor();
            kills++;
        }
        System.out.printf("crash safety: %d SIGKILLs, %d runs that finished first, seed %d%n", kills, completions, SEED);
        Process last = child(crashed);
        assertThat(last.waitFor()).as("the final resume (seed " + SEED + ")").isZero();
        assertSame(expected, snapshot(crashed), "after " + kills + " kills and " + completions + " completions (seed "
                + SEED + ")");
    }

    private static void assertSame(String expected, String actual, String context) {
        String[] e = expected.split("\n");
        String[] a = actual.split("\n");
        for (int i = 0; i < Math.max(e.length, a.length); i++) {
            String x = i < e.length ? e[i] : "(end)";
            String y = i < a.length ? a[i] : "(end)";
            assertThat(y).as("%s: line %d of the snapshot (%d lines expected, %d found)", context, i, e.length, a.length)
                    .isEqualTo(x);
        }
    }

    /** Dates the sources in the past, so the classes compiled once stay up to date for every child. */
    private static Path settled(Path project) throws Exception {
        Path source = project.resolve("src/main/java/demo/Soak.java");
        Files.setLastModifiedTime(source, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        return project;
    }

    private Process child(Path project) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-opens=java.base/java.nio=ALL-UNNAMED", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), Tributary.class.getName(), "debug", project.toString()));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile()).start();
    }

    /** Every table's rows (without _fivetran_synced) plus duplicate counts and state.json, as text. */
    private static String snapshot(Path project) throws Exception {
        StringBuilder sb = new StringBuilder();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + project.resolve("files/warehouse.db"));
             Statement st = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'tester' "
                    + "ORDER BY table_name")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                String key = table.equals("items") ? "id" : "_fivetran_id";
                try (ResultSet rs = st.executeQuery("SELECT count(*) - count(DISTINCT " + key + ") FROM tester." + table)) {
                    rs.next();
                    sb.append("table ").append(table).append(" duplicates=").append(rs.getLong(1)).append('\n');
                }
                // Columns by name: their order follows the connector's map order, which varies between JVMs.
                List<String> columns = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("SELECT column_name FROM duckdb_columns() WHERE schema_name = 'tester' "
                        + "AND table_name = '" + table + "' AND column_name <> '_fivetran_synced' ORDER BY column_name")) {
                    while (rs.next()) {
                        columns.add('"' + rs.getString(1) + '"');
                    }
                }
                sb.append(columns).append('\n');
                try (ResultSet rs = st.executeQuery("SELECT " + String.join(", ", columns) + " FROM tester." + table
                        + " ORDER BY ALL")) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= n; i++) {
                            sb.append(rs.getString(i)).append('|');
                        }
                        sb.append('\n');
                    }
                }
            }
        }
        sb.append("state.json=").append(Files.readString(project.resolve("files/state.json")));
        return sb.toString();
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                    Files.setLastModifiedTime(target, Files.getLastModifiedTime(p));
                }
            }
        }
    }

    private static void deleteTree(Path root) throws Exception {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted((a, b) -> b.compareTo(a)).map(Path::toFile).forEach(File::delete);
        }
    }
}
