package io.tributary.destination.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.destination.contract.Connectors;
import io.tributary.destination.contract.Warehouse;
import io.tributary.runtime.sync.SyncOptions;
import io.tributary.sdk.Table;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Arrow and Appender staging paths must produce the same warehouse, for every type and operation. */
class StagingPathsTest {
    @TempDir
    Path dir;

    @AfterEach
    void clear() {
        System.clearProperty("tributary.duckdb.staging");
    }

    @Test
    void arrowIsUsedUnderTestsAndBothPathsAgree() throws Exception {
        try (DuckDbDestination d = new DuckDbDestination(dir.resolve("probe.db"), "tester")) {
            assertThat(d.stagingPath()).as("surefire passes --add-opens, so Arrow must be available for large batches")
                    .isEqualTo("by-size");
        }
        System.setProperty("tributary.duckdb.staging", "arrow");
        try (DuckDbDestination d = new DuckDbDestination(dir.resolve("probe1.db"), "tester")) {
            assertThat(d.stagingPath()).isEqualTo("arrow");
        }
        String arrow = syncAndDump(dir.resolve("arrow"));
        System.setProperty("tributary.duckdb.staging", "appender");
        try (DuckDbDestination d = new DuckDbDestination(dir.resolve("probe2.db"), "tester")) {
            assertThat(d.stagingPath()).isEqualTo("appender");
        }
        String appender = syncAndDump(dir.resolve("appender"));
        assertThat(arrow).isEqualTo(appender).contains("105.34", "2007-12-03", "00010203", "<x/>");
    }

    private String syncAndDump(Path at) throws Exception {
        Warehouse w = new Warehouse(new DuckDbUnderTest(at), "tester");
        var result = w.sync(Connectors.withSchema(List.of(Table.named("t").primaryKey("id").column("id", "LONG")
                .column("d", "DECIMAL(10,2)").column("x", "XML").column("j", "JSON").column("tm", "NAIVE_TIME")
                .column("sh", "SHORT").column("fl", "FLOAT")), (c, s, ops) -> {
                    for (int i = 0; i < 3_000; i++) {
                        Map<String, Object> r = new HashMap<>();
                        r.put("id", i % 1_000);
                        r.put("d", new BigDecimal("105.34").add(BigDecimal.valueOf(i)));
                        r.put("x", "<x/>");
                        r.put("j", Map.of("i", i));
                        r.put("tm", LocalTime.of(10, 15, i % 60));
                        r.put("sh", i % 100);
                        r.put("fl", i / 4.0f);
                        r.put("b", i % 2 == 0);
                        r.put("nd", LocalDate.of(2007, 12, 3).plusDays(i % 10));
                        r.put("ndt", LocalDateTime.of(2007, 12, 3, 10, 15, 30).plusSeconds(i));
                        r.put("utc", Instant.parse("2007-12-03T10:15:30.123456Z").plusSeconds(i));
                        r.put("bin", new byte[] {0, 1, 2, (byte) i});
                        r.put("s", i % 3 == 0 ? null : "s" + i);
                        r.put("dbl", i * 0.5);
                        ops.upsert("t", r);
                        if (i % 10 == 0) {
                            ops.update("t", Map.of("id", (i * 7) % 1_000, "s", "updated"));
                        }
                        if (i % 13 == 0) {
                            ops.delete("t", Map.of("id", (i * 3) % 1_000));
                        }
                    }
                }), SyncOptions.defaults().withFlushBytes(32 * 1024));
        assertThat(result.succeeded()).as(String.valueOf(result.error())).isTrue();
        StringBuilder sb = new StringBuilder();
        for (var row : w.rows("SELECT * EXCLUDE (_fivetran_synced, bin), hex(bin) AS bin FROM tester.t ORDER BY id")) {
            sb.append(row).append('\n');
        }
        return sb.toString();
    }
}
