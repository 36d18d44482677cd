package io.tributary.examples.specifiedtypes;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testkit.ConnectorTester;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpecifiedTypesConnectorTest {

    private static Map<String, Object> columnTypes(ConnectorTester tester) {
        Map<String, Object> types = new LinkedHashMap<>();
        tester.query("SELECT column_name, data_type FROM information_schema.columns "
                        + "WHERE table_schema = 'tester' AND table_name = 'specified'")
                .forEach(r -> types.put((String) r.get("column_name"), r.get("data_type")));
        return types;
    }

    @Test
    void everyDeclaredTypeBecomesItsDuckDbType() {
        try (ConnectorTester tester = ConnectorTester.of(new SpecifiedTypesConnector())) {
            tester.sync().assertSucceeded();

            assertThat(columnTypes(tester)).containsOnly(
                    entry("_bool", "BOOLEAN"),
                    entry("_short", "SMALLINT"),
                    entry("_int", "INTEGER"),
                    entry("_long", "BIGINT"),
                    entry("_dec", "DECIMAL(15,2)"),
                    entry("_float", "FLOAT"),
                    entry("_double", "DOUBLE"),
                    entry("_ndate", "DATE"),
                    entry("_ndatetime", "TIMESTAMP"),
                    entry("_utc", "TIMESTAMP WITH TIME ZONE"),
                    entry("_ntime", "TIME"),
                    entry("_binary", "BLOB"),
                    entry("_xml", "VARCHAR"),
                    entry("_str", "VARCHAR"),
                    entry("_json", "JSON"),
                    entry("_null", "VARCHAR"),
                    entry("_fivetran_synced", "TIMESTAMP WITH TIME ZONE"),
                    entry("_fivetran_deleted", "BOOLEAN"));
            assertThat(tester.query("SELECT constraint_column_names AS key FROM duckdb_constraints() "
                    + "WHERE schema_name = 'tester' AND table_name = 'specified' AND constraint_type = 'PRIMARY KEY'"))
                    .extracting(r -> r.get("key").toString()).containsExactly("[_bool]");
        }
    }

    @Test
    void everyValueIsConvertedToItsDeclaredType() {
        try (ConnectorTester tester = ConnectorTester.of(new SpecifiedTypesConnector())) {
            tester.sync().assertSucceeded();

            List<Map<String, Object>> rows = tester.rows("specified");
            assertThat(rows).hasSize(1);
            Map<String, Object> row = rows.get(0);
            assertThat(row).containsEntry("_bool", true)
                    .containsEntry("_short", (short) 15)
                    .containsEntry("_int", 123456789)
                    .containsEntry("_long", 132353453453635L)
                    .containsEntry("_dec", new BigDecimal("105.34"))
                    .containsEntry("_float", 10.4f)
                    .containsEntry("_double", 1e-4)
                    .containsEntry("_ndate", LocalDate.of(2007, 12, 3))
                    .containsEntry("_ntime", LocalTime.of(10, 15, 30))
                    .containsEntry("_xml", "<tag>This is XML</tag>")
                    .containsEntry("_str", "This is a string")
                    .containsEntry("_null", null)
                    .containsEntry("_fivetran_deleted", false);
            assertThat((byte[]) row.get("_binary")).containsExactly(0x00, 0x01, 0x02, 0x03);
            assertThat(((OffsetDateTime) row.get("_utc")).toInstant()).isEqualTo(Instant.parse("2007-12-03T10:15:30.123Z"));

            // Read as text so the check does not depend on the JVM's time zone or the driver's JSON class.
            assertThat(tester.query("SELECT CAST(_ndatetime AS VARCHAR) AS ndatetime, CAST(_json AS VARCHAR) AS json, "
                    + "json_extract(_json, '$.a')::INTEGER AS a FROM tester.specified"))
                    .containsExactly(Map.of("ndatetime", "2007-12-03 10:15:30", "json", "{\"a\":10}", "a", 10));
        }
    }

    @Test
    void repeatedSyncsKeepOneRowAndAnEmptyState() {
        try (ConnectorTester tester = ConnectorTester.of(new SpecifiedTypesConnector())) {
            tester.sync().assertSucceeded();
            assertThat(tester.state().toJson()).isEqualTo("{}");

            tester.sync().assertSucceeded();
            tester.sync().assertSucceeded();
            assertThat(tester.rows("specified")).singleElement()
                    .satisfies(row -> assertThat(row).containsEntry("_bool", true).containsEntry("_fivetran_deleted", false));
            assertThat(tester.state().toJson()).isEqualTo("{}");
        }
    }

    @Test
    void aWholeNumberOutsideTheDeclaredRangeFailsTheSync() {
        assertRejected("_short", 40000,
                "column '_short' value 40000 (Integer) cannot be stored as SHORT: out of range");
    }

    @Test
    void textThatIsNotADecimalFailsTheSync() {
        assertRejected("_dec", "ten", "column '_dec' value \"ten\" (String) cannot be stored as DECIMAL(15,2)");
    }

    @Test
    void aDateInAnotherFormatFailsTheSync() {
        assertRejected("_ndate", "03/12/2007",
                "column '_ndate' value \"03/12/2007\" (String) cannot be stored as NAIVE_DATE");
    }

    /** Syncs the example's row with one value replaced, and expects the sync to fail and commit nothing. */
    private static void assertRejected(String column, Object value, String message) {
        SpecifiedTypesConnector connector = new SpecifiedTypesConnector() {
            @Override
            Map<String, Object> row() {
                Map<String, Object> row = super.row();
                row.put(column, value);
                return row;
            }
        };
        try (ConnectorTester tester = ConnectorTester.of(connector)) {
            tester.sync().assertFailedWith(message);
            assertThat(tester.query("SELECT count(*) AS n FROM duckdb_tables() WHERE schema_name = 'tester'"))
                    .extracting(r -> r.get("n")).containsExactly(0L);
            assertThat(tester.state().isEmpty()).isTrue();
        }
    }

    @Test
    void resumesFromEveryCheckpoint() {
        try (ConnectorTester tester = ConnectorTester.of(new SpecifiedTypesConnector())) {
            tester.assertReplayFromEveryCheckpoint();
        }
    }
}
