package io.tributary.examples.using_dataframes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A Tablesaw table in place of a pandas DataFrame, with the conversions the original makes: built from records
 * ({@code pd.DataFrame(records)}), and read back as records ({@code to_dict("records")}), by index
 * ({@code to_dict("index")}) or row by row ({@code iterrows}). Tablesaw marks missing values itself (NaN in a
 * double column); reading them back gives null, never NaN. Nested objects (a picture's URLs) are kept as JSON
 * text and turned back into objects when read.
 */
final class Frame {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Table table;
    private final Set<String> jsonColumns;

    Frame(Table table, Set<String> jsonColumns) {
        this.table = table;
        this.jsonColumns = jsonColumns;
    }

    /** Columns in the order first seen, typed by their values: INT, LONG, DOUBLE, BOOLEAN, else text. */
    static Frame fromRecords(String name, List<Map<String, Object>> records) {
        Set<String> names = new LinkedHashSet<>();
        records.forEach(r -> names.addAll(r.keySet()));
        Table table = Table.create(name);
        Set<String> json = new HashSet<>();
        for (String column : names) {
            List<Object> values = new ArrayList<>();
            records.forEach(r -> values.add(r.get(column)));
            if (values.stream().anyMatch(v -> v instanceof Map<?, ?> || v instanceof List<?>)) {
                json.add(column);
            }
            table.addColumns(column(column, values));
        }
        return new Frame(table, json);
    }

    Table table() {
        return table;
    }

    int rowCount() {
        return table.rowCount();
    }

    /** Like pandas' {@code iterrows}: one Tablesaw row at a time, as a map of column to value. */
    Iterable<Map<String, Object>> rows() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Row row : table) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (String column : table.columnNames()) {
                values.put(column, row.isMissing(column) ? null : value(column, row.getObject(column)));
            }
            out.add(values);
        }
        return out;
    }

    /** Like {@code to_dict("records")}: a list of rows, built column by column. */
    List<Map<String, Object>> toRecords() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < table.rowCount(); i++) {
            out.add(new LinkedHashMap<>());
        }
        for (Column<?> column : table.columns()) {
            for (int i = 0; i < table.rowCount(); i++) {
                out.get(i).put(column.name(), column.isMissing(i) ? null : value(column.name(), column.get(i)));
            }
        }
        return out;
    }

    /** Like {@code to_dict("index")}: rows keyed by their row number. */
    Map<Integer, Map<String, Object>> toIndex() {
        Map<Integer, Map<String, Object>> out = new LinkedHashMap<>();
        List<Map<String, Object>> records = toRecords();
        for (int i = 0; i < records.size(); i++) {
            out.put(i, records.get(i));
        }
        return out;
    }

    private Object value(String column, Object value) {
        if (value != null && jsonColumns.contains(column)) {
            try {
                return JSON.readValue(value.toString(), Object.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("column " + column + " holds JSON this frame wrote", e);
            }
        }
        return value;
    }

    private static Column<?> column(String name, List<Object> values) {
        List<Object> present = values.stream().filter(v -> v != null).toList();
        if (!present.isEmpty() && present.stream().allMatch(v -> v instanceof Integer)) {
            IntColumn c = IntColumn.create(name);
            values.forEach(v -> {
                if (v == null) {
                    c.appendMissing();
                } else {
                    c.append((Integer) v);
                }
            });
            return c;
        }
        if (!present.isEmpty() && present.stream().allMatch(v -> v instanceof Integer || v instanceof Long)) {
            LongColumn c = LongColumn.create(name);
            values.forEach(v -> {
                if (v == null) {
                    c.appendMissing();
                } else {
                    c.append(((Number) v).longValue());
                }
            });
            return c;
        }
        if (!present.isEmpty() && present.stream().allMatch(v -> v instanceof Number)) {
            DoubleColumn c = DoubleColumn.create(name);
            values.forEach(v -> {
                if (v == null) {
                    c.appendMissing();
                } else {
                    c.append(((Number) v).doubleValue());
                }
            });
            return c;
        }
        if (!present.isEmpty() && present.stream().allMatch(v -> v instanceof Boolean)) {
            BooleanColumn c = BooleanColumn.create(name);
            values.forEach(v -> {
                if (v == null) {
                    c.appendMissing();
                } else {
                    c.append((Boolean) v);
                }
            });
            return c;
        }
        StringColumn c = StringColumn.create(name);
        values.forEach(v -> {
            if (v == null) {
                c.appendMissing();
            } else {
                c.append(v instanceof Map<?, ?> || v instanceof List<?> ? json(v) : v.toString());
            }
        });
        return c;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write a frame cell as JSON", e);
        }
    }
}
