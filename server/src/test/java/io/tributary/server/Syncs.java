package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/** Triggering syncs through the API, waiting for them, and reading what they did: for the orchestration tests. */
final class Syncs {
    private Syncs() {
    }

    static JsonNode details(ServerFixture f, String id) {
        return f.admin.get("/v1/connections/" + id).data();
    }

    /** Triggers a sync and waits for succeeded_at or failed_at to move past their values before it (§2.4). */
    static JsonNode syncAndWait(ServerFixture f, String id) {
        JsonNode before = details(f, id);
        assertThat(f.admin.post("/v1/connections/" + id + "/sync", "{}").status()).isEqualTo(200);
        await(() -> {
            JsonNode now = details(f, id);
            return !now.path("succeeded_at").equals(before.path("succeeded_at"))
                    || !now.path("failed_at").equals(before.path("failed_at"));
        });
        return details(f, id);
    }

    static boolean present(JsonNode field) {
        return !field.isNull() && !field.isMissingNode();
    }

    static void await(BooleanSupplier condition) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not reached within 30 s");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    /** The first column of each row of a query on a DuckDB warehouse file, as text. */
    static List<String> rows(Path warehouse, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + warehouse.toAbsolutePath());
             Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    static List<JsonNode> history(ServerFixture f, String id) {
        List<JsonNode> out = new ArrayList<>();
        f.admin.get("/v1/connections/" + id + "/sync-history").data().path("items").forEach(out::add);
        return out;
    }

    /** What the connection's syncs logged, or one sync's when {@code syncId} is given. */
    static List<String> logMessages(ServerFixture f, String id, String syncId) {
        List<String> out = new ArrayList<>();
        f.admin.get("/v1/connections/" + id + "/logs?limit=1000" + (syncId == null ? "" : "&sync_id=" + syncId))
                .data().path("items").forEach(l -> out.add(l.path("message").asText()));
        return out;
    }
}
