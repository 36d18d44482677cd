package io.tributary.examples.schema_change;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.sdk.Configuration;
import io.tributary.sdk.Connector;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import io.tributary.sdk.Table;
import io.tributary.testkit.ConnectorTester;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaChangeConnectorTest {

    @Test
    void theColumnWidensSyncBySyncAndTheStoredValuesAreConverted() {
        try (ConnectorTester tester = ConnectorTester.of(new SchemaChangeConnector())) {
            tester.sync().assertSucceeded();
            assertThat(type(tester, "int_to_string")).isEqualTo("INTEGER");
            assertThat(values(tester)).containsExactly(42);
            assertThat(columns(tester)).doesNotContain("added_later");

            tester.sync().assertSucceeded();
            assertThat(type(tester, "int_to_string")).as("INT meets LONG").isEqualTo("BIGINT");
            assertThat(values(tester)).containsExactly(42L, 5_000_000_000L);
            assertThat(type(tester, "added_later")).as("a new column").isEqualTo("VARCHAR");
            assertThat(column(tester, "added_later")).containsExactly(null, "sync 2");

            tester.sync().assertSucceeded();
            assertThat(type(tester, "int_to_string")).as("LONG meets DECIMAL(4,2): 19 integer digits and 2 decimals")
                    .isEqualTo("DECIMAL(21,2)");
            assertThat(values(tester)).containsExactly(
                    new BigDecimal("42.00"), new BigDecimal("5000000000.00"), new BigDecimal("42.42"));

            tester.sync().assertSucceeded();
            assertThat(type(tester, "int_to_string")).as("a number meets text").isEqualTo("VARCHAR");
            assertThat(values(tester)).containsExactly("42.00", "5000000000.00", "42.42", "forty-two point forty-two");

            tester.sync().assertSucceeded();
            assertThat(type(tester, "int_to_string")).as("never narrowed back").isEqualTo("VARCHAR");
            assertThat(values(tester)).endsWith("42.43");
            assertThat(tester.state().getInt("sync_count", 0)).isEqualTo(5);
            assertThat(column(tester, "description")).hasSize(5).doesNotContainNull();
        }
    }

    @Test
    void laterSyncsKeepTheLastValueType() {
        try (ConnectorTester tester = ConnectorTester.of(new SchemaChangeConnector())) {
            for (int i = 0; i < 7; i++) {
                tester.sync().assertSucceeded();
            }
            assertThat(values(tester)).hasSize(7).endsWith("42.43", "42.43", "42.43");
            assertThat(tester.state().getInt("sync_count", 0)).isEqualTo(7);
        }
    }

    @Test
    void aSyncThatFailsBeforeItsCheckpointLeavesTheTypeAndStateAsTheyWere() {
        try (ConnectorTester tester = ConnectorTester.of(new SchemaChangeConnector())) {
            tester.sync().assertSucceeded();
            Map<String, Object> before = tester.snapshot();

            // The second sync would widen INT to BIGINT; it dies at its checkpoint instead.
            try (ConnectorTester crashing = ConnectorTester.of(new DiesAtCheckpoint())) {
                crashing.sync().assertSucceeded();
                crashing.sync().assertFailedWith("killed at the checkpoint");
                assertThat(type(crashing, "int_to_string")).isEqualTo("INTEGER");
                assertThat(values(crashing)).containsExactly(42);
                assertThat(crashing.snapshot()).isEqualTo(before);

                crashing.sync().assertFailedWith("killed at the checkpoint");
                assertThat(crashing.state().getInt("sync_count", 0)).isEqualTo(1);
            }
        }
    }

    /** The real connector, killed at the checkpoint of every sync but the first (as a crash would). */
    private static final class DiesAtCheckpoint implements Connector {
        private final SchemaChangeConnector connector = new SchemaChangeConnector();

        @Override
        public List<Table> schema(Configuration configuration) {
            return connector.schema(configuration);
        }

        @Override
        public void update(Configuration configuration, State state, Operations operations) {
            boolean first = state.isEmpty();
            connector.update(configuration, state, new Operations() {
                public void upsert(String table, Object row) {
                    operations.upsert(table, row);
                }

                public void update(String table, Object row) {
                    operations.update(table, row);
                }

                public void delete(String table, Object keys) {
                    operations.delete(table, keys);
                }

                public void truncate(String table) {
                    operations.truncate(table);
                }

                public void checkpoint(Object newState) {
                    if (!first) {
                        throw new IllegalStateException("killed at the checkpoint");
                    }
                    operations.checkpoint(newState);
                }

                public RuntimeException error(String message) {
                    return operations.error(message);
                }

                public void warning(String message) {
                    operations.warning(message);
                }
            });
        }
    }

    private static String type(ConnectorTester tester, String column) {
        return (String) tester.query("SELECT data_type FROM information_schema.columns WHERE table_schema = 'tester' "
                + "AND table_name = 'change_int_to_string' AND column_name = '" + column + "'").get(0).get("data_type");
    }

    private static List<String> columns(ConnectorTester tester) {
        return tester.query("SELECT column_name FROM information_schema.columns WHERE table_schema = 'tester' "
                + "AND table_name = 'change_int_to_string'").stream().map(r -> (String) r.get("column_name")).toList();
    }

    private static List<Object> values(ConnectorTester tester) {
        return column(tester, "int_to_string");
    }

    private static List<Object> column(ConnectorTester tester, String name) {
        List<Object> out = new ArrayList<>();
        tester.query("SELECT " + name + " FROM tester.change_int_to_string ORDER BY id").forEach(r -> out.add(r.get(name)));
        return out;
    }
}
