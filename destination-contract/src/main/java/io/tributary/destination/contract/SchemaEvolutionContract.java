package io.tributary.destination.contract;

import static io.tributary.destination.contract.Connectors.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.sdk.ColumnType;
import io.tributary.sdk.DataType;
import io.tributary.sdk.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** New columns and lossless type widening, within a sync and across syncs; every SDK type round-trips. */
public abstract class SchemaEvolutionContract extends DestinationContract {

    private static List<Table> keyed(String table) {
        return List.of(Table.named(table).primaryKey("id"));
    }

    private String type(DataType type) {
        return target.typeName(ColumnType.of(type));
    }

    @Test
    public void undeclaredColumnsWidenLosslesslyAcrossSyncs() throws Exception {
        Warehouse w = warehouse();
        w.sync(Connectors.withSchema(keyed("t"), (c, s, ops) -> ops.upsert("t", row("id", 1, "v", 42)))).cause();
        assertThat(w.columnType("t", "v")).isEqualTo(type(DataType.INT));
        w.sync(Connectors.withSchema(keyed("t"), (c, s, ops) -> ops.upsert("t", row("id", 2, "v", 5_000_000_000L))));
        assertThat(w.columnType("t", "v")).isEqualTo(type(DataType.LONG));
        w.sync(Connectors.withSchema(keyed("t"), (c, s, ops) -> ops.upsert("t", row("id", 3, "v", 42.42))));
        assertThat(w.columnType("t", "v")).isEqualTo(type(DataType.DOUBLE));
        w.sync(Connectors.withSchema(keyed("t"), (c, s, ops) -> ops.upsert("t", row("id", 4, "v", "forty-two"))));
        assertThat(w.columnType("t", "v")).isEqualTo(type(DataType.STRING));
        w.sync(Connectors.withSchema(keyed("t"), (c, s, ops) -> ops.upsert("t", row("id", 5, "v", 1.5))));
        assertThat(w.columnType("t", "v")).as("a column never narrows").isEqualTo(type(DataType.STRING));
        assertThat(w.rows("SELECT id, v FROM tester.t ORDER BY id")).extracting(r -> r.get("v"))
                .as("values keep their meaning through INT, BIGINT, DOUBLE and VARCHAR")
                .containsExactly("42.0", "5000000000.0", "42.42", "forty-two", "1.5");
    }

    @Test
    public void widensWithinOneBatchAndAddsColumnsWithoutDroppingAny() throws Exception {
        Warehouse w = warehouse();
        var result = w.sync(Connectors.withSchema(keyed("t"), (c, s, ops) -> {
            ops.upsert("t", row("id", 1, "a", 1));
            ops.upsert("t", row("id", 2, "a", 2.5, "b", "new"));
            ops.upsert("t", row("id", 3));
        }));
        assertThat(result.succeeded()).as(String.valueOf(result.error())).isTrue();
        assertThat(w.rows("SELECT id, a, b FROM tester.t ORDER BY id")).containsExactly(
                row("id", 1L, "a", 1.0, "b", null), row("id", 2L, "a", 2.5, "b", "new"), row("id", 3L, "a", null, "b", null));
        w.sync(Connectors.withSchema(keyed("t"), (c, s, ops) -> ops.upsert("t", row("id", 4, "c", true))));
        assertThat(w.columnNames("t"))
                .containsExactly("id", "a", "_fivetran_synced", "_fivetran_deleted", "b", "c");
    }

    @Test
    public void allFifteenTypesLandInTheirWarehouseTypes() throws Exception {
        Warehouse w = warehouse();
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
        assertThat(target.columns("tester", "types")).extracting(Object::toString).containsExactly(
                "id " + type(DataType.INT), "b " + type(DataType.BOOLEAN), "s " + type(DataType.SHORT),
                "l " + type(DataType.LONG), "d " + target.typeName(ColumnType.decimal(10, 2)),
                "f " + type(DataType.FLOAT), "db " + type(DataType.DOUBLE), "nd " + type(DataType.NAIVE_DATE),
                "ndt " + type(DataType.NAIVE_DATETIME), "utc " + type(DataType.UTC_DATETIME),
                "bin " + type(DataType.BINARY), "x " + type(DataType.XML), "str " + type(DataType.STRING),
                "j " + type(DataType.JSON), "t " + type(DataType.NAIVE_TIME),
                "_fivetran_synced " + type(DataType.UTC_DATETIME), "_fivetran_deleted " + type(DataType.BOOLEAN));
        Map<String, Object> r = w.rows("SELECT id, b, s, l, d, f, db, nd, x, str, t, _fivetran_deleted, "
                + target.hex("bin") + " AS bin, " + target.epochMillis("utc") + " AS utc_ms, "
                + "CAST(ndt AS VARCHAR) AS ndt, CAST(j AS VARCHAR) AS j FROM tester.types").get(0);
        assertThat(r).containsEntry("b", true).containsEntry("s", (short) 15).containsEntry("l", 132353453453635L)
                .containsEntry("d", new BigDecimal("105.34")).containsEntry("f", 10.4f).containsEntry("db", 1e-4)
                .containsEntry("nd", LocalDate.of(2007, 12, 3))
                .containsEntry("ndt", "2007-12-03 10:15:30")
                .containsEntry("utc_ms", Instant.parse("2007-12-03T10:15:30.123Z").toEpochMilli())
                .containsEntry("bin", "00010203").containsEntry("x", "<tag>This is XML</tag>")
                .containsEntry("j", "{\"a\":10}").containsEntry("t", LocalTime.of(10, 15, 30));
    }

    @Test
    public void aKeyColumnThatWidensRebuildsTheTable() throws Exception {
        Warehouse w = warehouse();
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
    public void utcValuesFromAnyZoneAreStoredAsInstants() throws Exception {
        Warehouse w = warehouse();
        w.sync(Connectors.withSchema(keyed("t"), (c, s, ops) ->
                ops.upsert("t", row("id", 1, "happened_at", OffsetDateTime.parse("2024-05-01T12:00:00+02:00")))));
        assertThat(w.rows("SELECT " + target.epochMillis("happened_at") + " AS ms FROM tester.t").get(0).get("ms"))
                .isEqualTo(Instant.parse("2024-05-01T10:00:00Z").toEpochMilli());
    }

    @Test
    public void existingValuesWidenToTheTextNewValuesWouldHave() throws Exception {
        Warehouse w = warehouse();
        w.sync(Connectors.withSchema(keyed("t"), (c, s, ops) -> {
            ops.upsert("t", row("id", 1, "flag", true, "day", LocalDate.of(2024, 2, 29), "price",
                    new BigDecimal("-12.50"), "at_time", LocalTime.of(7, 5, 9)));
        }));
        var result = w.sync(Connectors.withSchema(keyed("t"), (c, s, ops) -> {
            ops.upsert("t", row("id", 2, "flag", "yes", "day", "someday", "price", "n/a", "at_time", "noon"));
        }));
        assertThat(result.succeeded()).as(String.valueOf(result.error())).isTrue();
        assertThat(w.columnType("t", "day")).isEqualTo(type(DataType.STRING));
        assertThat(w.rows("SELECT flag, day, price, at_time FROM tester.t WHERE id = 1")).containsExactly(
                row("flag", "true", "day", "2024-02-29", "price", "-12.50", "at_time", "07:05:09"));
    }

    /** Also: a reserved word as a column name (the runtime names it {@code _when}). */
    @Test
    public void datesWidenToDateTimesAndIntegersToDecimals() throws Exception {
        Warehouse w = warehouse();
        w.sync(Connectors.withSchema(keyed("t"), (c, s, ops) ->
                ops.upsert("t", row("id", 1, "when", LocalDate.of(2024, 2, 29), "amount", 7))));
        var result = w.sync(Connectors.withSchema(keyed("t"), (c, s, ops) -> ops.upsert("t",
                row("id", 2, "when", OffsetDateTime.parse("2024-03-01T01:30:00+01:00"), "amount", new BigDecimal("0.25")))));
        assertThat(result.succeeded()).as(String.valueOf(result.error())).isTrue();
        assertThat(w.columnType("t", "_when")).isEqualTo(type(DataType.UTC_DATETIME));
        assertThat(w.columnType("t", "amount")).isEqualTo(target.typeName(ColumnType.decimal(12, 2)));
        assertThat(w.rows("SELECT id, " + target.epochMillis("_when") + " AS ms, amount FROM tester.t ORDER BY id"))
                .containsExactly(
                        row("id", 1L, "ms", Instant.parse("2024-02-29T00:00:00Z").toEpochMilli(), "amount", new BigDecimal("7.00")),
                        row("id", 2L, "ms", Instant.parse("2024-03-01T00:30:00Z").toEpochMilli(), "amount", new BigDecimal("0.25")));
    }

    @Test
    public void floatsWidenedToTextKeepOneSpellingAcrossMagnitudes() throws Exception {
        Warehouse w = warehouse();
        List<Table> t = List.of(Table.named("t").primaryKey("id").column("f", "FLOAT"));
        double[] doubles = {1e15, 1e16, 1e-5, 0.000123, -0.5, 0.0, 123456789012345678.0};
        float[] floats = {1234567.5f, 1e15f, 1e-5f, 16777217f, 0.1f, 3f, -2.5e-3f};
        w.sync(Connectors.withSchema(t, (c, s, ops) -> {
            for (int i = 0; i < doubles.length; i++) {
                ops.upsert("t", row("id", i, "d", doubles[i], "f", floats[i]));
            }
        }));
        var result = w.sync(Connectors.withSchema(t, (c, s, ops) -> ops.upsert("t", row("id", 99, "d", "x"))));
        assertThat(result.succeeded()).as(String.valueOf(result.error())).isTrue();
        var widen = w.sync(Connectors.withSchema(List.of(Table.named("t").primaryKey("id")),
                (c, s, ops) -> ops.upsert("t", row("id", 98, "f", "y"))));
        assertThat(widen.succeeded()).as(String.valueOf(widen.error())).isTrue();
        List<Map<String, Object>> rows = w.rows("SELECT d, f FROM tester.t WHERE id < 98 ORDER BY id");
        assertThat(rows).extracting(r -> r.get("d")).containsExactly("1000000000000000.0", "1e+16", "1e-05",
                "0.000123", "-0.5", "0.0", "1.2345678901234568e+17");
        assertThat(rows).extracting(r -> r.get("f")).containsExactly("1234567.5", "1000000000000000.0", "1e-05",
                "16777216.0", "0.1", "3.0", "-0.0025");
    }
}
