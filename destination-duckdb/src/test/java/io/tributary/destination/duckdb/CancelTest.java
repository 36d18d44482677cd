package io.tributary.destination.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.destination.contract.Connectors;
import io.tributary.destination.contract.Warehouse;
import io.tributary.runtime.sync.SyncOptions;
import io.tributary.runtime.sync.SyncResult;
import io.tributary.runtime.sync.SyncRunner;
import io.tributary.sdk.Configuration;
import io.tributary.sdk.Table;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** SyncRunner.cancel stops a sync from outside and keeps exactly what its last checkpoint committed. */
class CancelTest {
    @TempDir
    Path dir;

    @Test
    void aCanceledSyncFailsWithTheReasonAndKeepsOnlyCommittedData() throws Exception {
        DuckDbUnderTest warehouse = new DuckDbUnderTest(dir);
        Warehouse w = new Warehouse(warehouse, "tester");
        CountDownLatch checkpointed = new CountDownLatch(1);
        CountDownLatch canceled = new CountDownLatch(1);
        SyncRunner runner = new SyncRunner(SyncOptions.defaults());
        Thread canceller = new Thread(() -> {
            try {
                checkpointed.await();
                runner.cancel("a forced sync replaced it");
                canceled.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        canceller.start();
        SyncResult result;
        try (DuckDbDestination destination = new DuckDbDestination(warehouse.file, "tester")) {
            result = runner.run(Connectors.withSchema(List.of(Table.named("t").primaryKey("id")), (c, s, ops) -> {
                ops.upsert("t", Map.of("id", 1));
                ops.checkpoint(Map.of("cursor", 1));
                checkpointed.countDown();
                canceled.await(); // the cancel is queued before anything below reaches the destination
                for (int i = 2; ; i++) { // runs until the cancellation refuses an operation
                    ops.upsert("t", Map.of("id", i));
                    if (i % 1000 == 0) {
                        ops.checkpoint(Map.of("cursor", -1)); // the destination side has seen the cancel by now
                    }
                }
            }), Configuration.empty(), null, destination, s -> { });
        }
        canceller.join();

        assertThat(result.succeeded()).isFalse();
        assertThat(result.error()).isEqualTo("canceled: a forced sync replaced it");
        assertThat(result.state()).isEqualTo("{\"cursor\":1}");
        assertThat(w.state()).isEqualTo("{\"cursor\":1}");
        assertThat(w.rows("SELECT id FROM tester.t")).containsExactly(Map.of("id", 1L));
    }

    @Test
    @Timeout(120) // without the interrupt, the sleep below would hold the sync for ten minutes
    void aCancelInterruptsAConnectorWaitingOnItsSource() throws Exception {
        DuckDbUnderTest warehouse = new DuckDbUnderTest(dir);
        Warehouse w = new Warehouse(warehouse, "tester");
        CountDownLatch waiting = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        SyncRunner runner = new SyncRunner(SyncOptions.defaults());
        Thread canceller = new Thread(() -> {
            try {
                waiting.await();
                runner.cancel("the connection was paused");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        canceller.start();
        SyncResult result;
        try (DuckDbDestination destination = new DuckDbDestination(warehouse.file, "tester")) {
            result = runner.run(Connectors.withSchema(List.of(Table.named("t").primaryKey("id")), (c, s, ops) -> {
                ops.upsert("t", Map.of("id", 1));
                ops.checkpoint(Map.of("cursor", 1));
                ops.upsert("t", Map.of("id", 2));
                waiting.countDown();
                try {
                    Thread.sleep(Duration.ofMinutes(10).toMillis()); // a source call that would hang the sync
                } catch (InterruptedException e) {
                    interrupted.set(true);
                    throw e;
                }
                ops.upsert("t", Map.of("id", 3));
            }), Configuration.empty(), null, destination, s -> { });
        }
        canceller.join();

        assertThat(interrupted).isTrue();
        assertThat(result.succeeded()).isFalse();
        assertThat(result.error()).isEqualTo("canceled: the connection was paused");
        assertThat(w.state()).isEqualTo("{\"cursor\":1}");
        assertThat(w.rows("SELECT id FROM tester.t")).containsExactly(Map.of("id", 1L));
    }
}
