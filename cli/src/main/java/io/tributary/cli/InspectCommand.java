package io.tributary.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tributary.cli.project.ProjectFiles;
import io.tributary.cli.project.UserError;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Shows the tables of a project's warehouse, or the rows of one. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "List the warehouse's tables with row counts, or print a table's rows.")
final class InspectCommand implements Callable<Integer> {
    private static final int MAX_CELL = 40;

    @Parameters(index = "0", defaultValue = ".", description = "The connector project directory (default: current).")
    Path project;

    @Parameters(index = "1", arity = "0..1", description = "A table of schema tester.")
    String table;

    @Option(names = "--json", description = "Print rows as a JSON array.")
    boolean json;

    @Option(names = "--limit", defaultValue = "100", description = "At most this many rows (default: ${DEFAULT-VALUE}).")
    int limit;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path warehouse = new ProjectFiles(project.toAbsolutePath().normalize()).warehouse();
        if (!Files.exists(warehouse)) {
            throw new UserError("no warehouse at " + warehouse + ": run `tributary debug` first");
        }
        Properties readOnly = new Properties();
        readOnly.setProperty("duckdb.read_only", "true");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + warehouse, readOnly)) {
            PrintWriter out = spec.commandLine().getOut();
            if (table == null) {
                listTables(c, out);
            } else {
                printRows(c, out);
            }
            out.flush();
            return 0;
        } catch (SQLException e) {
            throw new UserError("cannot read " + warehouse + ": " + e.getMessage()
                    + " (is a sync running on it? wait for it to finish)");
        }
    }

    private void listTables(Connection c, PrintWriter out) throws SQLException {
        List<String> names = tableNames(c);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String name : names) {
            try (var st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT count(*), count(*) FILTER (WHERE _fivetran_deleted) FROM tester."
                         + quote(name))) {
                rs.next();
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("table", name);
                row.put("rows", rs.getLong(1));
                row.put("deleted", rs.getLong(2));
                rows.add(row);
            }
        }
        print(out, List.of("table", "rows", "deleted"), rows);
    }

    private void printRows(Connection c, PrintWriter out) throws SQLException {
        if (!tableNames(c).contains(table)) {
            throw new UserError("no table '" + table + "' in schema tester; tables: " + tableNames(c));
        }
        // Key columns come first, so ORDER BY ALL lists rows in key order.
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM tester." + quote(table) + " ORDER BY ALL LIMIT ?")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                List<String> columns = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    columns.add(md.getColumnLabel(i));
                }
                List<Map<String, Object>> rows = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= columns.size(); i++) {
                        row.put(columns.get(i - 1), display(rs.getObject(i)));
                    }
                    rows.add(row);
                }
                print(out, columns, rows);
            }
        }
    }

    /** Numbers and booleans as they are; bytes as hex; times in ISO form; the rest as text. */
    private static Object display(Object v) throws SQLException {
        if (v == null || v instanceof Number || v instanceof Boolean) {
            return v;
        }
        if (v instanceof java.sql.Blob blob) {
            return java.util.HexFormat.of().formatHex(blob.getBytes(1, (int) blob.length()));
        }
        if (v instanceof java.sql.Timestamp ts) {
            return ts.toLocalDateTime().toString();
        }
        return v.toString();
    }

    private void print(PrintWriter out, List<String> columns, List<Map<String, Object>> rows) {
        if (json) {
            try {
                out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(rows));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return;
        }
        int[] widths = new int[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = columns.get(i).length();
            for (Map<String, Object> row : rows) {
                widths[i] = Math.max(widths[i], cell(row.get(columns.get(i))).length());
            }
        }
        StringBuilder header = new StringBuilder();
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            header.append(i == 0 ? "" : " | ").append(pad(columns.get(i), widths[i]));
            rule.append(i == 0 ? "" : "-+-").append("-".repeat(widths[i]));
        }
        out.println(header);
        out.println(rule);
        for (Map<String, Object> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                line.append(i == 0 ? "" : " | ").append(pad(cell(row.get(columns.get(i))), widths[i]));
            }
            out.println(line);
        }
        out.println("(" + rows.size() + " row" + (rows.size() == 1 ? "" : "s") + ")");
    }

    private static String cell(Object v) {
        String s = v == null ? "NULL" : v.toString().replace('\n', ' ');
        return s.length() > MAX_CELL ? s.substring(0, MAX_CELL - 1) + "…" : s;
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(width - s.length());
    }

    private static List<String> tableNames(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (var st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT table_name FROM duckdb_tables() WHERE schema_name = 'tester' "
                     + "AND database_name = current_database() ORDER BY table_name")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
