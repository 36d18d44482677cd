package io.tributary.runtime.schema;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Destination naming. {@link #FIVETRAN} follows Fivetran's rules ({@code userId} becomes {@code user_id},
 * {@code v2Name} becomes {@code v_2_name}, accents are dropped, reserved words get a leading underscore);
 * {@link #SOURCE} keeps names as the connector gives them.
 */
public enum Naming {
    FIVETRAN,
    SOURCE;

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern LEADING_UNDERSCORES_BEFORE_LETTER = Pattern.compile("^_+(?=[a-z])");
    /** SQL words that cannot stand unquoted as names in DuckDB or PostgreSQL. */
    private static final Set<String> RESERVED = Set.of(
            "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "both", "case", "cast",
            "check", "collate", "column", "constraint", "create", "default", "deferrable", "desc", "distinct", "do",
            "else", "end", "except", "false", "fetch", "for", "foreign", "from", "grant", "group", "having", "in",
            "initially", "intersect", "into", "lateral", "leading", "limit", "not", "null", "offset", "on", "only",
            "or", "order", "placing", "primary", "references", "returning", "select", "some", "symmetric", "table",
            "then", "to", "trailing", "true", "union", "unique", "using", "variadic", "when", "where", "window",
            "with");

    public String table(String name) {
        if (this == SOURCE) {
            return name;
        }
        String n = underscoreCase(name);
        return escapeReserved(LEADING_UNDERSCORES_BEFORE_LETTER.matcher(n).replaceFirst(""));
    }

    public String column(String name) {
        return this == SOURCE ? name : escapeReserved(underscoreCase(name));
    }

    private static String escapeReserved(String n) {
        return RESERVED.contains(n) ? "_" + n : n;
    }

    static String underscoreCase(String name) {
        String ascii = COMBINING_MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFD)).replaceAll("");
        StringBuilder out = new StringBuilder(ascii.length() + 8);
        char prev = 0;
        for (int i = 0; i < ascii.length(); i++) {
            char c = ascii.charAt(i);
            if (i == 0 && c == '$') {
                c = '_';
            }
            boolean word = c < 128 && (Character.isLetterOrDigit(c) || c == '_');
            if (!word) {
                c = '_';
            } else if (i > 0 && (Character.isUpperCase(c) && Character.isLowerCase(prev)
                    || Character.isDigit(c) != Character.isDigit(prev) && prev != '_' && c != '_' && prev != 0)) {
                out.append('_');
            }
            out.append(c);
            prev = c;
        }
        String lower = out.toString().toLowerCase(Locale.ROOT).replaceAll("_{2,}", "_");
        if (lower.isEmpty()) {
            return "_";
        }
        return Character.isLetterOrDigit(lower.charAt(0)) || lower.charAt(0) == '_' ? lower : "_" + lower;
    }
}
