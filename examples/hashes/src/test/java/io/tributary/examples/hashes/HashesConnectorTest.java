package io.tributary.examples.hashes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.testkit.ConnectorTester;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HashesConnectorTest {
    // The hash_id values the Python example documents for its five rows.
    private static final String JOHN = "9507eb591ddb60eb68452d06cf70696d8d5e8140";
    private static final String JOHN_UPDATED = "7d09ec9c2cfa02549a329a36fcd0221b1ea020ab";
    private static final String JOHN_WITHOUT_EMAIL = "f01ca16d545bf1af5a8bbce87acc622101e1a992";
    private static final String JOE = "a211fe507efd31c94e30e91fc8883b4a68605d3d";
    private static final String JANE = "aa1f248cbe6e71e1f36db2f09c5b68a2fbe3febb";

    @Test
    void hashesMatchPythonsJsonDumpsWithSortedKeys() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("first_name", "Zoë \"q\" \\ \n\t\u0001\u007f \uD83D\uDE00");
        row.put("n", 5);
        row.put("b", true);
        // Reference values from CPython: json.dumps(row, sort_keys=True) and its SHA-1.
        assertThat(RowHash.pythonJson(row)).isEqualTo(
                "{\"b\": true, \"first_name\": \"Zo\\u00eb \\\"q\\\" \\\\ \\n\\t\\u0001\\u007f \\ud83d\\ude00\", \"n\": 5}");
        assertThat(RowHash.sha1(row)).isEqualTo("dacb5dce02ee98ce0feb35fa4a63cec6a42df747");
    }

    @Test
    void valuesThatPythonWouldPrintDifferentlyAreRejected() {
        assertThatThrownBy(() -> RowHash.sha1(Map.of("price", 1.5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("price");
    }

    @Test
    void firstSyncKeysEveryRowByItsHash() {
        try (ConnectorTester tester = ConnectorTester.of(new HashesConnector())) {
            tester.sync().assertSucceeded();
            assertExpectedRows(tester);
            assertThat(tester.state().isEmpty()).isTrue();
        }
    }

    @Test
    void resyncingTheSameRowsAddsNoCopies() {
        try (ConnectorTester tester = ConnectorTester.of(new HashesConnector())) {
            for (int sync = 0; sync < 3; sync++) {
                tester.sync().assertSucceeded();
            }
            assertExpectedRows(tester);
            assertThat(tester.state().isEmpty()).isTrue();
        }
    }

    @Test
    void resumesFromEveryCheckpoint() {
        try (ConnectorTester tester = ConnectorTester.of(new HashesConnector())) {
            tester.assertReplayFromEveryCheckpoint();
        }
    }

    private static void assertExpectedRows(ConnectorTester tester) {
        List<Map<String, Object>> rows = tester.rows("user");
        assertThat(rows).extracting(r -> r.get("hash_id"))
                .containsExactlyInAnyOrder(JOHN, JOHN_UPDATED, JOHN_WITHOUT_EMAIL, JOE, JANE);
        assertThat(rows).allSatisfy(r -> assertThat(r).containsEntry("_fivetran_deleted", false));

        Map<Object, Map<String, Object>> byHash = new LinkedHashMap<>();
        rows.forEach(r -> byHash.put(r.get("hash_id"), r));
        assertThat(byHash.get(JOHN)).containsEntry("first_name", "John").containsEntry("last_name", "Doe")
                .containsEntry("email", "john.doe@example.com");
        assertThat(instant(byHash.get(JOHN).get("updated_at"))).isEqualTo(Instant.parse("2007-12-03T10:15:30Z"));
        assertThat(instant(byHash.get(JOHN_UPDATED).get("updated_at"))).isEqualTo(Instant.parse("2008-02-13T03:30:50Z"));
        assertThat(byHash.get(JOHN_WITHOUT_EMAIL)).containsEntry("email", null);
        assertThat(byHash.get(JOE)).containsEntry("first_name", "Joe").containsEntry("email", null);
        assertThat(byHash.get(JANE)).containsEntry("first_name", "Jane").containsEntry("email", null)
                .containsEntry("updated_at", null);
    }

    private static Instant instant(Object timestamp) {
        return ((OffsetDateTime) timestamp).toInstant();
    }
}
