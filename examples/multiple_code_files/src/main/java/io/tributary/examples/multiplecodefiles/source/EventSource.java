package io.tributary.examples.multiplecodefiles.source;

import java.util.List;

/** Stands in for a source system that mixes two timestamp formats. */
public final class EventSource {
    private EventSource() {
    }

    public static List<RawEvent> events() {
        return List.of(
                new RawEvent("Event1", "2024/09/24 14:30:45"),
                new RawEvent("Event2", "2024-09-24 10:30:45"));
    }
}
