package io.tributary.examples.multiplecodefiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.tributary.examples.multiplecodefiles.source.RawEvent;
import io.tributary.testkit.ConnectorTester;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class MultipleCodeFilesConnectorTest {

    /** (name, timestamp as an Instant, _fivetran_deleted) per row, in key order. */
    private static List<Tuple> eventRows(ConnectorTester tester) {
        return tester.rows("event").stream()
                .map(r -> tuple(r.get("name"), ((OffsetDateTime) r.get("timestamp")).toInstant(),
                        r.get("_fivetran_deleted")))
                .toList();
    }

    @Test
    void firstSyncWritesBothEventsWithNormalisedUtcTimestamps() {
        try (ConnectorTester tester = ConnectorTester.of(new MultipleCodeFilesConnector())) {
            tester.sync().assertSucceeded();

            assertThat(eventRows(tester)).containsExactly(
                    tuple("Event1", Instant.parse("2024-09-24T14:30:45Z"), false),
                    tuple("Event2", Instant.parse("2024-09-24T10:30:45Z"), false));
            assertThat(tester.state().toJson()).isEqualTo("{}");
        }
    }

    @Test
    void declaredTypesReachTheWarehouse() {
        try (ConnectorTester tester = ConnectorTester.of(new MultipleCodeFilesConnector())) {
            tester.sync().assertSucceeded();

            List<Map<String, Object>> columns = tester.query("SELECT column_name, data_type "
                    + "FROM information_schema.columns WHERE table_schema = 'tester' AND table_name = 'event' "
                    + "AND column_name IN ('name', 'timestamp') ORDER BY column_name");
            assertThat(columns).extracting(r -> r.get("column_name"), r -> r.get("data_type"))
                    .containsExactly(tuple("name", "VARCHAR"), tuple("timestamp", "TIMESTAMP WITH TIME ZONE"));
        }
    }

    @Test
    void repeatedSyncsUpsertTheSameTwoRows() {
        try (ConnectorTester tester = ConnectorTester.of(new MultipleCodeFilesConnector())) {
            tester.sync().assertSucceeded();
            List<Tuple> first = eventRows(tester);
            tester.sync().assertSucceeded();
            tester.sync().assertSucceeded();

            assertThat(eventRows(tester)).hasSize(2).isEqualTo(first);
            assertThat(tester.state().isEmpty()).isTrue();
        }
    }

    @Test
    void anUnrecognisedTimestampFailsTheSyncAndCommitsNoRow() {
        List<RawEvent> events = List.of(
                new RawEvent("Good", "2024-09-24 10:30:45"),
                new RawEvent("Bad", "24.09.2024 10:30"));
        try (ConnectorTester tester = ConnectorTester.of(new MultipleCodeFilesConnector(events))) {
            tester.sync().assertFailedWith("Timestamp format not recognized: 24.09.2024 10:30");

            // "Good" was upserted before the failure, but only a checkpoint commits rows.
            assertThat(tester.query("SELECT count(*) AS n FROM duckdb_tables() WHERE schema_name = 'tester'"))
                    .extracting(r -> r.get("n")).containsExactly(0L);
            assertThat(tester.state().isEmpty()).isTrue();
        }
    }

    @Test
    void resumesFromEveryCheckpoint() {
        try (ConnectorTester tester = ConnectorTester.of(new MultipleCodeFilesConnector())) {
            tester.assertReplayFromEveryCheckpoint();
        }
    }
}
