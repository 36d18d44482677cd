package io.tributary.sdk.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpHeaders;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * One page from a {@link Paginator}: the parsed body, its records, and the position to save once the records
 * are emitted. Immutable.
 *
 * <pre>{@code
 * for (Page page : paginator) {
 *     page.records().forEach(row -> operations.upsert("user", row));
 *     state.put("page", page.nextPosition());   // null on the last page: the next sync starts over
 *     operations.checkpoint(state);
 * }
 * }</pre>
 */
public final class Page {
    private final int number;
    private final Request request;
    private final int status;
    private final HttpHeaders headers;
    private final JsonNode body;
    private final List<JsonNode> items;
    private final String nextPosition;

    Page(int number, Request request, int status, HttpHeaders headers, JsonNode body, List<JsonNode> items,
            String nextPosition) {
        this.number = number;
        this.request = request;
        this.status = status;
        this.headers = headers;
        this.body = body;
        this.items = Collections.unmodifiableList(items);
        this.nextPosition = nextPosition;
    }

    /** 1 for the first page fetched by this iteration (also when it resumed from a saved position). */
    public int number() {
        return number;
    }

    /** The request as sent; its {@code toString()} masks secrets. */
    public Request request() {
        return request;
    }

    public int status() {
        return status;
    }

    public HttpHeaders headers() {
        return headers;
    }

    /** The whole JSON body, for totals and other metadata. */
    public JsonNode body() {
        return body;
    }

    /** The records as JSON nodes. */
    public List<JsonNode> items() {
        return items;
    }

    /** The records as maps (decimals as BigDecimal), ready for {@code operations.upsert}. */
    public List<Map<String, Object>> records() {
        List<Map<String, Object>> out = new ArrayList<>(items.size());
        for (JsonNode item : items) {
            out.add(Json.MAPPER.convertValue(item, Json.MAP));
        }
        return out;
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    /**
     * Where the next page starts, to save in the state after this page's records are emitted and to pass to
     * {@code startAt} on resume: a page number, an offset, a URL, a cursor or a scroll token, as text.
     * {@code null} when this is the last page.
     */
    public String nextPosition() {
        return nextPosition;
    }

    public boolean isLast() {
        return nextPosition == null;
    }

    @Override
    public String toString() {
        return "Page[" + number + ", " + request + ", " + items.size() + " records, "
                + (isLast() ? "last" : "more") + "]";
    }
}
