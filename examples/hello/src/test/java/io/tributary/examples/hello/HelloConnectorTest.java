package io.tributary.examples.hello;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.testkit.ConnectorTester;
import org.junit.jupiter.api.Test;

class HelloConnectorTest {

    @Test
    void firstSyncWritesOneKeylessRow() {
        try (ConnectorTester tester = ConnectorTester.of(new HelloConnector())) {
            tester.sync().assertSucceeded();
            var rows = tester.rows("hello");
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0)).containsEntry("message", "hello, world!").containsEntry("_fivetran_deleted", false);
            assertThat((String) rows.get(0).get("_fivetran_id")).hasSize(32);
            assertThat(tester.state().isEmpty()).isTrue();
        }
    }

    @Test
    void repeatedSyncsKeepOneRowBecauseTheHashIsStable() {
        try (ConnectorTester tester = ConnectorTester.of(new HelloConnector())) {
            tester.sync().assertSucceeded();
            Object id = tester.rows("hello").get(0).get("_fivetran_id");
            tester.sync().assertSucceeded();
            tester.sync().assertSucceeded();
            assertThat(tester.rows("hello")).singleElement().satisfies(row -> assertThat(row.get("_fivetran_id")).isEqualTo(id));
        }
    }

    @Test
    void resumesFromEveryCheckpoint() {
        try (ConnectorTester tester = ConnectorTester.of(new HelloConnector())) {
            tester.assertReplayFromEveryCheckpoint();
        }
    }
}
