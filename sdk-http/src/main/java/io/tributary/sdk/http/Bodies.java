package io.tributary.sdk.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Short, secret-free excerpts of error bodies for exceptions and logs. */
final class Bodies {
    static final int MAX_CHARS = 2000;
    private static final int MAX_READ_BYTES = 64 * 1024;

    private Bodies() {
    }

    /** Reads at most 64 KiB of the body, closes it, and returns its start with the request's secrets masked. */
    static String excerpt(HttpResponse<InputStream> raw, List<String> secrets, java.time.Duration readTimeout) {
        String text;
        boolean more;
        try (InputStream in = Response.decoded(raw, readTimeout)) {
            byte[] bytes = in.readNBytes(MAX_READ_BYTES);
            more = bytes.length == MAX_READ_BYTES;
            text = new String(bytes, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return "(body unreadable: " + e.getMessage() + ")";
        }
        for (String secret : secrets) {
            text = text.replace(secret, Urls.MASK);
        }
        text = text.strip();
        if (text.length() > MAX_CHARS) {
            return text.substring(0, MAX_CHARS) + "... (" + text.length() + (more ? "+" : "") + " characters, truncated)";
        }
        return more ? text + "... (truncated)" : text;
    }
}
