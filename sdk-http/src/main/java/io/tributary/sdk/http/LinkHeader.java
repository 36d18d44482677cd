package io.tributary.sdk.http;

import java.net.http.HttpHeaders;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds {@code rel="next"} in {@code Link} headers (RFC 8288), as GitHub and many others send them. */
final class LinkHeader {
    private static final Pattern LINK = Pattern.compile("<([^>]*)>((?:\\s*;\\s*[^;,<]+)*)");
    private static final Pattern REL = Pattern.compile("(?i)\\brel\\s*=\\s*(\"([^\"]*)\"|([^\\s;,]+))");

    private LinkHeader() {
    }

    /** The URL of the first link whose rel list holds {@code next}, or {@code null}. */
    static String next(HttpHeaders headers) {
        for (String value : headers.allValues("Link")) {
            Matcher link = LINK.matcher(value);
            while (link.find()) {
                Matcher rel = REL.matcher(link.group(2));
                if (rel.find()) {
                    String rels = rel.group(2) != null ? rel.group(2) : rel.group(3);
                    for (String r : rels.trim().toLowerCase(Locale.ROOT).split("\\s+")) {
                        if (r.equals("next")) {
                            return link.group(1);
                        }
                    }
                }
            }
        }
        return null;
    }
}
