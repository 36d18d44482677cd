package io.tributary.sdk.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The same mapping on H2, whose driver reports standard JDBC codes and upper-case names. */
class H2TypesTest {

    @Test
    void h2TypesMapAndReadLikePostgresOnes() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:types;DB_CLOSE_DELAY=-1");
             Statement st = c.createStatement()) {
            st.execute("CREATE TABLE every_type (id INT PRIMARY KEY, c_bool BOOLEAN, c_tiny TINYINT, "
                    + "c_small SMALLINT, c_big BIGINT, c_dec DECIMAL(10,2), c_real REAL, c_double DOUBLE PRECISION, "
                    + "c_date DATE, c_time TIME, c_ts TIMESTAMP, c_tstz TIMESTAMP WITH TIME ZONE, "
                    + "c_bin VARBINARY(8), c_blob BLOB, c_json JSON, c_varchar VARCHAR(20), c_clob CLOB, "
                    + "c_uuid UUID, c_array INTEGER ARRAY)");
            st.execute("INSERT INTO every_type VALUES (1, TRUE, 7, 300, 5000000000, 12.34, 1.5, 2.25, "
                    + "DATE '2024-02-29', TIME '10:11:12', TIMESTAMP '2024-01-02 03:04:05.123456', "
                    + "TIMESTAMP WITH TIME ZONE '2024-01-02 03:04:05+02:00', X'CAFE', X'BEEF', "
                    + "JSON '{\"a\":1}', 'hello', 'long text', '550e8400-e29b-41d4-a716-446655440000', "
                    + "ARRAY[1, 2])");

            SourceTable table = SourceTable.describe(c, "every_type"); // stored as EVERY_TYPE
            Map<String, String> types = new LinkedHashMap<>();
            table.columns().forEach(col -> types.put(col.name(), col.type().toString()));
            assertThat(types).containsExactly(
                    Map.entry("ID", "INT"), Map.entry("C_BOOL", "BOOLEAN"), Map.entry("C_TINY", "SHORT"),
                    Map.entry("C_SMALL", "SHORT"), Map.entry("C_BIG", "LONG"), Map.entry("C_DEC", "DECIMAL(10,2)"),
                    Map.entry("C_REAL", "FLOAT"), Map.entry("C_DOUBLE", "DOUBLE"), Map.entry("C_DATE", "NAIVE_DATE"),
                    Map.entry("C_TIME", "NAIVE_TIME"), Map.entry("C_TS", "NAIVE_DATETIME"),
                    Map.entry("C_TSTZ", "UTC_DATETIME"), Map.entry("C_BIN", "BINARY"), Map.entry("C_BLOB", "BINARY"),
                    Map.entry("C_JSON", "JSON"), Map.entry("C_VARCHAR", "STRING"), Map.entry("C_CLOB", "STRING"),
                    Map.entry("C_UUID", "STRING"), Map.entry("C_ARRAY", "JSON"));
            assertThat(table.primaryKey()).containsExactly("ID");

            List<Map<String, Object>> rows = new ArrayList<>();
            TableRead read = TableRead.byPrimaryKey(table);
            read.read(c, read.start(), row -> rows.add(row.values()));
            Map<String, Object> row = rows.get(0);
            assertThat(row).containsEntry("ID", 1).containsEntry("C_BOOL", true).containsEntry("C_TINY", (short) 7)
                    .containsEntry("C_SMALL", (short) 300).containsEntry("C_BIG", 5_000_000_000L)
                    .containsEntry("C_DEC", new BigDecimal("12.34")).containsEntry("C_REAL", 1.5f)
                    .containsEntry("C_DOUBLE", 2.25d).containsEntry("C_DATE", LocalDate.of(2024, 2, 29))
                    .containsEntry("C_TIME", LocalTime.of(10, 11, 12))
                    .containsEntry("C_TS", LocalDateTime.parse("2024-01-02T03:04:05.123456"))
                    .containsEntry("C_TSTZ", Instant.parse("2024-01-02T01:04:05Z"))
                    .containsEntry("C_VARCHAR", "hello").containsEntry("C_CLOB", "long text")
                    .containsEntry("C_UUID", "550e8400-e29b-41d4-a716-446655440000")
                    .containsEntry("C_ARRAY", List.of(1, 2));
            assertThat((byte[]) row.get("C_BIN")).containsExactly(0xCA, 0xFE);
            assertThat((byte[]) row.get("C_BLOB")).containsExactly(0xBE, 0xEF);
            assertThat(row.get("C_JSON")).isEqualTo("{\"a\":1}");
        }
    }
}
