package io.tributary.examples.high_volume_csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.sdk.Configuration;
import io.tributary.sdk.Connector;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import io.tributary.sdk.Table;
import io.tributary.testkit.ConnectorTester;
import io.tributary.testkit.SyncOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HighVolumeCsvConnectorTest {
    @TempDir
    Path dir;

    @Test
    void aMillionRecordsArriveInChunksOfAQuarterMillion() throws Exception {
        Path file = SampleCsv.write(dir.resolve("big.csv"), 1_000_000);
        try (ConnectorTester tester = tester(file, 250_000)) {
            SyncOutcome outcome = tester.sync().assertSucceeded();

            assertThat(outcome.counters().upserts()).isEqualTo(1_000_000);
            assertThat(outcome.counters().checkpoints()).as("4 chunks, then the end of the file").isEqualTo(5);
            assertThat(Files.size(file)).as("the file is larger than the test JVM's heap (-Xmx48m)")
                    .isGreaterThan(Runtime.getRuntime().maxMemory());
            Map<String, Object> totals = tester.query("SELECT count(*) AS n, count(DISTINCT has_id) AS ids, "
                    + "min(created_at) AS first, max(created_at) AS last FROM tester.csv_records").get(0);
            assertThat(totals).containsEntry("n", 1_000_000L).containsEntry("ids", 1_000_000L);
            assertThat(((OffsetDateTime) totals.get("first")).toInstant()).isEqualTo(SampleCsv.START.plusSeconds(1));
            assertThat(((OffsetDateTime) totals.get("last")).toInstant()).isEqualTo(SampleCsv.START.plusSeconds(1_000_000));
            for (int i : new int[] {1, 4, 249_999, 250_000, 250_001, 777_777, 1_000_000}) {
                assertThat(record(tester, i)).isEqualTo(SampleCsv.row(i));
            }
            assertThat(tester.state().getLong("rows", 0)).isEqualTo(1_000_000);
            assertThat(tester.state().getLong("offset", 0)).isEqualTo(Files.size(file));
        }
    }

    @Test
    void aSyncStoppedMidFileResumesAtItsCheckpointAndReadsOnlyTheRest() throws Exception {
        Path file = SampleCsv.write(dir.resolve("rest.csv"), 10_000);
        StopsAfterCheckpoints connector = new StopsAfterCheckpoints(4);
        try (ConnectorTester tester = ConnectorTester.of(connector).configuration(configuration(file, 1_000))) {
            tester.sync().assertFailedWith("stopped after checkpoint 4");
            assertThat(count(tester)).isEqualTo(4_000);
            assertThat(tester.state().getLong("rows", 0)).isEqualTo(4_000);
            assertThat(tester.state().getLong("offset", 0)).as("a byte inside the file")
                    .isBetween(1L, Files.size(file) - 1);

            connector.stopAfter = Integer.MAX_VALUE;
            SyncOutcome resumed = tester.sync().assertSucceeded();
            assertThat(resumed.counters().upserts()).as("records 4,001 to 10,000 only").isEqualTo(6_000);
            assertThat(count(tester)).isEqualTo(10_000);
            for (int i : new int[] {1, 4_000, 4_001, 10_000}) {
                assertThat(record(tester, i)).isEqualTo(SampleCsv.row(i));
            }
        }
    }

    @Test
    void aFileReadToItsEndIsNotReadAgainButAChangedOneIsReadFromTheStart() throws Exception {
        Path file = SampleCsv.write(dir.resolve("again.csv"), 3_000);
        try (ConnectorTester tester = tester(file, 1_000)) {
            tester.sync().assertSucceeded();
            assertThat(tester.sync().assertSucceeded().counters().upserts()).isZero();

            SampleCsv.write(file, 3_500);
            Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(
                    Files.getLastModifiedTime(file).toMillis() + 1_000));
            assertThat(tester.sync().assertSucceeded().counters().upserts()).isEqualTo(3_500);
            assertThat(count(tester)).isEqualTo(3_500);
        }
    }

    @Test
    void aBrokenRecordFailsTheSyncNamingItAndKeepsTheChunksBeforeIt() throws Exception {
        Path file = SampleCsv.write(dir.resolve("broken.csv"), 3_000);
        List<String> lines = Files.readAllLines(file);
        int broken = lines.indexOf(lines.stream().filter(l -> l.startsWith("h0002500,")).findFirst().orElseThrow());
        lines.set(broken, "h0002500,only three,fields");
        Files.write(file, lines);
        try (ConnectorTester tester = tester(file, 1_000)) {
            tester.sync().assertFailedWith("record 2500 has 3 fields, the header has 4");
            assertThat(count(tester)).isEqualTo(2_000);
            assertThat(tester.state().getLong("rows", 0)).isEqualTo(2_000);
        }
    }

    @Test
    void theSampleFileOfTheReadmeSyncs() {
        try (ConnectorTester tester = tester(Path.of("sample.csv"), 300)) {
            assertThat(tester.sync().assertSucceeded().counters().checkpoints()).isEqualTo(4);
            assertThat(count(tester)).isEqualTo(1_000);
            assertThat(record(tester, 4)).isEqualTo(SampleCsv.row(4));
        }
    }

    @Test
    void aMissingFileIsNamed() {
        try (ConnectorTester tester = tester(dir.resolve("nowhere.csv"), 10)) {
            tester.sync().assertFailedWith("nowhere.csv does not exist; check 'file_path'");
        }
    }

    @Test
    void resumesFromEveryCheckpoint() throws Exception {
        Path file = SampleCsv.write(dir.resolve("replay.csv"), 2_500);
        try (ConnectorTester tester = tester(file, 700)) {
            tester.assertReplayFromEveryCheckpoint();
        }
    }

    private static ConnectorTester tester(Path file, int chunkSize) {
        return ConnectorTester.of(new HighVolumeCsvConnector()).configuration(configuration(file, chunkSize));
    }

    private static Map<String, String> configuration(Path file, int chunkSize) {
        return Map.of("file_path", file.toString(), "chunk_size", String.valueOf(chunkSize));
    }

    private static long count(ConnectorTester tester) {
        return (Long) tester.query("SELECT count(*) AS n FROM tester.csv_records").get(0).get("n");
    }

    private static List<String> record(ConnectorTester tester, int i) {
        Map<String, Object> r = tester.query("SELECT * FROM tester.csv_records WHERE has_id = '"
                + String.format("h%07d", i) + "'").get(0);
        return List.of((String) r.get("has_id"), (String) r.get("name"), (String) r.get("city"),
                ((OffsetDateTime) r.get("created_at")).toInstant().toString());
    }

    /** The real connector, stopped (as by a crash) right after its {@code stopAfter}-th checkpoint. */
    private static final class StopsAfterCheckpoints implements Connector {
        private final HighVolumeCsvConnector connector = new HighVolumeCsvConnector();
        volatile int stopAfter;

        StopsAfterCheckpoints(int stopAfter) {
            this.stopAfter = stopAfter;
        }

        @Override
        public List<Table> schema(Configuration configuration) {
            return connector.schema(configuration);
        }

        @Override
        public void update(Configuration configuration, State state, Operations operations) throws Exception {
            int[] checkpoints = {0};
            connector.update(configuration, state, new Operations() {
                public void upsert(String table, Object row) {
                    operations.upsert(table, row);
                }

                public void update(String table, Object row) {
                    operations.update(table, row);
                }

                public void delete(String table, Object keys) {
                    operations.delete(table, keys);
                }

                public void truncate(String table) {
                    operations.truncate(table);
                }

                public void checkpoint(Object newState) {
                    operations.checkpoint(newState);
                    if (++checkpoints[0] == stopAfter) {
                        throw new IllegalStateException("stopped after checkpoint " + stopAfter);
                    }
                }

                public RuntimeException error(String message) {
                    return operations.error(message);
                }

                public void warning(String message) {
                    operations.warning(message);
                }
            });
        }
    }
}
