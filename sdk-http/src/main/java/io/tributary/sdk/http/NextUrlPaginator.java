package io.tributary.sdk.http;

/**
 * Next-page-URL pagination: each page names the next, in the body ({@link Builder#nextUrlAt}) or in a
 * {@code Link} header with {@code rel="next"} (the default). Relative URLs resolve against the page's URL.
 * Stops when there is none. Positions are absolute URLs; the api's {@link Auth} is applied again on resume,
 * so a saved URL need not hold credentials.
 */
public final class NextUrlPaginator extends Paginator {
    private final String nextUrlPath;

    private NextUrlPaginator(Builder b) {
        super(b);
        nextUrlPath = b.nextUrlPath;
    }

    @Override
    Request requestFor(String position) {
        return position == null ? request : request.withUrl(position);
    }

    @Override
    String positionAfter(String position, Page page) {
        String url = nextUrlPath != null ? Json.text(page.body(), nextUrlPath) : LinkHeader.next(page.headers());
        if (url == null || url.isBlank()) {
            return null;
        }
        return page.request().uri().resolve(url.trim()).toString();
    }

    @Override
    String kind() {
        return "next-page URL";
    }

    @Override
    boolean serverPositions() {
        return true;
    }

    /** Where the next URL is. */
    public static final class Builder extends Paginator.Builder<Builder> {
        private String nextUrlPath;

        Builder(Request first) {
            super(first);
        }

        /** Reads the next URL from the body, as in {@code "/next_page_url"} or {@code "$.links.next"}. */
        public Builder nextUrlAt(String path) {
            nextUrlPath = path;
            return this;
        }

        /** Reads the next URL from the {@code Link} header (the default). */
        public Builder fromLinkHeader() {
            nextUrlPath = null;
            return this;
        }

        @Override
        Builder self() {
            return this;
        }

        @Override
        public NextUrlPaginator build() {
            return new NextUrlPaginator(this);
        }
    }
}
