package io.tributary.sdk.http;

import io.tributary.sdk.Configuration;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Query strings kept raw (as sent), encoding of new values, and masking of secrets for messages. */
final class Urls {
    static final String MASK = "***";
    // Beyond the SDK's secret-key words: short names that carry signatures or credentials in query strings.
    private static final Set<String> EXTRA_SECRET_PARAMS = Set.of("sig", "code", "apikey", "pass", "pw", "hmac");

    private Urls() {
    }

    /** One query parameter, both parts still percent-encoded as they appear in the URL; value null for {@code ?flag}. */
    record Param(String rawName, String rawValue) {
        String name() {
            return decode(rawName);
        }

        String value() {
            return rawValue == null ? null : decode(rawValue);
        }

        static Param of(String name, String value) {
            return new Param(encode(name), encode(value));
        }

        @Override
        public String toString() {
            return rawValue == null ? rawName : rawName + "=" + rawValue;
        }
    }

    static boolean isSecretParam(String name) {
        return Configuration.isSecretKey(name) || EXTRA_SECRET_PARAMS.contains(name.toLowerCase(java.util.Locale.ROOT));
    }

    static List<Param> parseQuery(String rawQuery) {
        List<Param> out = new ArrayList<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return out;
        }
        for (String part : rawQuery.split("&")) {
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            out.add(eq < 0 ? new Param(part, null) : new Param(part.substring(0, eq), part.substring(eq + 1)));
        }
        return out;
    }

    /** The URL without query and fragment. */
    static URI stripQuery(URI uri) {
        return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath()));
    }

    static String join(URI withoutQuery, List<Param> query) {
        if (query.isEmpty()) {
            return withoutQuery.toString();
        }
        StringBuilder sb = new StringBuilder(withoutQuery.toString()).append('?');
        for (int i = 0; i < query.size(); i++) {
            sb.append(i == 0 ? "" : "&").append(query.get(i));
        }
        return sb.toString();
    }

    /** The URL with secret-looking query values and any user info replaced by {@value #MASK}. */
    static String mask(URI withoutQuery, List<Param> query) {
        String base = withoutQuery.toString();
        String userInfo = withoutQuery.getRawUserInfo();
        if (userInfo != null) {
            base = base.replace(userInfo + "@", MASK + "@");
        }
        List<Param> masked = new ArrayList<>(query.size());
        for (Param p : query) {
            masked.add(p.rawValue() != null && isSecretParam(p.name()) ? new Param(p.rawName(), MASK) : p);
        }
        return join(URI.create(base), masked);
    }

    /** The decoded values of secret-looking parameters, so they can be blanked out of echoed error bodies. */
    static List<String> secretValues(List<Param> query) {
        List<String> out = new ArrayList<>();
        for (Param p : query) {
            if (p.rawValue() != null && p.rawValue().length() >= 4 && isSecretParam(p.name())) {
                out.add(p.rawValue());
                out.add(p.value());
            }
        }
        return out;
    }

    // RFC 3986 style: spaces as %20, not '+', which some servers read literally.
    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("%7E", "~");
    }

    static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return s;
        }
    }
}
