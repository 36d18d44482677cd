package io.tributary.sdk.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * Offset/limit pagination: {@code ?offset=0&limit=100}. The next offset adds the records actually received,
 * so a server that caps the limit below what was asked loses nothing. Stops at an empty page or when the
 * offset reaches the total given at {@link Builder#totalAt}. Positions are offsets as text.
 */
public final class OffsetPaginator extends Paginator {
    private final String offsetParam;
    private final String limitParam;
    private final int limit;
    private final String totalPath;

    private OffsetPaginator(Builder b) {
        super(b);
        offsetParam = b.offsetParam;
        limitParam = b.limitParam;
        limit = b.limit;
        totalPath = b.totalPath;
    }

    @Override
    Request requestFor(String position) {
        return request.withQuery(offsetParam, position == null ? 0 : parse(position)).withQuery(limitParam, limit);
    }

    @Override
    String positionAfter(String position, Page page) {
        long next = (position == null ? 0 : parse(position)) + page.items().size();
        if (totalPath != null) {
            JsonNode total = Json.at(page.body(), totalPath);
            if ((total.isNumber() || total.isTextual()) && total.asLong(-1) >= 0 && next >= total.asLong(-1)) {
                return null;
            }
        }
        return String.valueOf(next);
    }

    @Override
    String kind() {
        return "offset";
    }

    private static long parse(String position) {
        try {
            return Long.parseLong(position.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("an offset position must be a whole number, got '" + position + "'");
        }
    }

    /** Parameter names and total. */
    public static final class Builder extends Paginator.Builder<Builder> {
        private String offsetParam = "offset";
        private String limitParam = "limit";
        private final int limit;
        private String totalPath;

        Builder(Request first, int limit) {
            super(first);
            if (limit <= 0) {
                throw new IllegalArgumentException("the limit must be positive, got " + limit);
            }
            this.limit = limit;
        }

        /** Parameter names; defaults {@code offset} and {@code limit}. */
        public Builder params(String offsetName, String limitName) {
            offsetParam = Objects.requireNonNull(offsetName);
            limitParam = Objects.requireNonNull(limitName);
            return this;
        }

        /** Where the body gives the total number of records, as in {@code "/total"}. */
        public Builder totalAt(String path) {
            totalPath = path;
            return this;
        }

        /** Resumes at a saved offset. */
        public Builder startOffset(long offset) {
            return startAt(String.valueOf(offset));
        }

        @Override
        Builder self() {
            return this;
        }

        @Override
        public OffsetPaginator build() {
            return new OffsetPaginator(this);
        }
    }
}
