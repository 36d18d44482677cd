package io.tributary.sdk.http;

import java.time.Duration;

/** Durations as people read them in logs: 250 ms, 1.5 s, 3 min 20 s. */
final class Durations {
    private Durations() {
    }

    static String show(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        if (ms < 60_000) {
            return (ms % 1000 == 0 ? String.valueOf(ms / 1000) : String.format(java.util.Locale.ROOT, "%.1f", ms / 1000.0)) + " s";
        }
        long s = ms / 1000;
        return s / 60 + " min" + (s % 60 == 0 ? "" : " " + s % 60 + " s");
    }
}
