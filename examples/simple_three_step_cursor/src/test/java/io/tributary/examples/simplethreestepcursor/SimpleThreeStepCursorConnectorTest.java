package io.tributary.examples.simplethreestepcursor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.tributary.testkit.ConnectorTester;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimpleThreeStepCursorConnectorTest {

    @Test
    void firstSyncWritesTheFirstRowAndMovesTheCursorToOne() {
        try (ConnectorTester tester = ConnectorTester.of(new SimpleThreeStepCursorConnector())) {
            tester.sync().assertSucceeded();

            assertThat(tester.rows("hello_world"))
                    .extracting(r -> r.get("id"), r -> r.get("message"), r -> r.get("_fivetran_deleted"))
                    .containsExactly(tuple(10L, "Hello world", false));
            assertThat(tester.state().toJson()).isEqualTo("{\"cursor\":1}");
        }
    }

    @Test
    void eachSyncAddsTheNextRowUntilAllThreeAreSynced() {
        try (ConnectorTester tester = ConnectorTester.of(new SimpleThreeStepCursorConnector())) {
            tester.sync().assertSucceeded();
            tester.sync().assertSucceeded();
            assertThat(tester.rows("hello_world")).extracting(r -> r.get("id")).containsExactly(10L, 20L);
            assertThat(tester.state().getInt("cursor", -1)).isEqualTo(2);

            tester.sync().assertSucceeded();
            assertThat(tester.rows("hello_world"))
                    .extracting(r -> r.get("id"), r -> r.get("message"), r -> r.get("_fivetran_deleted"))
                    .containsExactly(
                            tuple(10L, "Hello world", false),
                            tuple(20L, "Hello again", false),
                            tuple(30L, "Good bye", false));
            assertThat(tester.state().toJson()).isEqualTo("{\"cursor\":3}");
        }
    }

    @Test
    void fourthSyncFailsWithAControlledErrorAndChangesNothing() {
        try (ConnectorTester tester = ConnectorTester.of(new SimpleThreeStepCursorConnector())) {
            for (int i = 0; i < 3; i++) {
                tester.sync().assertSucceeded();
            }
            List<Map<String, Object>> before = tester.rows("hello_world");

            tester.sync().assertFailedWith("Expected 'list index out of range' on 4th sync")
                    .assertFailedWith("cursor 3 is past the 3 rows of SOURCE_DATA");

            // The same rows, down to _fivetran_synced, and the same cursor: a failed sync commits nothing.
            assertThat(tester.rows("hello_world")).isEqualTo(before);
            assertThat(tester.state().toJson()).isEqualTo("{\"cursor\":3}");

            // It keeps failing the same way rather than wrapping around or skipping ahead.
            tester.sync().assertFailedWith("cursor 3 is past the 3 rows");
            assertThat(tester.rows("hello_world")).isEqualTo(before);
        }
    }

    @Test
    void idTypeIsInferredAndMessageIsDeclared() {
        try (ConnectorTester tester = ConnectorTester.of(new SimpleThreeStepCursorConnector())) {
            tester.sync().assertSucceeded();

            assertThat(tester.query("SELECT column_name, data_type FROM information_schema.columns "
                    + "WHERE table_schema = 'tester' AND table_name = 'hello_world' "
                    + "AND column_name IN ('id', 'message') ORDER BY column_name"))
                    .extracting(r -> r.get("column_name"), r -> r.get("data_type"))
                    .containsExactly(tuple("id", "BIGINT"), tuple("message", "VARCHAR"));
        }
    }

    @Test
    void resumesFromEveryCheckpoint() {
        try (ConnectorTester tester = ConnectorTester.of(new SimpleThreeStepCursorConnector())) {
            tester.assertReplayFromEveryCheckpoint();
        }
    }
}
