package io.tributary.sdk.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.sdk.ColumnType;
import io.tributary.sdk.DataType;
import io.tributary.sdk.jdbc.testing.TestPostgres;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every PostgreSQL type a connector meets, described by metadata, mapped to an SDK type and read as its value. */
class PostgresTypesTest {
    private static TestPostgres.Database db;

    @BeforeAll
    static void createTable() throws Exception {
        db = TestPostgres.newDatabase();
        db.execute("CREATE TYPE mood AS ENUM ('sad', 'happy')",
                "CREATE TABLE every_type (id int4 PRIMARY KEY, "
                        + "c_bool boolean, c_bit1 bit(1), c_bit4 bit(4), "
                        + "c_int2 int2, c_int4 int4, c_int8 int8, c_serial serial, "
                        + "c_numeric numeric(10,2), c_numeric_free numeric, c_numeric_wide numeric(50,10), "
                        + "c_real real, c_double double precision, "
                        + "c_date date, c_time time, c_timestamp timestamp, c_timestamptz timestamptz, c_timetz timetz, "
                        + "c_bytea bytea, c_xml xml, c_json json, c_jsonb jsonb, c_jsonb_scalar jsonb, "
                        + "c_text text, c_varchar varchar(10), c_char char(3), c_uuid uuid, c_interval interval, "
                        + "c_int_array int4[], c_text_array text[], c_money money, c_mood mood, c_inet inet)",
                "SET TIME ZONE 'Europe/Paris'",
                "INSERT INTO every_type VALUES (1, true, B'1', B'1010', 32000, 2000000000, 9000000000000000000, "
                        + "DEFAULT, 12345678.91, 3.14159265358979323846264338327950288419716939937510, "
                        + "1234567890123456789012345678901234567890.0123456789, 1.5, 2.25, "
                        + "'2024-02-29', '23:59:58.123456', '2024-03-31 02:30:00.000001', "
                        + "'2024-03-31 03:30:00+02', '10:00:00+02', '\\xdeadbeef', '<a b=\"1\">x</a>', "
                        + "'{\"k\": [1, 2]}', '{\"k\": {\"n\": null}}', '42', 'text \u00e9', 'var', 'ab', "
                        + "'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '1 day 02:03:04', '{1,2,3}', '{\"a b\",c}', "
                        + "1234.56, 'happy', '192.168.0.1/24')",
                "INSERT INTO every_type (id) VALUES (2)");
    }

    @Test
    void everyColumnMapsToTheExpectedSdkType() throws Exception {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("id", "INT");
        expected.put("c_bool", "BOOLEAN");
        expected.put("c_bit1", "BOOLEAN");
        expected.put("c_bit4", "STRING");
        expected.put("c_int2", "SHORT");
        expected.put("c_int4", "INT");
        expected.put("c_int8", "LONG");
        expected.put("c_serial", "INT");
        expected.put("c_numeric", "DECIMAL(10,2)");
        expected.put("c_numeric_free", "STRING");
        expected.put("c_numeric_wide", "STRING");
        expected.put("c_real", "FLOAT");
        expected.put("c_double", "DOUBLE");
        expected.put("c_date", "NAIVE_DATE");
        expected.put("c_time", "NAIVE_TIME");
        expected.put("c_timestamp", "NAIVE_DATETIME");
        expected.put("c_timestamptz", "UTC_DATETIME");
        expected.put("c_timetz", "STRING");
        expected.put("c_bytea", "BINARY");
        expected.put("c_xml", "XML");
        expected.put("c_json", "JSON");
        expected.put("c_jsonb", "JSON");
        expected.put("c_jsonb_scalar", "JSON");
        expected.put("c_text", "STRING");
        expected.put("c_varchar", "STRING");
        expected.put("c_char", "STRING");
        expected.put("c_uuid", "STRING");
        expected.put("c_interval", "STRING");
        expected.put("c_int_array", "JSON");
        expected.put("c_text_array", "JSON");
        expected.put("c_money", "STRING");
        expected.put("c_mood", "STRING");
        expected.put("c_inet", "STRING");

        try (Connection c = db.connect()) {
            SourceTable table = SourceTable.describe(c, "every_type");
            Map<String, String> actual = new LinkedHashMap<>();
            table.columns().forEach(col -> actual.put(col.name(), col.type().toString()));
            assertThat(actual).containsExactlyEntriesOf(expected);
            assertThat(table.primaryKey()).containsExactly("id");
            // What pgjdbc reports, and why the mapping looks at type names too.
            assertThat(table.column("c_timestamptz", null).jdbcType()).isEqualTo(java.sql.Types.TIMESTAMP);
            assertThat(table.column("c_jsonb", null).jdbcType()).isEqualTo(java.sql.Types.OTHER);
            assertThat(table.column("c_money", null).jdbcType()).isEqualTo(java.sql.Types.DOUBLE);
            // toTable declares every type, so the warehouse does not have to infer any.
            assertThat(table.toTable("every_type").columns()).containsExactlyEntriesOf(expected);
            assertThat(table.toTable("every_type").primaryKey()).containsExactly("id");
        }
    }

    @Test
    void everyValueIsReadAsTheSdkJavaValueOfItsType() throws Exception {
        Map<String, Object> row = readAll().get(0);
        assertThat(row.get("id")).isEqualTo(1);
        assertThat(row.get("c_bool")).isEqualTo(true);
        assertThat(row.get("c_bit1")).isEqualTo(true);
        assertThat(row.get("c_bit4")).isEqualTo("1010");
        assertThat(row.get("c_int2")).isEqualTo((short) 32000);
        assertThat(row.get("c_int4")).isEqualTo(2_000_000_000);
        assertThat(row.get("c_int8")).isEqualTo(9_000_000_000_000_000_000L);
        assertThat(row.get("c_serial")).isEqualTo(1);
        assertThat(row.get("c_numeric")).isEqualTo(new BigDecimal("12345678.91"));
        assertThat(row.get("c_numeric_free")).isEqualTo("3.14159265358979323846264338327950288419716939937510");
        assertThat(row.get("c_numeric_wide")).isEqualTo("1234567890123456789012345678901234567890.0123456789");
        assertThat(row.get("c_real")).isEqualTo(1.5f);
        assertThat(row.get("c_double")).isEqualTo(2.25d);
        assertThat(row.get("c_date")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(row.get("c_time")).isEqualTo(LocalTime.parse("23:59:58.123456"));
        // A naive timestamp is not shifted by the session's time zone, even at a DST gap (Paris, 2024-03-31 02:30).
        assertThat(row.get("c_timestamp")).isEqualTo(LocalDateTime.parse("2024-03-31T02:30:00.000001"));
        assertThat(row.get("c_timestamptz")).isEqualTo(Instant.parse("2024-03-31T01:30:00Z"));
        assertThat(row.get("c_timetz")).isEqualTo("10:00:00+02");
        assertThat(row.get("c_bytea")).isEqualTo(new byte[] {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef});
        assertThat(row.get("c_xml")).isEqualTo("<a b=\"1\">x</a>");
        assertThat(row.get("c_json")).isEqualTo("{\"k\": [1, 2]}");
        assertThat(row.get("c_jsonb")).isEqualTo("{\"k\": {\"n\": null}}");
        assertThat(row.get("c_jsonb_scalar")).isInstanceOfSatisfying(JsonNode.class,
                n -> assertThat(n.isNumber() && n.asInt() == 42).isTrue());
        assertThat(row.get("c_text")).isEqualTo("text \u00e9");
        assertThat(row.get("c_varchar")).isEqualTo("var");
        assertThat(row.get("c_char")).isEqualTo("ab ");
        assertThat(row.get("c_uuid")).isEqualTo("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11");
        assertThat(row.get("c_interval")).isEqualTo("1 day 02:03:04");
        assertThat(row.get("c_int_array")).isEqualTo(List.of(1, 2, 3));
        assertThat(row.get("c_text_array")).isEqualTo(List.of("a b", "c"));
        assertThat((String) row.get("c_money")).contains("1,234.56");
        assertThat(row.get("c_mood")).isEqualTo("happy");
        assertThat(row.get("c_inet")).isEqualTo("192.168.0.1/24");
    }

    @Test
    void aQueryOfOnesOwnIsTypedFromItsResultMetadataTheSameWay() throws Exception {
        Map<String, Object> fromTable = readAll().get(0);
        try (Connection c = db.connect(); var st = c.createStatement();
             var rs = st.executeQuery("SELECT * FROM every_type WHERE id = 1")) {
            ResultRows rows = ResultRows.of(rs);
            for (SourceColumn column : rows.columns()) {
                assertThat(column.type()).as(column.name())
                        .isEqualTo(SourceTable.describe(c, "every_type").column(column.name(), null).type());
            }
            assertThat(rs.next()).isTrue();
            Map<String, Object> row = rows.read(rs);
            assertThat(row.keySet()).isEqualTo(fromTable.keySet());
            row.forEach((k, v) -> {
                if (v instanceof byte[] b) {
                    assertThat(b).isEqualTo(fromTable.get(k));
                } else {
                    assertThat(v).as(k).isEqualTo(fromTable.get(k));
                }
            });
        }
    }

    @Test
    void nullsAreReadAsNullForEveryType() throws Exception {
        Map<String, Object> row = readAll().get(1);
        row.forEach((column, value) -> {
            if (!column.equals("id") && !column.equals("c_serial")) {
                assertThat(value).as(column).isNull();
            }
        });
    }

    @Test
    void typesMapFromJdbcCodesForOtherDatabasesToo() {
        assertThat(JdbcTypes.columnType(java.sql.Types.INTEGER, "INT UNSIGNED", 10, 0))
                .isEqualTo(ColumnType.of(DataType.LONG));
        assertThat(JdbcTypes.columnType(java.sql.Types.BIGINT, "BIGINT UNSIGNED", 20, 0))
                .isEqualTo(ColumnType.decimal(20, 0));
        assertThat(JdbcTypes.columnType(java.sql.Types.TINYINT, "TINYINT", 3, 0))
                .isEqualTo(ColumnType.of(DataType.SHORT));
        assertThat(JdbcTypes.columnType(java.sql.Types.LONGVARCHAR, "JSON", 0, 0)) // MySQL's JSON
                .isEqualTo(ColumnType.of(DataType.JSON));
        assertThat(JdbcTypes.columnType(java.sql.Types.NUMERIC, "NUMBER", 0, -127)) // Oracle's bare NUMBER
                .isEqualTo(ColumnType.of(DataType.STRING));
        assertThat(JdbcTypes.columnType(java.sql.Types.TIME_WITH_TIMEZONE, "TIME WITH TIME ZONE", 0, 0))
                .isEqualTo(ColumnType.of(DataType.STRING));
        assertThat(JdbcTypes.columnType(java.sql.Types.NVARCHAR, "nvarchar", 50, 0))
                .isEqualTo(ColumnType.of(DataType.STRING));
        assertThat(JdbcTypes.columnType(java.sql.Types.CLOB, "CLOB", 0, 0)).isEqualTo(ColumnType.of(DataType.STRING));
        assertThat(JdbcTypes.columnType(java.sql.Types.FLOAT, "float", 53, 0)).isEqualTo(ColumnType.of(DataType.DOUBLE));
    }

    private static List<Map<String, Object>> readAll() throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection c = db.connect()) {
            c.createStatement().execute("SET TIME ZONE 'America/New_York'"); // reading must not depend on it
            TableRead read = TableRead.byPrimaryKey(SourceTable.describe(c, "every_type"));
            read.read(c, read.start(), row -> rows.add(row.values()));
        }
        assertThat(rows).hasSize(2);
        return rows;
    }
}
