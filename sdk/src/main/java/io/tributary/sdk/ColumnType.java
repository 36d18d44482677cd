package io.tributary.sdk;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A column's data type, with precision and scale for DECIMAL (both 0 otherwise). */
public record ColumnType(DataType type, int precision, int scale) {

    public static final int MAX_DECIMAL_PRECISION = 38;
    private static final Pattern DECIMAL = Pattern.compile("DECIMAL\\s*\\(\\s*(\\d+)\\s*,\\s*(\\d+)\\s*\\)");

    public ColumnType {
        if (type == DataType.DECIMAL) {
            if (precision < 1 || precision > MAX_DECIMAL_PRECISION) {
                throw new IllegalArgumentException(
                        "DECIMAL precision must be 1.." + MAX_DECIMAL_PRECISION + ", got " + precision);
            }
            if (scale < 0 || scale > precision) {
                throw new IllegalArgumentException(
                        "DECIMAL scale must be 0.." + precision + " (the precision), got " + scale);
            }
        } else if (precision != 0 || scale != 0) {
            throw new IllegalArgumentException(type + " takes no precision or scale");
        }
    }

    /** The type without parameters; every type but DECIMAL. One shared instance per type. */
    public static ColumnType of(DataType type) {
        if (type == DataType.DECIMAL) {
            throw new IllegalArgumentException("DECIMAL needs a precision and a scale: declare it as DECIMAL(p,s)");
        }
        return Simple.TYPES[type.ordinal()];
    }

    /** Holder of the shared parameterless instances (initialised after the record's own statics). */
    private static final class Simple {
        static final ColumnType[] TYPES = new ColumnType[DataType.values().length];

        static {
            for (DataType t : DataType.values()) {
                if (t != DataType.DECIMAL) {
                    TYPES[t.ordinal()] = new ColumnType(t, 0, 0);
                }
            }
        }
    }

    public static ColumnType decimal(int precision, int scale) {
        return new ColumnType(DataType.DECIMAL, precision, scale);
    }

    /** Parses {@code "INT"}, {@code "utc_datetime"}, {@code "DECIMAL(15,2)"} and so on, case-insensitively. */
    public static ColumnType parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new IllegalArgumentException("a column type is required");
        }
        String upper = spec.trim().toUpperCase(Locale.ROOT);
        Matcher m = DECIMAL.matcher(upper);
        if (m.matches()) {
            return decimal(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        DataType type;
        try {
            type = DataType.valueOf(upper);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown column type '" + spec + "'; use one of " + knownTypes());
        }
        return of(type);
    }

    private static String knownTypes() {
        StringBuilder sb = new StringBuilder();
        for (DataType t : DataType.values()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(t == DataType.DECIMAL ? "DECIMAL(p,s)" : t.name());
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return type == DataType.DECIMAL ? "DECIMAL(" + precision + "," + scale + ")" : type.name();
    }
}
