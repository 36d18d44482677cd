package io.tributary.playground;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Query parameter parsing with defaults, bounds and 400 answers for bad values. */
final class Params {
    private Params() {
    }

    static int integer(Context ctx, String name, int defaultValue, int min, int max) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        try {
            int v = Integer.parseInt(raw.trim());
            if (v < min || v > max) {
                throw ApiError.badRequest(name + " must be between " + min + " and " + max);
            }
            return v;
        } catch (NumberFormatException e) {
            throw ApiError.badRequest(name + " must be an integer, was '" + raw + "'");
        }
    }

    static String string(Context ctx, String name, String defaultValue) {
        String raw = ctx.queryParam(name);
        return raw == null || raw.isBlank() ? defaultValue : raw;
    }

    /** An ISO-8601 instant ({@code 2024-01-01T00:00:00Z} or with an offset); null when absent. */
    static Instant instant(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return parseInstant(name, raw);
    }

    static Instant parseInstant(String name, String raw) {
        String s = raw.trim().replace(' ', '+'); // a '+' offset sent unencoded arrives as a space
        if (s.matches(".*[+-]\\d{4}$")) {
            s = s.substring(0, s.length() - 2) + ":" + s.substring(s.length() - 2); // Toast's +0000 style
        }
        try {
            return OffsetDateTime.parse(s).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException e2) {
                try {
                    return LocalDate.parse(s).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
                } catch (DateTimeParseException e3) {
                    throw ApiError.badRequest(name + " must be an ISO-8601 timestamp, was '" + raw + "'");
                }
            }
        }
    }

    static LocalDate date(Context ctx, String name) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(raw.trim().substring(0, Math.min(10, raw.trim().length())));
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest(name + " must be a date YYYY-MM-DD, was '" + raw + "'");
        }
    }

    /** "http://host:port" as the client addressed us, for links we hand back. */
    static String baseUrl(Context ctx) {
        return "http://" + ctx.host();
    }

    /** The fault parameter of this request as "&fault=..." (encoded), so links we hand back keep the faults. */
    static String faultSuffix(Context ctx) {
        String f = ctx.queryParam(Faults.QUERY_PARAM);
        return f == null ? "" : "&" + Faults.QUERY_PARAM + "=" + encode(f);
    }

    static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
