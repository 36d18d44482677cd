package io.tributary.cli.api;

import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites source names in SQL into their destination names: api_framework's sql_writer without its blind
 * substring replacement. Only whole dotted names are rewritten, never text inside string literals, comments or
 * other words: {@code schema}, {@code schema.table}, {@code schema.table.column}, the same behind a database
 * ({@code db.schema.table}), and {@code table.column} where one table has that name. Unqualified table and column
 * names, and names behind aliases, are left alone: which table they mean depends on the query.
 */
final class SqlRenamer {
    /** One rewritten name: where, and what it was and became. */
    record Change(int line, String from, String to) {
    }

    /** The rewritten text and each change. */
    record Result(String text, List<Change> changes) {
    }

    /** One part of a dotted name: the name, its quote character (0 if none) and the text it was written as. */
    private record Part(String name, char quote, String written) {
    }

    private final DestinationNames names;

    SqlRenamer(DestinationNames names) {
        this.names = names;
    }

    Result rewrite(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        List<Change> changes = new ArrayList<>();
        int line = 1;
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            int end;
            if (c == '\'') {
                end = quotedEnd(sql, i, '\'');
            } else if (c == '-' && sql.startsWith("--", i)) {
                int eol = sql.indexOf('\n', i);
                end = eol < 0 ? sql.length() : eol;
            } else if (c == '/' && sql.startsWith("/*", i)) {
                int close = sql.indexOf("*/", i + 2);
                end = close < 0 ? sql.length() : close + 2;
            } else if (Character.isDigit(c)) {
                end = i + 1;
                while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '.'
                        || sql.charAt(end) == '_')) {
                    end++;
                }
            } else if (c == '"' || c == '`' || isIdentifierStart(c)) {
                List<Part> parts = new ArrayList<>();
                end = chain(sql, i, parts);
                String written = sql.substring(i, end);
                // after a dot (e.g. "f().name") it is a member of something else, not a source name
                String renamed = i > 0 && sql.charAt(i - 1) == '.' ? null : rename(parts);
                if (renamed != null && !renamed.equals(written)) {
                    changes.add(new Change(line, written, renamed));
                    out.append(renamed);
                    line += count(written);
                    i = end;
                    continue;
                }
            } else {
                end = i + 1;
            }
            String token = sql.substring(i, end);
            out.append(token);
            line += count(token);
            i = end;
        }
        return new Result(out.toString(), changes);
    }

    /** Reads a dotted name from {@code start} into {@code parts}; answers where it ends. */
    private static int chain(String sql, int start, List<Part> parts) {
        int i = start;
        while (true) {
            char c = sql.charAt(i);
            int end;
            if (c == '"' || c == '`') {
                end = quotedEnd(sql, i, c);
                String inner = sql.substring(i + 1, Math.max(i + 1, end - 1)).replace("" + c + c, "" + c);
                parts.add(new Part(inner, c, sql.substring(i, end)));
            } else {
                end = i;
                while (end < sql.length() && isIdentifierPart(sql.charAt(end))) {
                    end++;
                }
                parts.add(new Part(sql.substring(i, end), (char) 0, sql.substring(i, end)));
            }
            if (end + 1 < sql.length() && sql.charAt(end) == '.' && startsPart(sql.charAt(end + 1))) {
                i = end + 1;
            } else {
                return end;
            }
        }
    }

    /** The name with its source parts renamed, or null when it names nothing in the config. */
    private String rename(List<Part> parts) {
        String[] out = parts.stream().map(Part::written).toArray(String[]::new);
        int n = parts.size();
        String schema = schemaAt(parts, 0);
        if (schema != null && tableAt(parts, schema, 1) != null) {
            return renameFrom(parts, out, 0, schema);
        }
        String behindDatabase = n >= 3 ? schemaAt(parts, 1) : null;
        if (behindDatabase != null && tableAt(parts, behindDatabase, 2) != null) {
            return renameFrom(parts, out, 1, behindDatabase);
        }
        if (n == 2) {
            List<DestinationNames.TableName> tables = names.tablesNamed(parts.get(0).name(), exact(parts.get(0)));
            if (tables.size() == 1) {
                DestinationNames.TableName t = tables.get(0);
                String column = names.column(t, parts.get(1).name(), exact(parts.get(1)));
                if (column != null) {
                    out[0] = render(parts.get(0), names.tableInDestination(t));
                    out[1] = render(parts.get(1), names.columnInDestination(t, column));
                    return String.join(".", out);
                }
            }
        }
        return schema == null ? null : renameFrom(parts, out, 0, schema);
    }

    /** Renames the schema at {@code at}, and the table and column after it where the config has them. */
    private String renameFrom(List<Part> parts, String[] out, int at, String schema) {
        out[at] = render(parts.get(at), names.schemaInDestination(schema));
        String table = tableAt(parts, schema, at + 1);
        if (table != null) {
            DestinationNames.TableName t = new DestinationNames.TableName(schema, table);
            out[at + 1] = render(parts.get(at + 1), names.tableInDestination(t));
            if (at + 2 < parts.size()) {
                String column = names.column(t, parts.get(at + 2).name(), exact(parts.get(at + 2)));
                if (column != null) {
                    out[at + 2] = render(parts.get(at + 2), names.columnInDestination(t, column));
                }
            }
        }
        return String.join(".", out);
    }

    private String schemaAt(List<Part> parts, int at) {
        return at < parts.size() ? names.schema(parts.get(at).name(), exact(parts.get(at))) : null;
    }

    private String tableAt(List<Part> parts, String schema, int at) {
        return at < parts.size() ? names.table(schema, parts.get(at).name(), exact(parts.get(at))) : null;
    }

    /** Quoted names are case-sensitive; unquoted ones are not. */
    private static boolean exact(Part p) {
        return p.quote() != 0;
    }

    /** The destination name written as the source name was: in the same quotes, or bare when it can be. */
    private static String render(Part source, String name) {
        char quote = source.quote();
        if (quote == 0) {
            if (name.matches("[A-Za-z_][A-Za-z0-9_$]*")) {
                return name;
            }
            quote = '"';
        }
        return quote + name.replace("" + quote, "" + quote + quote) + quote;
    }

    /** The end of a quoted token (after its closing quote; a doubled quote is part of it). */
    private static int quotedEnd(String sql, int start, char quote) {
        int i = start + 1;
        while (i < sql.length()) {
            if (sql.charAt(i) == quote) {
                if (i + 1 < sql.length() && sql.charAt(i + 1) == quote) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return sql.length();
    }

    private static boolean startsPart(char c) {
        return c == '"' || c == '`' || isIdentifierStart(c);
    }

    private static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isIdentifierPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }

    private static int count(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }
}
