package io.tributary.examples.unspecifiedtypes;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testkit.ConnectorTester;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UnspecifiedTypesConnectorTest {

    private static Map<String, Object> columnTypes(ConnectorTester tester) {
        Map<String, Object> types = new LinkedHashMap<>();
        tester.query("SELECT column_name, data_type FROM information_schema.columns "
                        + "WHERE table_schema = 'tester' AND table_name = 'unspecified'")
                .forEach(r -> types.put((String) r.get("column_name"), r.get("data_type")));
        return types;
    }

    @Test
    void typesAreInferredFromTheJavaValues() {
        try (ConnectorTester tester = ConnectorTester.of(new UnspecifiedTypesConnector())) {
            tester.sync().assertSucceeded();

            assertThat(columnTypes(tester)).containsOnly(
                    entry("id", "BIGINT"),            // an Integer, but integer keys are inferred as LONG
                    entry("_bool", "BOOLEAN"),
                    entry("_short", "INTEGER"),       // 15 is an Integer: nothing says it is a SHORT
                    entry("_int", "INTEGER"),
                    entry("_long", "BIGINT"),
                    entry("_dec", "VARCHAR"),         // text stays text, even when it looks like a number...
                    entry("_float", "DOUBLE"),        // 10.4 is a Double
                    entry("_double", "DOUBLE"),
                    entry("_ndate", "VARCHAR"),       // ...or a date
                    entry("_ndatetime", "VARCHAR"),
                    entry("_utc", "VARCHAR"),
                    entry("_ntime", "VARCHAR"),
                    entry("_binary", "BLOB"),
                    entry("_xml", "VARCHAR"),
                    entry("_str", "VARCHAR"),
                    entry("_json", "JSON"),           // a Map
                    entry("_fivetran_synced", "TIMESTAMP WITH TIME ZONE"),
                    entry("_fivetran_deleted", "BOOLEAN"));
            // Only null was ever sent for _null, so there was no type to infer and no column.
            assertThat(columnTypes(tester)).doesNotContainKey("_null");
        }
    }

    @Test
    void valuesArriveUnchangedAsTheirInferredTypes() {
        try (ConnectorTester tester = ConnectorTester.of(new UnspecifiedTypesConnector())) {
            tester.sync().assertSucceeded();

            List<Map<String, Object>> rows = tester.rows("unspecified");
            assertThat(rows).hasSize(1);
            Map<String, Object> row = rows.get(0);
            assertThat(row).containsEntry("id", 1L)
                    .containsEntry("_bool", true)
                    .containsEntry("_short", 15)
                    .containsEntry("_int", 123456789)
                    .containsEntry("_long", 132353453453635L)
                    .containsEntry("_dec", "105.34")
                    .containsEntry("_float", 10.4)
                    .containsEntry("_double", 1e-4)
                    .containsEntry("_ndate", "2007-12-03")
                    .containsEntry("_ndatetime", "2007-12-03T10:15:30")
                    .containsEntry("_utc", "2007-12-03T10:15:30.123Z")
                    .containsEntry("_ntime", "10:15:30")
                    .containsEntry("_xml", "<tag>This is XML</tag>")
                    .containsEntry("_str", "This is a string")
                    .containsEntry("_fivetran_deleted", false)
                    .doesNotContainKey("_null");
            assertThat((byte[]) row.get("_binary")).containsExactly(0x00, 0x01, 0x02, 0x03);
            assertThat(tester.query("SELECT CAST(_json AS VARCHAR) AS json FROM tester.unspecified"))
                    .containsExactly(Map.of("json", "{\"a\":10}"));
            assertThat(tester.state().toJson()).isEqualTo("{}");
        }
    }

    @Test
    void repeatedSyncsKeepOneRowAndTheSameTypes() {
        try (ConnectorTester tester = ConnectorTester.of(new UnspecifiedTypesConnector())) {
            tester.sync().assertSucceeded();
            Map<String, Object> typesAfterFirstSync = columnTypes(tester);

            tester.sync().assertSucceeded();
            tester.sync().assertSucceeded();
            assertThat(tester.rows("unspecified")).singleElement()
                    .satisfies(row -> assertThat(row).containsEntry("id", 1L).containsEntry("_fivetran_deleted", false));
            assertThat(columnTypes(tester)).isEqualTo(typesAfterFirstSync);
            assertThat(tester.state().toJson()).isEqualTo("{}");
        }
    }

    @Test
    void resumesFromEveryCheckpoint() {
        try (ConnectorTester tester = ConnectorTester.of(new UnspecifiedTypesConnector())) {
            tester.assertReplayFromEveryCheckpoint();
        }
    }
}
