package io.tributary.sdk.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * The pages of a paginated JSON endpoint, fetched lazily one per {@code next()}, so a connector can emit and
 * checkpoint between pages. Each style is a subclass built from its factory here. Every iteration starts again
 * at the configured start position; an iterator is for one thread.
 *
 * <p>All styles stop at an empty page, at {@code hasMoreAt} false, and after {@code maxPages}. Styles whose
 * position comes from the server (next URL, cursor, scroll token) fail with a {@link PaginationException}
 * when a position repeats, and every style fails when a page's records equal the previous page's (the
 * server is ignoring the position): an error instead of a loop that never ends.
 */
public abstract sealed class Paginator implements Iterable<Page>
        permits PageNumberPaginator, OffsetPaginator, NextUrlPaginator, CursorPaginator {
    final Request request;
    private final String recordsPath;
    private final String start;
    private final int maxPages;
    private final String hasMorePath;

    Paginator(Builder<?> b) {
        request = b.request;
        recordsPath = b.recordsPath;
        start = b.start;
        maxPages = b.maxPages;
        hasMorePath = b.hasMorePath;
    }

    /** {@code ?page=1,2,3...}, stopping at the total page count when the body gives one. */
    public static PageNumberPaginator.Builder pageNumber(Request first) {
        return new PageNumberPaginator.Builder(first);
    }

    /** {@code ?offset=0&limit=100}, then 100, 200... stopping at the total when the body gives one. */
    public static OffsetPaginator.Builder offset(Request first, int limit) {
        return new OffsetPaginator.Builder(first, limit);
    }

    /** Follows the next-page URL from the body or from the {@code Link: <...>; rel="next"} header. */
    public static NextUrlPaginator.Builder nextUrl(Request first) {
        return new NextUrlPaginator.Builder(first);
    }

    /** Sends {@code ?param=<cursor>}, the cursor taken from the body or from the last record (keyset). */
    public static CursorPaginator.Builder cursor(Request first, String param) {
        return new CursorPaginator.Builder(first, param, "cursor");
    }

    /** Sends {@code ?param=<token>}, an opaque token from the body that is absent or empty after the last page. */
    public static CursorPaginator.Builder scrollToken(Request first, String param) {
        return new CursorPaginator.Builder(first, param, "scroll token");
    }

    /** The request for a position; {@code null} means the first page. */
    abstract Request requestFor(String position);

    /** The position after this page, or {@code null} when it was the last. Called only for non-empty pages. */
    abstract String positionAfter(String position, Page page);

    /** "cursor", "page number"...: for messages. */
    abstract String kind();

    /** Whether positions come from the server, so a repeat means a loop. */
    boolean serverPositions() {
        return false;
    }

    @Override
    public Iterator<Page> iterator() {
        return new Pages();
    }

    private List<JsonNode> items(JsonNode body, Request sent) {
        JsonNode node = Json.at(body, recordsPath);
        List<JsonNode> out = new ArrayList<>();
        if (node.isMissingNode() || node.isNull()) {
            return out;
        }
        if (!node.isArray()) {
            throw new PaginationException(kind() + " paginator: " + sent + " answered with "
                    + node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT) + " at '"
                    + (recordsPath.isEmpty() ? "$" : recordsPath) + "', not an array of records; set records(\"/data\") "
                    + "or wherever the records are");
        }
        node.forEach(out::add);
        return out;
    }

    private final class Pages implements Iterator<Page> {
        private final Set<String> seen = new HashSet<>();
        private String position = start;
        private List<JsonNode> previous;
        private Page next;
        private boolean done;
        private int count;

        Pages() {
            if (start != null) {
                seen.add(start);
            }
        }

        @Override
        public boolean hasNext() {
            if (next == null && !done) {
                next = fetch();
            }
            return next != null;
        }

        @Override
        public Page next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            Page p = next;
            next = null;
            return p;
        }

        private Page fetch() {
            Page page;
            Request toSend = requestFor(position);
            try (Response r = toSend.api().sendBuffered(toSend)) {
                JsonNode body = r.json();
                page = new Page(++count, r.request(), r.status(), r.headers(), body, items(body, r.request()), null);
            }
            if (!page.isEmpty() && page.items().equals(previous)) {
                throw new PaginationException(kind() + " paginator: page " + count + " (" + page.request()
                        + ") has the same records as the page before; the API seems to ignore the " + kind()
                        + ", and paging on would never end");
            }
            String after = page.isEmpty() || hasMoreIsFalse(page.body()) ? null : positionAfter(position, page);
            if (after != null && serverPositions() && !seen.add(after)) {
                throw new PaginationException(kind() + " paginator: after page " + count + " (" + page.request()
                        + ") the API returned a " + kind() + " it had already returned (" + shorten(after)
                        + "); paging on would loop forever. Check that the " + kind() + " is sent back as the API expects");
            }
            previous = page.items();
            position = after;
            done = after == null || (maxPages > 0 && count >= maxPages);
            return new Page(page.number(), page.request(), page.status(), page.headers(), page.body(), page.items(), after);
        }

        private boolean hasMoreIsFalse(JsonNode body) {
            if (hasMorePath == null) {
                return false;
            }
            JsonNode n = Json.at(body, hasMorePath);
            return n.isBoolean() ? !n.asBoolean() : "false".equalsIgnoreCase(n.asText());
        }
    }

    private static String shorten(String s) {
        return s.length() <= 120 ? s : s.substring(0, 120) + "...";
    }

    /** Options every style has. Not thread-safe. */
    public abstract static class Builder<B extends Builder<B>> {
        final Request request;
        String recordsPath = "";
        String start;
        int maxPages;
        String hasMorePath;

        Builder(Request request) {
            this.request = Objects.requireNonNull(request, "the first request is null");
        }

        /** Where the records array is: {@code "/data"}, {@code "$.data.items"}; default the body itself. */
        public B records(String path) {
            recordsPath = Objects.requireNonNull(path);
            return self();
        }

        /** Resumes at a saved {@link Page#nextPosition()}; {@code null} starts at the beginning. */
        public B startAt(String position) {
            start = position;
            return self();
        }

        /** Stops after this many pages in one iteration (0: no limit); the last page's position resumes later. */
        public B maxPages(int value) {
            if (value < 0) {
                throw new IllegalArgumentException("maxPages must be 0 (no limit) or more");
            }
            maxPages = value;
            return self();
        }

        /** A boolean in the body ({@code "/has_more"}) whose {@code false} marks the last page. */
        public B hasMoreAt(String path) {
            hasMorePath = path;
            return self();
        }

        abstract B self();

        public abstract Paginator build();
    }
}
