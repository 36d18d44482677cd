package io.tributary.examples.using_dataframes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.selection.Selection;

/**
 * The original's {@code table_with_nan}: the same 10 x 3 random numbers ({@code np.random.seed(0)}), about 10%
 * of them NaN, and three ways of turning NaN into null before upserting, as the destination takes no NaN.
 */
final class NanFrames {
    static final List<String> COLUMNS = List.of("id", "column_1", "Column_2");

    private NanFrames() {
    }

    /** {@code generate_data_with_NaN()}: seeded, so every call gives the same frame. */
    static Table generate() {
        NumpyRandom random = new NumpyRandom(0);
        double[][] data = random.rand(10, 3);
        boolean[][] nan = random.choiceTrueFalse(10, 3, 0.1);
        Table table = Table.create("table_with_nan");
        for (int c = 0; c < COLUMNS.size(); c++) {
            double[] values = new double[data.length];
            for (int r = 0; r < data.length; r++) {
                values[r] = nan[r][c] ? Double.NaN : data[r][c];
            }
            table.addColumns(DoubleColumn.create(COLUMNS.get(c), values));
        }
        return table;
    }

    /** Approach 1, cell by cell: a row's missing (NaN) value is replaced by null, like {@code replace(np.nan, None)}. */
    static List<Map<String, Object>> replaceCellByCell(Table table) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Row row : table) {
            Map<String, Object> record = new LinkedHashMap<>();
            for (String column : table.columnNames()) {
                double v = row.getDouble(column);
                record.put(column, Double.isNaN(v) ? null : v);
            }
            out.add(record);
        }
        return out;
    }

    /**
     * Approach 2, column by column: Tablesaw's object view of a column gives null for missing values, like
     * {@code astype(object).where(pd.notnull(df), None)}.
     */
    static List<Map<String, Object>> objectColumns(Table table) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int r = 0; r < table.rowCount(); r++) {
            out.add(new LinkedHashMap<>());
        }
        for (Column<?> column : table.columns()) {
            Double[] values = ((DoubleColumn) column).asObjectArray();
            for (int r = 0; r < values.length; r++) {
                out.get(r).put(column.name(), values[r]);
            }
        }
        return out;
    }

    /**
     * Approach 3, with a selection: select each column's missing cells, then write null where selected, like
     * {@code fillna(np.nan).replace([np.nan], [None])}.
     */
    static List<Map<String, Object>> missingSelection(Table table) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int r = 0; r < table.rowCount(); r++) {
            out.add(new LinkedHashMap<>());
        }
        for (Column<?> column : table.columns()) {
            DoubleColumn numbers = (DoubleColumn) column;
            Selection missing = numbers.isMissing();
            double[] raw = numbers.asDoubleArray();
            for (int r = 0; r < raw.length; r++) {
                out.get(r).put(column.name(), missing.contains(r) ? null : raw[r]);
            }
        }
        return out;
    }
}
