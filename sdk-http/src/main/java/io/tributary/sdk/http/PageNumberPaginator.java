package io.tributary.sdk.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * Page-number pagination: {@code ?page=1&per_page=50}, then 2, 3... Stops at an empty page, or at the total
 * page count when {@link Builder#totalPagesAt} says where it is. Positions are page numbers as text.
 */
public final class PageNumberPaginator extends Paginator {
    private final String param;
    private final int firstPage;
    private final String sizeParam;
    private final int size;
    private final String totalPagesPath;

    private PageNumberPaginator(Builder b) {
        super(b);
        param = b.param;
        firstPage = b.firstPage;
        sizeParam = b.sizeParam;
        size = b.size;
        totalPagesPath = b.totalPagesPath;
    }

    @Override
    Request requestFor(String position) {
        Request r = request.withQuery(param, position == null ? firstPage : parse(position));
        return sizeParam == null ? r : r.withQuery(sizeParam, size);
    }

    @Override
    String positionAfter(String position, Page page) {
        int current = position == null ? firstPage : parse(position);
        if (totalPagesPath != null) {
            JsonNode total = Json.at(page.body(), totalPagesPath);
            if (total.canConvertToInt() || total.isTextual()) {
                int pages = total.asInt(-1);
                if (pages >= 0 && current - firstPage + 1 >= pages) {
                    return null;
                }
            }
        }
        return String.valueOf(current + 1);
    }

    @Override
    String kind() {
        return "page number";
    }

    private static int parse(String position) {
        try {
            return Integer.parseInt(position.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a page-number position must be a whole number, got '" + position + "'");
        }
    }

    /** Parameter names, first page, page size and total. */
    public static final class Builder extends Paginator.Builder<Builder> {
        private String param = "page";
        private int firstPage = 1;
        private String sizeParam;
        private int size;
        private String totalPagesPath;

        Builder(Request first) {
            super(first);
        }

        /** The page-number parameter; default {@code page}. */
        public Builder param(String name) {
            param = Objects.requireNonNull(name);
            return this;
        }

        /** The number of the first page, 1 (default) or 0. */
        public Builder firstPage(int value) {
            firstPage = value;
            return this;
        }

        /** Sends {@code name=size} with every page, as in {@code per_page=100}. */
        public Builder pageSize(String name, int value) {
            if (value <= 0) {
                throw new IllegalArgumentException("the page size must be positive, got " + value);
            }
            sizeParam = Objects.requireNonNull(name);
            size = value;
            return this;
        }

        /** Where the body gives the number of pages, as in {@code "/total_pages"}. */
        public Builder totalPagesAt(String path) {
            totalPagesPath = path;
            return this;
        }

        /** Resumes at a saved page number. */
        public Builder startPage(int page) {
            return startAt(String.valueOf(page));
        }

        @Override
        Builder self() {
            return this;
        }

        @Override
        public PageNumberPaginator build() {
            return new PageNumberPaginator(this);
        }
    }
}
