package io.tributary.sdk.jdbc;

import io.tributary.sdk.ColumnType;
import io.tributary.sdk.State;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a read stands: the values of its order columns (the replication key, then the tie-break key) for the last
 * row read. A read resumes strictly after it. A position may hold only a leading part of the columns: the start
 * holds none, and a replication-key value alone (an initial cursor) means "after every row with that value".
 *
 * <p>{@link #toState()} gives the values as JSON-friendly text and numbers for the connector's state;
 * {@link TableRead#position(State)} reads them back.
 */
public final class Position {
    private final List<SourceColumn> columns;
    private final List<Object> values;
    private final boolean uniqueOrder;

    /** {@code values} is kept, not copied: callers pass a list they no longer change. */
    Position(List<SourceColumn> columns, List<Object> values, boolean uniqueOrder) {
        if (values.size() > columns.size()) {
            throw new IllegalArgumentException("a position has at most " + columns.size() + " values, got " + values);
        }
        this.columns = columns;
        this.values = Collections.unmodifiableList(values);
        this.uniqueOrder = uniqueOrder;
    }

    /** Whether this is the beginning of the table: no values. */
    public boolean isStart() {
        return values.isEmpty();
    }

    /**
     * Whether this position names one row: every order column has a value and the order columns are unique. Only
     * then can a checkpoint go between any two rows; otherwise only between rows whose values differ.
     */
    public boolean identifiesRow() {
        return uniqueOrder && values.size() == columns.size();
    }

    /** The order columns' names, all of them, including those this position has no value for. */
    public List<String> columnNames() {
        return columns.stream().map(SourceColumn::name).toList();
    }

    /** The values, as Java values of the columns' SDK types; as many as the columns this position covers. */
    public List<Object> values() {
        return values;
    }

    /** The value of an order column, or {@code null} when this position does not reach it. */
    public Object get(String column) {
        int i = indexOf(column);
        return i < values.size() ? values.get(i) : null;
    }

    /** The value of an order column as state text (ISO-8601 for times), or {@code null}. */
    public String text(String column) {
        Object v = get(column);
        return v == null ? null : String.valueOf(stateValue(v));
    }

    /** Column name to value, numbers as numbers and everything else as text: ready for {@code State.putValue}. */
    public Map<String, Object> toState() {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < values.size(); i++) {
            out.put(columns.get(i).name(), stateValue(values.get(i)));
        }
        return out;
    }

    private int indexOf(String column) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(column)) {
                return i;
            }
        }
        throw new IllegalArgumentException("'" + column + "' is not an order column of this read; they are "
                + columnNames());
    }

    static Object stateValue(Object v) {
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Boolean
                || v instanceof String) {
            return v;
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString(); // text: a JSON double would round it
        }
        if (v instanceof byte[] b) {
            return Base64.getEncoder().encodeToString(b);
        }
        return v.toString(); // Instant, LocalDateTime, LocalDate, LocalTime, Float, Double: ISO or decimal text
    }

    /** A value from the state (text, a number, or already a Java value) as the column type's Java value. */
    static Object parse(Object v, SourceColumn column) {
        if (v == null) {
            throw new IllegalArgumentException("a position value for '" + column.name() + "' is null; "
                    + "key columns must not be NULL");
        }
        ColumnType type = column.type();
        String text = String.valueOf(v).strip();
        try {
            return switch (type.type()) {
                case BOOLEAN -> v instanceof Boolean b ? b : Boolean.parseBoolean(text);
                case SHORT -> Short.valueOf(text);
                case INT -> Integer.valueOf(text);
                case LONG -> Long.valueOf(text);
                case DECIMAL -> new BigDecimal(text);
                case FLOAT -> Float.valueOf(text);
                case DOUBLE -> Double.valueOf(text);
                case NAIVE_DATE -> v instanceof LocalDate d ? d : LocalDate.parse(text);
                case NAIVE_TIME -> v instanceof LocalTime t ? t : LocalTime.parse(text);
                case NAIVE_DATETIME -> v instanceof LocalDateTime t ? t : LocalDateTime.parse(text.replace(' ', 'T'));
                case UTC_DATETIME -> toInstant(v, text);
                case BINARY -> v instanceof byte[] b ? b : Base64.getDecoder().decode(text);
                case XML, STRING, JSON -> text;
            };
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new IllegalArgumentException("position value '" + text + "' for column '" + column.name()
                    + "' is not a " + type + ": " + e.getMessage(), e);
        }
    }

    /** ISO-8601 with Z or an offset ({@code 0001-01-01T00:00:00+00:00}, as Fivetran's examples write it). */
    private static Instant toInstant(Object v, String text) {
        if (v instanceof Instant i) {
            return i;
        }
        if (v instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        TemporalAccessor parsed = java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.parse(text.replace(' ', 'T'));
        return OffsetDateTime.from(parsed).toInstant();
    }

    /** Same values (the columns are the read's). */
    boolean sameValues(Position other) {
        return other != null && values.size() == other.values.size() && sameElements(values, other.values);
    }

    private static boolean sameElements(List<Object> a, List<Object> b) {
        for (int i = 0; i < a.size(); i++) {
            Object x = a.get(i);
            Object y = b.get(i);
            boolean same = x instanceof byte[] bx && y instanceof byte[] by ? java.util.Arrays.equals(bx, by)
                    : x instanceof BigDecimal dx && y instanceof BigDecimal dy ? dx.compareTo(dy) == 0
                    : Objects.equals(x, y);
            if (!same) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Position p && p.columnNames().equals(columnNames()) && sameValues(p);
    }

    @Override
    public int hashCode() {
        return columnNames().hashCode() * 31 + values.size();
    }

    @Override
    public String toString() {
        return isStart() ? "Position[start]" : "Position" + toState();
    }
}
