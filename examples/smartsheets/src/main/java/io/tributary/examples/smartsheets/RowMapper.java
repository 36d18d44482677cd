package io.tributary.examples.smartsheets;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Turns a Smartsheet row (cells keyed by column id) into a flat warehouse row keyed by column title: the
 * dynamic column mapping of the original. Built per sheet from the sheet's {@code columns}.
 */
final class RowMapper {
    private static final Pattern NON_WORD = Pattern.compile("\\W", Pattern.UNICODE_CHARACTER_CLASS);
    private final Map<Long, String> titles = new LinkedHashMap<>();
    private final Map<Long, String> types = new LinkedHashMap<>();

    RowMapper(JsonNode columns) {
        for (JsonNode column : columns) {
            titles.put(column.path("id").asLong(), column.path("title").asText());
            types.put(column.path("id").asLong(), column.path("type").asText("TEXT_NUMBER"));
        }
    }

    /** {@code row_id}, {@code sheet_id}, {@code sheet_name}, one column per cell, and the key {@code id}. */
    Map<String, Object> map(Map<String, Object> row, String sheetId, String sheetName) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("row_id", String.valueOf(row.get("id")));
        out.put("sheet_id", sheetId);
        out.put("sheet_name", sheetName);
        Object cells = row.get("cells");
        if (cells instanceof List<?> list) {
            for (Object c : list) {
                @SuppressWarnings("unchecked")
                Map<String, Object> cell = (Map<String, Object>) c;
                long columnId = ((Number) cell.get("columnId")).longValue();
                String title = titles.getOrDefault(columnId, "col_" + columnId);
                out.put(normalize(title), CellValues.parse(cell, types.getOrDefault(columnId, "TEXT_NUMBER")));
            }
        }
        out.put("id", rowKey(String.valueOf(row.get("id"))));
        return out;
    }

    /** The primary key: the MD5 of the row id, as the original computes it (so deletes find the row). */
    static String rowKey(String rowId) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(rowId.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has MD5", e);
        }
    }

    /** Non-word characters become '_', then lower case: "Due Date" is {@code due_date}. */
    static String normalize(String key) {
        return NON_WORD.matcher(key).replaceAll("_").toLowerCase(Locale.ROOT);
    }

    /** Cell values typed by their column's type; a value that does not parse is kept as it came. */
    static final class CellValues {
        private CellValues() {
        }

        static Object parse(Map<String, Object> cell, String columnType) {
            Object display = cell.get("displayValue");
            Object value = cell.get("value");
            switch (columnType) {
                case "NUMBER":
                case "CURRENCY":
                case "PERCENT":
                    // The raw value first: a CURRENCY displayValue like "$1,234.00" is not a number.
                    return decimal(value != null ? value : display);
                case "CHECKBOX":
                    Object flag = value != null ? value : display;
                    return flag == null ? null : flag instanceof Boolean b ? b : Boolean.valueOf(flag.toString());
                case "DATE":
                case "DATETIME":
                    return date(preferDisplay(display, value));
                default:
                    Object text = preferDisplay(display, value);
                    return text == null ? null : text.toString();
            }
        }

        /** {@code displayValue or value}, as the original reads a cell. */
        private static Object preferDisplay(Object display, Object value) {
            return display == null || display.toString().isEmpty() ? value : display;
        }

        private static Object decimal(Object v) {
            if (v == null || v instanceof BigDecimal) {
                return v;
            }
            try {
                return new BigDecimal(v.toString().trim());
            } catch (NumberFormatException e) {
                return v;
            }
        }

        private static Object date(Object v) {
            if (v == null) {
                return null;
            }
            String s = v.toString().trim();
            try {
                return s.length() == 10 ? LocalDate.parse(s) : OffsetDateTime.parse(s).toInstant();
            } catch (DateTimeParseException e) {
                return v;
            }
        }
    }
}
