package io.tributary.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Option;

/** How a command prints results: a coloured table for people, or {@code --json} for scripts. */
public final class Output {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    /** Prints rows (JSON objects) with the given columns. */
    public void table(PrintWriter out, List<JsonNode> rows, List<String> columns) {
        if (json) {
            print(out, JSON.valueToTree(rows));
            return;
        }
        int[] widths = new int[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = columns.get(i).length();
            for (JsonNode row : rows) {
                widths[i] = Math.max(widths[i], cell(row, columns.get(i)).length());
            }
        }
        StringBuilder header = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            header.append(i == 0 ? "" : "  ").append(pad(columns.get(i).toUpperCase(), widths[i]));
        }
        out.println(Ansi.AUTO.string("@|bold " + header + "|@"));
        for (JsonNode row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                line.append(i == 0 ? "" : "  ").append(pad(cell(row, columns.get(i)), widths[i]));
            }
            out.println(line);
        }
        out.println(Ansi.AUTO.string("@|faint (" + rows.size() + " row" + (rows.size() == 1 ? "" : "s") + ")|@"));
    }

    public void print(PrintWriter out, JsonNode value) {
        try {
            out.println(JSON.writeValueAsString(value));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A one-line success message (suppressed with --json, where the data speaks). */
    public void done(PrintWriter out, String message) {
        if (!json) {
            out.println(Ansi.AUTO.string("@|green " + message + "|@"));
        }
    }

    private static String cell(JsonNode row, String column) {
        JsonNode v = row;
        for (String part : column.split("\\.")) {
            v = v.path(part);
        }
        return v.isMissingNode() || v.isNull() ? "" : v.isValueNode() ? v.asText() : v.toString();
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - s.length()));
    }
}
