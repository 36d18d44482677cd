package io.tributary.sdk.http;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;

/**
 * Sliding-window limits for one host: at most {@code limit} starts in any window. A log of start times (at most
 * the hourly limit of longs) rather than a token bucket, so that no window ever holds a burst over the limit,
 * whichever way the server counts. Thread-safe; waiting happens outside the lock.
 */
final class RateLimiter {
    private final Window[] windows;
    private final Clock clock;
    private final Sleeper sleeper;

    RateLimiter(int perSecond, int perHour, Clock clock, Sleeper sleeper) {
        this.windows = new Window[] {new Window(perSecond, 1000), new Window(perHour, 3_600_000)};
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Blocks until a request may start, and counts it. Returns the total time waited. */
    Duration acquire() throws InterruptedException {
        long waited = 0;
        while (true) {
            long wait = 0;
            synchronized (this) {
                long now = clock.millis();
                for (Window w : windows) {
                    wait = Math.max(wait, w.waitAt(now));
                }
                if (wait == 0) {
                    for (Window w : windows) {
                        w.record(now);
                    }
                    return Duration.ofMillis(waited);
                }
            }
            sleeper.sleep(Duration.ofMillis(wait));
            waited += wait;
        }
    }

    private static final class Window {
        private final int limit;
        private final long lengthMillis;
        private final ArrayDeque<Long> starts = new ArrayDeque<>();

        Window(int limit, long lengthMillis) {
            this.limit = limit;
            this.lengthMillis = lengthMillis;
        }

        /** 0 when a request may start at {@code now}, else how long until the oldest start leaves the window. */
        long waitAt(long now) {
            if (limit == 0) {
                return 0;
            }
            while (!starts.isEmpty() && starts.peekFirst() <= now - lengthMillis) {
                starts.pollFirst();
            }
            return starts.size() < limit ? 0 : starts.peekFirst() + lengthMillis - now;
        }

        void record(long now) {
            if (limit > 0) {
                starts.addLast(now);
            }
        }
    }
}
