package io.tributary.destination.postgres;

import static io.tributary.destination.contract.Connectors.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.destination.contract.Connectors;
import io.tributary.destination.contract.Warehouse;
import io.tributary.sdk.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Values that COPY's text format must escape or spell specially arrive unchanged. */
class CopyEncodingTest {
    private PostgresUnderTest target;
    private Warehouse w;

    @BeforeEach
    void open() throws Exception {
        target = new PostgresUnderTest();
        w = new Warehouse(target, "tester");
    }

    @AfterEach
    void close() throws Exception {
        target.close();
    }

    private static final List<String> AWKWARD = List.of("tab\there", "new\nline", "cr\rlf\r\n", "back\\slash",
            "\\N", "\\.", "NULL", "", "quote'\"", "héllo ✓ 𝄞 😀", "\u0001\u001f control", "trailing\\");

    @Test
    void textThatCopyMustEscapeRoundTrips() throws Exception {
        var result = w.sync(Connectors.withSchema(List.of(Table.named("t").primaryKey("id").column("s", "STRING")
                .column("x", "XML")), (c, s, ops) -> {
                    for (int i = 0; i < AWKWARD.size(); i++) {
                        ops.upsert("t", row("id", i, "s", AWKWARD.get(i), "x", AWKWARD.get(i)));
                    }
                    ops.upsert("t", row("id", 100, "s", null));
                }));
        assertThat(result.succeeded()).as(String.valueOf(result.error())).isTrue();
        List<Map<String, Object>> rows = w.rows("SELECT s, x FROM tester.t ORDER BY id");
        List<Object> expected = new ArrayList<>(AWKWARD);
        expected.add(null);
        assertThat(rows).extracting(r -> r.get("s")).containsExactlyElementsOf(expected);
        assertThat(rows).extracting(r -> r.get("x")).containsExactlyElementsOf(expected);
    }

    @Test
    void binaryJsonAndNumbersRoundTrip() throws Exception {
        byte[] everyByte = new byte[256];
        for (int i = 0; i < 256; i++) {
            everyByte[i] = (byte) i;
        }
        Map<String, Object> json = Map.of("text", "tab\t \"quoted\" \\ new\nline ✓", "n", List.of(1, 2.5));
        var result = w.sync(Connectors.withSchema(List.of(Table.named("t").primaryKey("id").column("bin", "BINARY")
                .column("j", "JSON").column("d", "DECIMAL(38,10)").column("db", "DOUBLE").column("f", "FLOAT")),
                (c, s, ops) -> {
                    ops.upsert("t", row("id", 1, "bin", everyByte, "j", json,
                            "d", new BigDecimal("-1234567890123456789012345678.0123456789"), "db", Double.NaN,
                            "f", Float.MIN_VALUE));
                    ops.upsert("t", row("id", 2, "bin", new byte[0], "j", "[\"\\u0000 escaped\"]",
                            "d", new BigDecimal("1E-10"), "db", Double.NEGATIVE_INFINITY, "f", Float.MAX_VALUE));
                    ops.upsert("t", row("id", 3, "db", Double.MIN_VALUE));
                    ops.upsert("t", row("id", 4, "db", -0.0));
                    ops.upsert("t", row("id", 5, "db", 1.0E300));
                }));
        assertThat(result.succeeded()).as(String.valueOf(result.error())).isTrue();
        List<Map<String, Object>> rows = w.rows("SELECT bin, CAST(j AS VARCHAR) AS j, d, db, f FROM tester.t ORDER BY id");
        assertThat((byte[]) rows.get(0).get("bin")).isEqualTo(everyByte);
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readValue((String) rows.get(0).get("j"), Map.class))
                .isEqualTo(json);
        assertThat(rows.get(0)).containsEntry("d", new BigDecimal("-1234567890123456789012345678.0123456789"))
                .containsEntry("f", Float.MIN_VALUE);
        assertThat((Double) rows.get(0).get("db")).isNaN();
        assertThat((byte[]) rows.get(1).get("bin")).isEmpty();
        assertThat(rows.get(1)).containsEntry("j", "[\"\\u0000 escaped\"]")
                .containsEntry("d", new BigDecimal("0.0000000001")).containsEntry("db", Double.NEGATIVE_INFINITY)
                .containsEntry("f", Float.MAX_VALUE);
        assertThat(rows.get(2)).containsEntry("db", Double.MIN_VALUE);
        assertThat(Double.doubleToRawLongBits((Double) rows.get(3).get("db"))).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(rows.get(4)).containsEntry("db", 1.0E300);
    }

    @Test
    void temporalValuesKeepMicrosecondsOffsetsAndEras() throws Exception {
        var result = w.sync(Connectors.withSchema(List.of(Table.named("t").primaryKey("id").column("utc", "UTC_DATETIME")
                .column("ndt", "NAIVE_DATETIME").column("nd", "NAIVE_DATE").column("tm", "NAIVE_TIME")), (c, s, ops) -> {
                    ops.upsert("t", row("id", 1, "utc", OffsetDateTime.parse("2024-05-01T12:00:00.123456789+05:30"),
                            "ndt", LocalDateTime.parse("2024-02-29T23:59:59.999999999"), "nd", LocalDate.of(-43, 3, 15),
                            "tm", LocalTime.MAX));
                    ops.upsert("t", row("id", 2, "utc", "1969-12-31T23:59:59.5-08:00", "ndt", "0001-01-01T00:00",
                            "nd", LocalDate.of(12345, 6, 7), "tm", LocalTime.MIDNIGHT));
                }));
        assertThat(result.succeeded()).as(String.valueOf(result.error())).isTrue();
        List<Map<String, Object>> rows = w.rows("SELECT utc, ndt, nd, tm FROM tester.t ORDER BY id");
        assertThat(((OffsetDateTime) rows.get(0).get("utc")).toInstant())
                .isEqualTo(Instant.parse("2024-05-01T06:30:00.123456Z"));
        assertThat(rows.get(0)).containsEntry("ndt", LocalDateTime.parse("2024-02-29T23:59:59.999999"))
                .containsEntry("nd", LocalDate.of(-43, 3, 15)).containsEntry("tm", LocalTime.parse("23:59:59.999999"));
        assertThat(((OffsetDateTime) rows.get(1).get("utc")).toInstant())
                .isEqualTo(Instant.parse("1970-01-01T07:59:59.5Z"));
        assertThat(rows.get(1)).containsEntry("ndt", LocalDateTime.parse("0001-01-01T00:00"))
                .containsEntry("nd", LocalDate.of(12345, 6, 7)).containsEntry("tm", LocalTime.MIDNIGHT);
    }

    @Test
    void aNulCharacterFailsTheSyncNamingTableAndColumn() throws Exception {
        var result = w.sync(Connectors.withSchema(List.of(Table.named("t").primaryKey("id")), (c, s, ops) -> {
            ops.upsert("t", row("id", 1, "note", "fine"));
            ops.checkpoint(Map.of("cursor", 1));
            ops.upsert("t", row("id", 2, "note", "nul\u0000inside"));
        }));
        assertThat(result.succeeded()).isFalse();
        assertThat(result.error()).contains("tester.t", "column note", "U+0000", "remove it in the connector");
        assertThat(w.rows("SELECT id, note FROM tester.t")).containsExactly(row("id", 1L, "note", "fine"));
        assertThat(w.state()).isEqualTo("{\"cursor\":1}");
    }
}
