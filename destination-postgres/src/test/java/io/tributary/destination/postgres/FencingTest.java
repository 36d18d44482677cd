package io.tributary.destination.postgres;

import static io.tributary.destination.contract.Connectors.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.destination.contract.Connectors;
import io.tributary.destination.contract.Warehouse;
import io.tributary.runtime.destination.Batch;
import io.tributary.runtime.destination.Destination;
import io.tributary.runtime.destination.DestinationException;
import io.tributary.runtime.schema.ColumnSchema;
import io.tributary.runtime.schema.TableSchema;
import io.tributary.sdk.ColumnType;
import io.tributary.sdk.DataType;
import io.tributary.sdk.Table;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Fencing beyond the contract: tokens only grow, a stale sync is refused at every later step, names are quoted. */
class FencingTest {
    private PostgresUnderTest target;
    private Warehouse w;
    private TableSchema users;

    @BeforeEach
    void seed() throws Exception {
        target = new PostgresUnderTest();
        w = new Warehouse(target, "Mixed Case-Schema");
        var result = w.sync(Connectors.withSchema(List.of(Table.named("users").primaryKey("id").column("age", "INT")),
                (c, s, ops) -> ops.upsert("users", row("id", 1, "age", 30))));
        assertThat(result.succeeded()).as(String.valueOf(result.error())).isTrue();
        try (Destination d = open()) {
            users = d.tables().get(0);
        }
    }

    @AfterEach
    void close() throws Exception {
        target.close();
    }

    private Destination open() {
        return target.open("Mixed Case-Schema");
    }

    @Test
    void aSyncThatCommittedBeforeBeingOvertakenIsRefusedAtItsNextCommit() throws Exception {
        try (Destination stale = open(); Destination newer = open()) {
            stale.fence(1);
            newer.fence(2);
            stale.write(upsert(2L, 40));
            stale.commit("{\"by\":1}");
            newer.write(upsert(3L, 50));
            newer.commit("{\"by\":2}");
            stale.write(upsert(2L, 41));
            assertThatThrownBy(() -> stale.commit("{\"by\":\"stale\"}")).isInstanceOf(DestinationException.class)
                    .hasMessageContaining("Mixed Case-Schema").hasMessageContaining("fence token 2")
                    .hasMessageContaining("fence token 1");
        }
        assertThat(w.rows("SELECT id, age FROM \"Mixed Case-Schema\".users ORDER BY id"))
                .containsExactly(row("id", 1L, "age", 30), row("id", 2L, "age", 40), row("id", 3L, "age", 50));
        assertThat(w.state()).isEqualTo("{\"by\":2}");
    }

    @Test
    void anUnfencedCommitNeitherChecksNorLowersTheToken() throws Exception {
        try (Destination newer = open()) {
            newer.fence(5);
            newer.write(upsert(2L, 40));
            newer.commit("{\"by\":5}");
        }
        try (Destination local = open()) {
            local.write(upsert(3L, 50));
            local.commit("{\"by\":\"local\"}");
        }
        try (Destination stale = open()) {
            stale.fence(4);
            stale.write(upsert(4L, 60));
            assertThatThrownBy(() -> stale.commit("{\"by\":4}")).isInstanceOf(DestinationException.class)
                    .hasMessageContaining("fence token 5");
        }
        assertThat(w.state()).isEqualTo("{\"by\":\"local\"}");
    }

    @Test
    void aFencedOffSyncChangesNoTableBeforeItsCommit() throws Exception {
        try (Destination stale = open(); Destination newer = open()) {
            stale.fence(1);
            newer.fence(2);
            newer.write(upsert(2L, 40));
            newer.commit("{\"by\":2}");
            TableSchema wider = users.withColumn(new ColumnSchema("extra", ColumnType.of(DataType.STRING), false));
            assertThatThrownBy(() -> stale.applySchema(wider)).isInstanceOf(DestinationException.class)
                    .hasMessageContaining("fence token 2");
        }
        assertThat(w.columnNames("users")).doesNotContain("extra");
    }

    private Batch upsert(long id, int age) {
        Object[][] values = new Object[users.columns().size()][1];
        values[users.indexOf("id")][0] = id;
        values[users.indexOf("age")][0] = age;
        return new Batch(users, values, new byte[] {(byte) Batch.Op.UPSERT.ordinal()}, new long[] {0}, 1, 64, false);
    }

    @Test
    void schemasDifferingOnlyInCaseAreTwoTargets() throws Exception {
        var other = new Warehouse(target, "mixed case-schema");
        other.sync(Connectors.withSchema(List.of(Table.named("users").primaryKey("id")), (c, s, ops) -> {
            ops.upsert("users", row("id", 9));
            ops.checkpoint(Map.of("other", true));
        }));
        assertThat(other.state()).isEqualTo("{\"other\":true}");
        assertThat(w.state()).as("schema names are case-sensitive").isEqualTo("{}");
    }
}
