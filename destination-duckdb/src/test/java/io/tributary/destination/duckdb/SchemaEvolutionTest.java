package io.tributary.destination.duckdb;

import static io.tributary.destination.duckdb.OperationSemanticsTest.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.sdk.Table;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaEvolutionTest {
    @TempDir
    Path dir;

    private static List<Table> keyed(String table) {
        return List.of(Table.named(table).primaryKey("id"));
    }

    private String columnType(Warehouse w, String table, String column) throws Exception {
        return (String) w.rows("SELECT data_type FROM duckdb_columns() WHERE schema_name = 'tester' AND table_name = '"
                + table + "' AND column_name = '" + column + "'").get(0).get("data_type");
    }

    @Test
    void undeclaredColumnsWidenLosslesslyAcrossSyncs() throws Exception {
        Warehouse w = new Warehouse(dir);
        w.sync(Connectors.withSchema(keyed("t"), (c, s, ops) -> ops.upsert("t", row("id", 1, "v", 42)))).cause();
        assertThat(columnType(w, "t", "v")).isEqualTo("INTEGER");
        w.sync(Connectors.withSchema(keyed("t"), (c, s, ops) -> ops.upsert("t", row("id", 2, "v", 5_000_000_000L))));
        assertThat(columnType(w, "t", "v")).isEqualTo("BIGINT");
        w.sync(Connectors.withSchema(keyed("t"), (c, s, ops) -> ops.upsert("t", row("id", 3, "v", 42.42))));
        assertThat(columnType(w, "t", "v")).isEqualTo("DOUBLE");
        w.sync(Connectors.withSchema(keyed("t"), (c, s, ops) -> ops.upsert("t", row("id", 4, "v", "forty-two"))));
        assertThat(columnType(w, "t", "v")).isEqualTo("VARCHAR");
        w.sync(Connectors.withSchema(keyed("t"), (c, s, ops) -> ops.upsert("t", row("id", 5, "v", 1.5))));
        assertThat(columnType(w, "t", "v")).as("a column never narrows").isEqualTo("VARCHAR");
        assertThat(w.rows("SELECT id, v FROM tester.t ORDER BY id")).extracting(r -> r.get("v"))
                .as("values keep their meaning through INT, BIGINT, DOUBLE and VARCHAR")
                .containsExactly("42.0", "5000000000.0", "42.42", "forty-two", "1.5");
    }

    @Test
    void widensWithinOneBatchAndAddsColumnsWithoutDroppingAny() throws Exception {
        Warehouse w = new Warehouse(dir);
        var result = w.sync(Connectors.withSchema(keyed("t"), (c, s, ops) -> {
            ops.upsert("t", row("id", 1, "a", 1));
            ops.upsert("t", row("id", 2, "a", 2.5, "b", "new"));
            ops.upsert("t", row("id", 3));
        }));
        assertThat(result.succeeded()).as(String.valueOf(result.error())).isTrue();
        assertThat(w.rows("SELECT id, a, b FROM tester.t ORDER BY id")).containsExactly(
                row("id", 1L, "a", 1.0, "b", null), row("id", 2L, "a", 2.5, "b", "new"), row("id", 3L, "a", null, "b", null));
        w.sync(Connectors.withSchema(keyed("t"), (c, s, ops) -> ops.upsert("t", row("id", 4, "c", true))));
        assertThat(w.rows("SELECT column_name FROM duckdb_columns() WHERE table_name = 't' ORDER BY column_index"))
                .extracting(r -> r.get("column_name"))
                .containsExactly("id", "a", "_fivetran_synced", "_fivetran_deleted", "b", "c");
    }

    @Test
    void allFifteenTypesLandInTheirDuckDbTypes() throws Exception {
        Warehouse w = new Warehouse(dir);
        var result = w.sync(Connectors.withSchema(List.of(Table.named("types").primaryKey("id").column("id", "INT")
                .column("b", "BOOLEAN").column("s", "SHORT").column("l", "LONG").column("d", "DECIMAL(10,2)")
                .column("f", "FLOAT").column("db", "DOUBLE").column("nd", "NAIVE_DATE").column("ndt", "NAIVE_DATETIME")
                .column("utc", "UTC_DATETIME").column("bin", "BINARY").column("x", "XML").column("str", "STRING")
                .column("j", "JSON").column("t", "NAIVE_TIME")), (c, s, ops) -> {
                    Map<String, Object> r = new java.util.HashMap<>();
                    r.put("id", 1);
                    r.put("b", true);
                    r.put("s", 15);
                    r.put("l", 132353453453635L);
                    r.put("d", "105.34");
                    r.put("f", 10.4);
                    r.put("db", 1e-4);
                    r.put("nd", "2007-12-03");
                    r.put("ndt", "2007-12-03T10:15:30");
                    r.put("utc", "2007-12-03T10:15:30.123Z");
                    r.put("bin", new byte[] {0, 1, 2, 3});
                    r.put("x", "<tag>This is XML</tag>");
                    r.put("str", "This is a string");
                    r.put("j", Map.of("a", 10));
                    r.put("t", "10:15:30");
                    ops.upsert("types", r);
                }));
        assertThat(result.succeeded()).as(String.valueOf(result.error())).isTrue();
        assertThat(w.rows("SELECT column_name, data_type FROM duckdb_columns() WHERE table_name = 'types' ORDER BY column_index"))
                .extracting(r -> r.get("column_name") + " " + r.get("data_type")).containsExactly(
                        "id INTEGER", "b BOOLEAN", "s SMALLINT", "l BIGINT", "d DECIMAL(10,2)", "f FLOAT", "db DOUBLE",
                        "nd DATE", "ndt TIMESTAMP", "utc TIMESTAMP WITH TIME ZONE", "bin BLOB", "x VARCHAR",
                        "str VARCHAR", "j JSON", "t TIME", "_fivetran_synced TIMESTAMP WITH TIME ZONE",
                        "_fivetran_deleted BOOLEAN");
        Map<String, Object> r = w.rows("SELECT * EXCLUDE (bin, utc, ndt, j, _fivetran_synced), hex(bin) AS bin, "
                + "epoch_ms(utc) AS utc_ms, CAST(ndt AS VARCHAR) AS ndt, CAST(j AS VARCHAR) AS j FROM tester.types").get(0);
        assertThat(r).containsEntry("b", true).containsEntry("s", (short) 15).containsEntry("l", 132353453453635L)
                .containsEntry("d", new BigDecimal("105.34")).containsEntry("f", 10.4f).containsEntry("db", 1e-4)
                .containsEntry("nd", LocalDate.of(2007, 12, 3))
                .containsEntry("ndt", "2007-12-03 10:15:30")
                .containsEntry("utc_ms", Instant.parse("2007-12-03T10:15:30.123Z").toEpochMilli())
                .containsEntry("bin", "00010203").containsEntry("x", "<tag>This is XML</tag>")
                .containsEntry("j", "{\"a\":10}").containsEntry("t", LocalTime.of(10, 15, 30));
    }

    @Test
    void aKeyColumnThatWidensRebuildsTheTable() throws Exception {
        Warehouse w = new Warehouse(dir);
        w.sync(Connectors.withSchema(keyed("t"), (c, s, ops) -> ops.upsert("t", row("id", 1, "v", "one"))));
        var result = w.sync(Connectors.withSchema(keyed("t"), (c, s, ops) -> {
            ops.upsert("t", row("id", "A-2", "v", "two"));
            ops.upsert("t", row("id", 1, "v", "uno"));
        }));
        assertThat(result.succeeded()).as(String.valueOf(result.error())).isTrue();
        assertThat(w.rows("SELECT id, v FROM tester.t ORDER BY id")).containsExactly(
                row("id", "1", "v", "uno"), row("id", "A-2", "v", "two"));
    }

    @Test
    void utcValuesFromAnyZoneAreStoredAsInstants() throws Exception {
        Warehouse w = new Warehouse(dir);
        w.sync(Connectors.withSchema(keyed("t"), (c, s, ops) ->
                ops.upsert("t", row("id", 1, "happened_at", OffsetDateTime.parse("2024-05-01T12:00:00+02:00")))));
        assertThat(w.rows("SELECT epoch_ms(happened_at) AS ms FROM tester.t").get(0).get("ms"))
                .isEqualTo(Instant.parse("2024-05-01T10:00:00Z").toEpochMilli());
    }
}
