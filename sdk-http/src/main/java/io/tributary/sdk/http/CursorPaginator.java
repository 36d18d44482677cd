package io.tributary.sdk.http;

import java.util.Objects;

/**
 * Cursor, keyset and scroll-token pagination: the first request goes as given, each later one with
 * {@code ?param=<position>}. The position comes from the body ({@link Builder#cursorAt}) or, for keyset
 * pagination, from a field of the page's last record ({@link Builder#cursorFromLastRecord}). Stops when the
 * position is absent or empty, or at an empty page. Scroll tokens often expire: resuming from a saved one may
 * be refused by the server.
 */
public final class CursorPaginator extends Paginator {
    private final String param;
    private final String kind;
    private final String bodyPath;
    private final String lastRecordPath;

    private CursorPaginator(Builder b) {
        super(b);
        param = b.param;
        kind = b.kind;
        bodyPath = b.bodyPath;
        lastRecordPath = b.lastRecordPath;
    }

    @Override
    Request requestFor(String position) {
        return position == null ? request : request.withQuery(param, position);
    }

    @Override
    String positionAfter(String position, Page page) {
        if (lastRecordPath != null) {
            return Json.text(page.items().get(page.items().size() - 1), lastRecordPath);
        }
        return Json.text(page.body(), bodyPath);
    }

    @Override
    String kind() {
        return kind;
    }

    @Override
    boolean serverPositions() {
        return true;
    }

    /** Where the next position comes from. */
    public static final class Builder extends Paginator.Builder<Builder> {
        private final String param;
        private final String kind;
        private String bodyPath;
        private String lastRecordPath;

        Builder(Request first, String param, String kind) {
            super(first);
            this.param = Objects.requireNonNull(param, "the cursor parameter name is null");
            this.kind = kind;
            this.bodyPath = kind.equals("cursor") ? "/next_cursor" : "/scroll_token";
        }

        /** The next position is at this path of the body; default {@code /next_cursor} or {@code /scroll_token}. */
        public Builder cursorAt(String path) {
            bodyPath = Objects.requireNonNull(path);
            lastRecordPath = null;
            return this;
        }

        /** Keyset: the next position is this field of the page's last record, as in {@code "/updatedAt"}. */
        public Builder cursorFromLastRecord(String path) {
            lastRecordPath = Objects.requireNonNull(path);
            return this;
        }

        @Override
        Builder self() {
            return this;
        }

        @Override
        public CursorPaginator build() {
            return new CursorPaginator(this);
        }
    }
}
