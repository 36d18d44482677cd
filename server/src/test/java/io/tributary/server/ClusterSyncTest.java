package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import io.tributary.server.orchestration.Orchestrator;
import io.tributary.server.store.Database;
import io.tributary.server.store.Jdbc;
import io.tributary.server.store.SyncRunStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two nodes, each with its own pool on one PostgreSQL store, share the syncs and never run a connection twice. */
class ClusterSyncTest {
    private static final int CONNECTIONS = 6;
    private static final int ROUNDS = 3;

    @TempDir
    Path dir;

    private Orchestrator node(Database database, String name) {
        return new Orchestrator(database, new Orchestrator.Settings(name, 2, Duration.ofMillis(50),
                Duration.ofSeconds(5), ClusterSyncTest.class.getClassLoader(), dir.resolve(name + "-packages")))
                .start();
    }

    @Test
    @SuppressWarnings("try") // the nodes only need to run while the rounds do
    void eachRequestedSyncRunsExactlyOnceAcrossNodesAndSyncsOfAConnectionNeverOverlap() {
        try (ServerFixture f = ServerFixture.start(StoreKind.POSTGRES, dir.resolve("server"))) {
            String url = ((HikariDataSource) f.server.database().dataSource()).getJdbcUrl();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < CONNECTIONS; i++) {
                String group = Connections.groupWithDestination(f, "node_wh_" + i, dir);
                ids.add(Connections.create(f, "{\"group_id\": \"" + group + "\", \"service\": \"connector_sdk\", "
                        + "\"schedule_type\": \"manual\", \"config\": {\"schema\": \"src\", \"connector_class\": \""
                        + TestConnectors.Counting.class.getName() + "\", \"rows\": \"2\"}}"));
            }
            try (Database second = Database.open(url, "postgres", "postgres");
                 Orchestrator a = node(f.server.database(), "node-a");
                 Orchestrator b = node(second, "node-b")) {
                for (int round = 1; round <= ROUNDS; round++) {
                    Map<String, JsonNode> before = new HashMap<>();
                    for (String id : ids) {
                        before.put(id, f.admin.get("/v1/connections/" + id).data().path("succeeded_at"));
                        f.admin.post("/v1/connections/" + id + "/sync", "{}");
                    }
                    await(() -> ids.stream().allMatch(id -> !f.admin.get("/v1/connections/" + id).data()
                            .path("succeeded_at").equals(before.get(id))));
                }
            }

            SyncRunStore runs = new SyncRunStore(new Jdbc(f.server.database()));
            for (String id : ids) {
                List<SyncRunStore.Run> history = new ArrayList<>(runs.history(id, 0, 100));
                history.sort(Comparator.comparing(SyncRunStore.Run::startedAt));
                assertThat(history).as("syncs of " + id).hasSize(ROUNDS)
                        .allSatisfy(r -> assertThat(r.status()).isEqualTo(SyncRunStore.Status.SUCCEEDED));
                assertThat(history).extracting(SyncRunStore.Run::fence).containsExactly(1L, 2L, 3L);
                for (int i = 1; i < history.size(); i++) {
                    assertThat(history.get(i).startedAt()).isAfterOrEqualTo(history.get(i - 1).endedAt());
                }
                assertThat(f.admin.get("/v1/connections/" + id + "/state").data().path("state").toString())
                        .isEqualTo("{\"cursor\":" + 2 * ROUNDS + "}");
            }
        }
    }

    private static void await(java.util.function.BooleanSupplier condition) {
        Instant deadline = Instant.now().plusSeconds(60);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("all syncs of the round ended within 60 s").isBefore(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }
}
