package io.tributary.api;

import java.util.List;

/** One page of a list: {@code next_cursor} is absent on the last page. */
public record Page<T>(List<T> items, String nextCursor) {
    public Page {
        items = List.copyOf(items);
    }
}
