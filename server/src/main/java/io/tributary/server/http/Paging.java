package io.tributary.server.http;

import io.javalin.http.Context;
import io.tributary.api.Page;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * List paging as Fivetran does it: {@code cursor} is base64url of {@code {"skip":n}} (empty means the first page),
 * {@code limit} is 1..1000 (default 100), and {@code next_cursor} is omitted on the last page.
 */
public record Paging(int skip, int limit) {
    private static final Pattern SKIP = Pattern.compile("\\{\\s*\"skip\"\\s*:\\s*(\\d{1,9})\\s*}");

    public static Paging of(Context ctx) {
        return new Paging(skip(ctx.queryParam("cursor")), limit(ctx.queryParam("limit")));
    }

    private static int skip(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return 0;
        }
        try {
            String json = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            Matcher m = SKIP.matcher(json);
            if (m.matches()) {
                return Integer.parseInt(m.group(1));
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw ApiException.invalid("Invalid 'cursor': use the next_cursor of the previous page, or omit it for the first page");
    }

    private static int limit(String limit) {
        if (limit == null || limit.isEmpty()) {
            return 100;
        }
        try {
            int n = Integer.parseInt(limit.trim());
            if (n >= 1 && n <= 1000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.invalid("Invalid 'limit': must be a whole number from 1 to 1000, got '" + limit + "'");
    }

    /** Rows to fetch: one more than the page, to know whether another page follows. */
    public int fetch() {
        return limit + 1;
    }

    /** The page of {@code fetched} (at most {@link #fetch()} rows from offset {@link #skip()}). */
    public <T> Page<T> page(List<T> fetched) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, null);
        }
        return new Page<>(fetched.subList(0, limit), cursor(skip + limit));
    }

    /** The page of a list held whole in memory. */
    public <T> Page<T> pageOf(List<T> all) {
        return page(all.subList(Math.min(skip, all.size()), Math.min(skip + fetch(), all.size())));
    }

    static String cursor(int skip) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("{\"skip\":" + skip + "}").getBytes(StandardCharsets.UTF_8));
    }
}
