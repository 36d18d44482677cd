package io.tributary.sdk.http;

import io.tributary.sdk.ConnectorException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs fetches (pages, entities, files) on a bounded pool and hands their results back in task order, so a
 * checkpoint never claims work that is not yet emitted: with pages 1..N in flight, the callback for page k
 * runs only after pages 1..k have all finished, however the workers race.
 *
 * <p>Threading: {@code fetch} runs on pool threads and may call {@code Operations} (which is thread-safe).
 * {@code completed} runs on the thread that called {@link #run}, one task at a time, in task order; call
 * {@code checkpoint} there. Rows of later tasks may be committed by an earlier checkpoint; a resumed sync
 * fetches them again, so emit upserts (idempotent by primary key), not appends. Configuration is immutable.
 *
 * <pre>{@code
 * ParallelFetch.withThreads(4).run(ParallelFetch.pages(state.getInt("page", 0) + 1),
 *         page -> {   // on a pool thread
 *             int count = 0;
 *             try (JsonRecords rows = api.get("items").query("page", page).send().jsonRecords("/data")) {
 *                 for (Map<String, Object> row : rows) {
 *                     operations.upsert("item", row);
 *                     count++;
 *                 }
 *             }
 *             return count;
 *         },
 *         (page, count) -> {   // on this thread, in page order
 *             if (count == 0) return false;
 *             state.put("page", page);
 *             operations.checkpoint(state);
 *             return true;
 *         });
 * }</pre>
 */
public final class ParallelFetch {
    private static final AtomicInteger POOLS = new AtomicInteger();
    private final int threads;
    private final int window;

    private ParallelFetch(int threads, int window) {
        this.threads = threads;
        this.window = window;
    }

    /** {@code threads} workers; at most twice as many tasks started ahead of the oldest unfinished one. */
    public static ParallelFetch withThreads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        return new ParallelFetch(threads, threads * 2);
    }

    /** How many tasks may be started but not yet handed to {@code completed}; at least the thread count. */
    public ParallelFetch window(int tasks) {
        if (tasks < threads) {
            throw new IllegalArgumentException("the window (" + tasks + ") must be at least the thread count (" + threads + ")");
        }
        return new ParallelFetch(threads, tasks);
    }

    /** Fetches one task on a pool thread. */
    @FunctionalInterface
    public interface Fetch<T, R> {
        R fetch(T task) throws Exception;
    }

    /** Receives each finished task, in task order, on the calling thread. Return false to stop. */
    @FunctionalInterface
    public interface Completed<T, R> {
        boolean completed(T task, R result) throws Exception;
    }

    /**
     * Runs every task (or until {@code completed} returns false) and returns when none is running. When a fetch
     * or callback throws, no new task starts, the running ones are awaited, and the first error in task order
     * is rethrown (a checked one wrapped in {@link ParallelFetchException}); {@code completed} is not called for
     * the failed task or any after it.
     */
    public <T, R> void run(Iterator<T> tasks, Fetch<T, R> fetch, Completed<T, R> completed) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads());
        Deque<Started<T, R>> inFlight = new ArrayDeque<>();
        try {
            while (true) {
                while (inFlight.size() < window && tasks.hasNext()) {
                    T task = tasks.next();
                    inFlight.addLast(new Started<>(task, pool.submit(() -> fetch.fetch(task))));
                }
                Started<T, R> head = inFlight.pollFirst();
                if (head == null) {
                    return;
                }
                if (!completed.completed(head.task, await(head))) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (InterruptedException e) {
            inFlight.forEach(s -> s.future.cancel(true));
            Thread.currentThread().interrupt();
            throw new ParallelFetchException("parallel fetch interrupted", e);
        } catch (Exception e) {
            throw new ParallelFetchException("parallel fetch failed: " + e.getMessage(), e);
        } finally {
            drain(inFlight);
            pool.shutdownNow();
        }
    }

    /** 1, 2, 3... from {@code first}, without end: stop it from {@code completed}. */
    public static Iterator<Integer> pages(int first) {
        return new Iterator<>() {
            private int next = first;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Integer next() {
                return next++;
            }
        };
    }

    private static <T, R> R await(Started<T, R> s) throws Exception {
        try {
            return s.future.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) {
                throw ex;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new ParallelFetchException("fetch of " + s.task + " failed", cause);
        }
    }

    // Lets tasks still running finish (their emitted rows must not outlive run), ignoring their results.
    private static <T, R> void drain(Deque<Started<T, R>> inFlight) {
        boolean interrupted = false;
        for (Started<T, R> s : inFlight) {
            while (true) {
                try {
                    s.future.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException | RuntimeException ignored) {
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemonThreads() {
        int pool = POOLS.incrementAndGet();
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "tributary-fetch-" + pool + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private record Started<T, R>(T task, Future<R> future) {
    }

    /** A checked exception from a fetch or a callback. */
    public static final class ParallelFetchException extends ConnectorException {
        public ParallelFetchException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
