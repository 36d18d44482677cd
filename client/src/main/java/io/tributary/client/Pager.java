package io.tributary.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A list endpoint's items, fetched page by page as they are consumed. Follows {@code next_cursor} until it is
 * absent, null or empty, and stops with an error when the server repeats a cursor instead of looping forever.
 */
final class Pager<T> implements Iterator<T> {
    private final Transport transport;
    private final String path;
    private final int limit;
    private final Function<JsonNode, T> map;
    private final Deque<T> buffer = new ArrayDeque<>();
    private final Set<String> seen = new HashSet<>();
    private String cursor;
    private boolean done;

    Pager(Transport transport, String path, int limit, Function<JsonNode, T> map) {
        this.transport = transport;
        this.path = path;
        this.limit = limit;
        this.map = map;
    }

    static <T> Stream<T> stream(Transport transport, String path, int limit, Function<JsonNode, T> map) {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(new Pager<>(transport, path, limit, map),
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    @Override
    public boolean hasNext() {
        while (buffer.isEmpty() && !done) {
            fetch();
        }
        return !buffer.isEmpty();
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return buffer.removeFirst();
    }

    private void fetch() {
        String separator = path.contains("?") ? "&" : "?";
        String url = path + separator + "limit=" + limit + (cursor == null ? "" : "&cursor=" + cursor);
        JsonNode data = transport.send("GET", url, null, null).path("data");
        data.path("items").forEach(item -> buffer.add(map.apply(item)));
        JsonNode next = data.get("next_cursor");
        if (next == null || next.isNull() || next.asText().isEmpty()) {
            done = true;
        } else if (!seen.add(next.asText())) {
            throw new ApiError("GET", path, 200, null, "the server repeated cursor '" + next.asText()
                    + "'; stopping instead of looping forever", null, null);
        } else {
            cursor = next.asText();
        }
    }
}
