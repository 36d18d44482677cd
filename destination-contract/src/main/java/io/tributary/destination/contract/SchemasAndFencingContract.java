package io.tributary.destination.contract;

import static io.tributary.destination.contract.Connectors.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.runtime.destination.Batch;
import io.tributary.runtime.destination.Destination;
import io.tributary.runtime.destination.DestinationException;
import io.tributary.runtime.schema.TableSchema;
import io.tributary.runtime.sync.SyncResult;
import io.tributary.sdk.Table;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Several targets in one warehouse: each schema has its own tables, layouts and committed state; and a sync fenced
 * with an older token cannot commit over a newer one. A fenced-off commit fails with a message that names the schema
 * and both tokens ("token 1", "token 2").
 */
public abstract class SchemasAndFencingContract extends DestinationContract {

    private static final List<Table> USERS = List.of(Table.named("users").primaryKey("id").column("age", "INT"));

    @Test
    public void twoSchemasInOneWarehouseKeepSeparateTablesAndStates() throws Exception {
        Warehouse alpha = warehouse("alpha");
        Warehouse beta = warehouse("beta");
        SyncResult a = alpha.sync(Connectors.withSchema(List.of(Table.named("users").primaryKey("id")), (c, s, ops) -> {
            ops.upsert("users", row("id", 1, "name", "ada"));
            ops.upsert("orders", row("id", 7, "total", 3));
            ops.checkpoint(Map.of("cursor", "a"));
        }));
        assertThat(a.succeeded()).as(String.valueOf(a.error())).isTrue();
        String[] betaStart = new String[1];
        SyncResult b = beta.sync(Connectors.withSchema(List.of(Table.named("users").primaryKey("id")), (c, s, ops) -> {
            betaStart[0] = s.toJson();
            ops.upsert("users", row("id", 1, "age", 40));
            ops.upsert("users", row("id", 2, "age", 41));
            ops.checkpoint(Map.of("cursor", "b"));
        }));
        assertThat(b.succeeded()).as(String.valueOf(b.error())).isTrue();
        assertThat(betaStart[0]).as("beta starts from its own (empty) state").isEqualTo("{}");
        assertThat(alpha.rows("SELECT id, name FROM alpha.users ORDER BY id")).containsExactly(row("id", 1L, "name", "ada"));
        assertThat(beta.rows("SELECT id, age FROM beta.users ORDER BY id"))
                .containsExactly(row("id", 1L, "age", 40), row("id", 2L, "age", 41));
        assertThat(alpha.columnNames("users")).contains("name").doesNotContain("age");
        assertThat(beta.columnNames("users")).contains("age").doesNotContain("name");
        assertThat(beta.tables()).containsExactly("users");
        assertThat(alpha.state()).isEqualTo("{\"cursor\":\"a\"}");
        assertThat(beta.state()).isEqualTo("{\"cursor\":\"b\"}");
        try (Destination d = target.open("beta")) {
            assertThat(d.tables()).extracting(TableSchema::name).containsExactly("users");
            assertThat(d.tables().get(0).column("name")).isNull();
        }
    }

    @Test
    public void aSyncFencedWithAnOlderTokenCannotCommitOverANewerOne() throws Exception {
        Warehouse w = warehouse();
        SyncResult seeded = w.sync(Connectors.withSchema(USERS, (c, s, ops) -> {
            ops.upsert("users", row("id", 1, "age", 30));
            ops.checkpoint(Map.of("cursor", 1));
        }));
        assertThat(seeded.succeeded()).as(String.valueOf(seeded.error())).isTrue();
        try (Destination stale = target.open("tester"); Destination newer = target.open("tester")) {
            stale.fence(1);
            newer.fence(2);
            TableSchema users = usersLayout(stale);
            assertThat(usersLayout(newer)).isEqualTo(users);
            newer.write(upserts(users, 2L, 40));
            newer.commit("{\"cursor\":2}");
            newer.write(upserts(users, 4L, 60));
            newer.commit("{\"cursor\":4}"); // the same token commits again

            stale.write(upserts(users, 1L, 99, 3L, 50));
            assertThatThrownBy(() -> stale.commit("{\"cursor\":\"stale\"}"))
                    .isInstanceOf(DestinationException.class)
                    .hasMessageContaining("tester").hasMessageContaining("token 1").hasMessageContaining("token 2");
        }
        assertThat(w.rows("SELECT id, age, _fivetran_deleted FROM tester.users ORDER BY id")).containsExactly(
                row("id", 1L, "age", 30, "_fivetran_deleted", false),
                row("id", 2L, "age", 40, "_fivetran_deleted", false),
                row("id", 4L, "age", 60, "_fivetran_deleted", false));
        assertThat(w.state()).isEqualTo("{\"cursor\":4}");
        try (Destination next = target.open("tester")) {
            next.fence(3);
            next.write(upserts(usersLayout(next), 5L, 70));
            next.commit("{\"cursor\":5}");
        }
        assertThat(w.state()).as("a newer token commits").isEqualTo("{\"cursor\":5}");
    }

    private static TableSchema usersLayout(Destination d) {
        return d.tables().stream().filter(t -> t.name().equals("users")).findFirst().orElseThrow();
    }

    /** A batch of upserts of (id, age) pairs into a table laid out as (id LONG, age INT). */
    private static Batch upserts(TableSchema users, Object... idAge) {
        int n = idAge.length / 2;
        Object[][] values = new Object[users.columns().size()][n];
        byte[] ops = new byte[n];
        long[] sequence = new long[n];
        for (int r = 0; r < n; r++) {
            values[users.indexOf("id")][r] = idAge[2 * r];
            values[users.indexOf("age")][r] = idAge[2 * r + 1];
            ops[r] = (byte) Batch.Op.UPSERT.ordinal();
            sequence[r] = r;
        }
        return new Batch(users, values, ops, sequence, n, 64L * n, true);
    }
}
