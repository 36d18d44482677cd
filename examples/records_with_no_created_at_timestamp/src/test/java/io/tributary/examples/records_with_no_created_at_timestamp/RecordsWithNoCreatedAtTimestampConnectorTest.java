package io.tributary.examples.records_with_no_created_at_timestamp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.tributary.testkit.ConnectorTester;
import io.tributary.testkit.SyncOutcome;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class RecordsWithNoCreatedAtTimestampConnectorTest {

    @Test
    void firstSyncWritesTheCurrentVersionAndSavesItsUpdatedAt() {
        try (ConnectorTester tester = newTester("2008-01-01T00:00:00Z")) {
            tester.sync().assertSucceeded();

            assertThat(versions(tester)).containsExactly(
                    tuple(123, "2007-12-03T10:15:30Z", "Manager"));
            assertThat(tester.rows("user")).singleElement().satisfies(row -> assertThat(row)
                    .containsEntry("first_name", "John").containsEntry("last_name", "Doe")
                    .containsEntry("_fivetran_deleted", false));
            assertThat(tester.state().getString("last_updated_at")).isEqualTo("2007-12-03T10:15:30Z");
        }
    }

    @Test
    void laterSyncsAddNewVersionsNextToTheOldOnes() {
        try (ConnectorTester tester = newTester("2008-01-01T00:00:00Z")) {
            tester.sync().assertSucceeded();

            // John is promoted and Jane appears: both arrive as new rows; the Manager row stays.
            tester.configuration(Map.of("as_of", "2009-01-01T00:00:00Z"));
            SyncOutcome second = tester.sync().assertSucceeded();
            assertThat(second.counters().upserts()).as("only records updated after the cursor are read").isEqualTo(2);
            assertThat(versions(tester)).containsExactly(
                    tuple(123, "2007-12-03T10:15:30Z", "Manager"),
                    tuple(123, "2008-01-04T23:44:21Z", "Senior Manager"),
                    tuple(456, "2008-11-12T00:00:20Z", "VP"));
            assertThat(tester.state().getString("last_updated_at")).isEqualTo("2008-11-12T00:00:20Z");

            // John changes twice before the next sync: only his latest version is captured, "Director" is lost.
            tester.configuration(Map.of("as_of", "2011-01-01T00:00:00Z"));
            assertThat(tester.sync().assertSucceeded().counters().upserts()).isEqualTo(3);
            assertThat(versions(tester)).containsExactly(
                    tuple(123, "2007-12-03T10:15:30Z", "Manager"),
                    tuple(123, "2008-01-04T23:44:21Z", "Senior Manager"),
                    tuple(123, "2009-09-15T17:30:00Z", "Vice President"),
                    tuple(456, "2008-11-12T00:00:20Z", "VP"),
                    tuple(456, "2010-02-01T12:00:00Z", "SVP"),
                    tuple(789, "2009-06-01T08:00:00Z", "Engineer"));
            assertThat(tester.rows("user")).allSatisfy(row -> assertThat(row).containsEntry("_fivetran_deleted", false));
            assertThat(tester.state().getString("last_updated_at")).isEqualTo("2010-02-01T12:00:00Z");

            // Nothing changed since: nothing is read and the cursor stays.
            assertThat(tester.sync().assertSucceeded().counters().upserts()).isZero();
            assertThat(versions(tester)).hasSize(6);
            assertThat(tester.state().getString("last_updated_at")).isEqualTo("2010-02-01T12:00:00Z");
        }
    }

    @Test
    void theFirstVersionOfARecordWasSyncedFirst() {
        try (ConnectorTester tester = newTester("2008-01-01T00:00:00Z")) {
            tester.sync().assertSucceeded();
            tester.configuration(Map.of("as_of", "2009-01-01T00:00:00Z"));
            tester.sync().assertSucceeded();

            List<Map<String, Object>> john = tester.query(
                    "SELECT designation, _fivetran_synced FROM tester.\"user\" WHERE id = 123 ORDER BY _fivetran_synced");
            assertThat(john).extracting(row -> row.get("designation")).containsExactly("Manager", "Senior Manager");
        }
    }

    @Test
    void aSyncOfTheWholeSourceKeepsOnlyTheCurrentVersions() {
        try (ConnectorTester tester = newTester("")) {
            tester.sync().assertSucceeded();
            assertThat(versions(tester)).containsExactly(
                    tuple(123, "2009-09-15T17:30:00Z", "Vice President"),
                    tuple(456, "2010-02-01T12:00:00Z", "SVP"),
                    tuple(789, "2009-06-01T08:00:00Z", "Engineer"));
        }
    }

    @Test
    void anInvalidAsOfFailsTheSyncNamingTheKey() {
        try (ConnectorTester tester = newTester("last tuesday")) {
            tester.sync().assertFailedWith("'as_of'");
            assertThat(tester.state().isEmpty()).isTrue();
        }
    }

    @Test
    void resumesFromEveryCheckpoint() {
        try (ConnectorTester tester = newTester("2011-01-01T00:00:00Z")) {
            tester.assertReplayFromEveryCheckpoint();
        }
    }

    private static ConnectorTester newTester(String asOf) {
        return ConnectorTester.of(new RecordsWithNoCreatedAtTimestampConnector()).configuration(Map.of("as_of", asOf));
    }

    /** (id, updated_at, designation) of every row, by id and then updated_at. */
    private static List<Tuple> versions(ConnectorTester tester) {
        return tester.rows("user").stream()
                .sorted(Comparator.comparing((Map<String, Object> row) -> (Integer) row.get("id"))
                        .thenComparing(row -> utc(row.get("updated_at"))))
                .map(row -> tuple(row.get("id"), utc(row.get("updated_at")).toString(), row.get("designation")))
                .toList();
    }

    private static Instant utc(Object timestamp) {
        return ((OffsetDateTime) timestamp).toInstant();
    }
}
