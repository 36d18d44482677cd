package io.tributary.cli.console;

import io.tributary.runtime.sync.SyncCounters;
import java.io.PrintStream;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A live "rows, rows/s" line on a terminal, redrawn in place. Log output erases it first (see
 * {@link ProgressAwareConsoleAppender}), so the two never interleave.
 */
public final class ProgressLine implements AutoCloseable {
    private static final Object LOCK = new Object();
    private static volatile boolean shown;
    private static final PrintStream OUT = System.out;

    private final ScheduledExecutorService ticker;
    private final SyncCounters counters;
    private final long started = System.nanoTime();

    private ProgressLine(SyncCounters counters) {
        this.counters = counters;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "progress");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(this::draw, 500, 250, TimeUnit.MILLISECONDS);
    }

    /** Shows progress when standard output is a terminal; otherwise does nothing. */
    public static AutoCloseable startIfTerminal(SyncCounters counters) {
        return System.console() != null ? new ProgressLine(counters) : () -> { };
    }

    private void draw() {
        double seconds = (System.nanoTime() - started) / 1e9;
        long rows = counters.rows();
        String line = String.format("  %,d rows  %,.0f rows/s  %,d checkpoints", rows, rows / Math.max(seconds, 1e-3),
                counters.checkpoints());
        synchronized (LOCK) {
            OUT.print("\r\033[K" + line);
            OUT.flush();
            shown = true;
        }
    }

    /** Erases the progress line, if one is shown; called before any other output. */
    static void erase() {
        if (shown) {
            synchronized (LOCK) {
                if (shown) {
                    OUT.print("\r\033[K");
                    shown = false;
                }
            }
        }
    }

    static Object lock() {
        return LOCK;
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        erase();
    }
}
