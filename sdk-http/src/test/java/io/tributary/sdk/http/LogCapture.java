package io.tributary.sdk.http;

import io.tributary.sdk.Log;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Collects the connector log while a test runs; close it to restore the default sink. */
final class LogCapture implements AutoCloseable {
    private final List<String> lines = new CopyOnWriteArrayList<>();

    LogCapture() {
        Log.install((level, message, error) -> lines.add(level + " " + message));
    }

    List<String> lines() {
        return new ArrayList<>(lines);
    }

    List<String> containing(String text) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            if (l.contains(text)) {
                out.add(l);
            }
        }
        return out;
    }

    @Override
    public void close() {
        Log.reset();
    }
}
