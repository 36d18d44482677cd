package io.tributary.sdk.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.sdk.State;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ParallelFetchTest {
    private static final int PAGES = 8;
    private static final int ROWS_PER_PAGE = 5;

    private static List<Integer> range(int from, int to) {
        return IntStream.rangeClosed(from, to).boxed().toList();
    }

    @Test
    void pagesFinishingOutOfOrderStillCheckpointInOrder() throws Exception {
        try (TestServer server = new TestServer()) {
            server.on("/items", (call, reply) -> {
                int page = Integer.parseInt(call.query().get("page"));
                reply.json(200, "{\"data\":" + PaginatorTest.users(0, 0).replace("[]", rows(page)) + "}");
            });
            HttpApi api = HttpApi.builder().baseUrl(server.url("/")).build();
            RecordingOperations ops = new RecordingOperations();
            State state = State.empty();
            CountDownLatch pages2to4Done = new CountDownLatch(3);
            List<Integer> finished = new CopyOnWriteArrayList<>();
            List<String> violations = new CopyOnWriteArrayList<>();

            ParallelFetch.withThreads(4).run(range(1, PAGES).iterator(), page -> {
                JsonNode rows = api.get("items").query("page", page).json().get("data");
                if (page == 1) { // page 1 is the slowest: it ends only after pages 2, 3 and 4 have ended
                    assertThat(pages2to4Done.await(10, TimeUnit.SECONDS)).isTrue();
                }
                rows.forEach(r -> ops.upsert("item", Map.of("id", r.get("id").asInt(), "page", page)));
                finished.add(page);
                if (page >= 2 && page <= 4) {
                    pages2to4Done.countDown();
                }
                return rows.size();
            }, (page, count) -> {
                // the state about to claim pages 1..page: every row of those pages must already be emitted
                long emitted = ops.upserts.stream().filter(r -> (int) r.get("page") <= page).count();
                if (emitted != (long) page * ROWS_PER_PAGE) {
                    violations.add("checkpoint of page " + page + " with " + emitted + " rows of pages 1.." + page);
                }
                ops.checkpoint(state.put("page", page));
                return true;
            });

            assertThat(finished.indexOf(1)).as("page 1 finished after pages 2..4").isGreaterThan(finished.indexOf(4));
            assertThat(violations).isEmpty();
            assertThat(ops.checkpoints).containsExactly(
                    range(1, PAGES).stream().map(p -> "{\"page\":" + p + "}").toArray(String[]::new));
            assertThat(ops.upserts).hasSize(PAGES * ROWS_PER_PAGE);
            assertThat(server.count("/items")).isEqualTo(PAGES);
        }
    }

    private static String rows(int page) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < ROWS_PER_PAGE; i++) {
            sb.append(i == 0 ? "" : ",").append("{\"id\":").append(page * 100 + i).append('}');
        }
        return sb.append(']').toString();
    }

    @Test
    void runsAtMostTheThreadCountAtOnce() {
        CyclicBarrier firstFour = new CyclicBarrier(4);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ParallelFetch.withThreads(4).run(range(1, 20).iterator(), task -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                if (task <= 4) {
                    firstFour.await(10, TimeUnit.SECONDS); // proves four really run together
                }
                return task;
            } finally {
                running.decrementAndGet();
            }
        }, (task, result) -> true);
        assertThat(most.get()).isEqualTo(4);
    }

    @Test
    void aFailedFetchStopsTheRunWithNoCheckpointPastIt() {
        List<Integer> released = new ArrayList<>();
        AtomicInteger running = new AtomicInteger();
        IllegalStateException boom = new IllegalStateException("page 3 exploded");
        assertThatThrownBy(() -> ParallelFetch.withThreads(3).run(range(1, 30).iterator(), page -> {
            running.incrementAndGet();
            try {
                if (page == 3) {
                    throw boom;
                }
                return page;
            } finally {
                running.decrementAndGet();
            }
        }, (page, result) -> released.add(page))).isSameAs(boom);
        assertThat(released).containsExactly(1, 2);
        assertThat(running.get()).as("no fetch still running after run returned").isZero();
    }

    @Test
    void checkedExceptionsAreWrapped() {
        assertThatThrownBy(() -> ParallelFetch.withThreads(2).run(range(1, 3).iterator(), page -> {
            throw new java.io.IOException("disk");
        }, (page, result) -> true)).isInstanceOf(ParallelFetch.ParallelFetchException.class).hasMessageContaining("disk");
    }

    @Test
    void theCallbackStopsAnOpenEndedRun() {
        List<Integer> released = new ArrayList<>();
        AtomicInteger fetched = new AtomicInteger();
        ParallelFetch.withThreads(2).window(4).run(ParallelFetch.pages(1), page -> {
            fetched.incrementAndGet();
            return page <= 5 ? ROWS_PER_PAGE : 0; // pages past 5 are empty
        }, (page, count) -> {
            if (count == 0) {
                return false;
            }
            released.add(page);
            return true;
        });
        assertThat(released).containsExactly(1, 2, 3, 4, 5);
        assertThat(fetched.get()).isBetween(6, 6 + 4);
    }

    @Test
    void rejectsABadSetup() {
        assertThatThrownBy(() -> ParallelFetch.withThreads(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ParallelFetch.withThreads(4).window(2)).hasMessageContaining("at least the thread count");
    }
}
