package io.tributary.runtime.values;

import static io.tributary.sdk.DataType.*;

import io.tributary.sdk.ColumnType;
import io.tributary.sdk.DataType;
import java.util.EnumMap;
import java.util.Map;

/**
 * The narrowest type that holds every value of two types without loss, Fivetran's promotion rule. Integers
 * widen SHORT, INT, LONG, then to DECIMAL with enough digits, or to DOUBLE when floating point meets them
 * (LONG values beyond ±2^53 lose digits there, as in Fivetran). Dates widen to datetimes, naive datetimes to
 * UTC ones. Anything else that differs becomes STRING, which holds every value's text.
 */
public final class TypeWidening {
    private static final Map<DataType, Integer> INTEGER_DIGITS = new EnumMap<>(Map.of(SHORT, 5, INT, 10, LONG, 19));

    private TypeWidening() {
    }

    public static ColumnType widen(ColumnType a, ColumnType b) {
        if (a.equals(b)) {
            return a;
        }
        DataType x = a.type();
        DataType y = b.type();
        if (isInteger(x) && isInteger(y)) {
            return INTEGER_DIGITS.get(x) >= INTEGER_DIGITS.get(y) ? a : b;
        }
        if (x == DECIMAL || y == DECIMAL) {
            return widenDecimal(a, b);
        }
        if (isNumeric(x) && isNumeric(y)) {
            return ColumnType.of(DOUBLE);
        }
        if (isTemporal(x) && isTemporal(y)) {
            return ColumnType.of(x == UTC_DATETIME || y == UTC_DATETIME ? UTC_DATETIME : NAIVE_DATETIME);
        }
        return ColumnType.of(STRING);
    }

    private static ColumnType widenDecimal(ColumnType a, ColumnType b) {
        ColumnType other = a.type() == DECIMAL ? b : a;
        ColumnType decimal = a.type() == DECIMAL ? a : b;
        if (isInteger(other.type())) {
            other = ColumnType.decimal(INTEGER_DIGITS.get(other.type()), 0);
        }
        if (other.type() == DECIMAL) {
            int scale = Math.max(decimal.scale(), other.scale());
            int integerDigits = Math.max(decimal.precision() - decimal.scale(), other.precision() - other.scale());
            if (integerDigits + scale <= ColumnType.MAX_DECIMAL_PRECISION) {
                return ColumnType.decimal(integerDigits + scale, scale);
            }
            return ColumnType.of(DOUBLE);
        }
        return isNumeric(other.type()) ? ColumnType.of(DOUBLE) : ColumnType.of(STRING);
    }

    public static boolean isInteger(DataType t) {
        return t == SHORT || t == INT || t == LONG;
    }

    private static boolean isNumeric(DataType t) {
        return isInteger(t) || t == FLOAT || t == DOUBLE || t == DECIMAL;
    }

    private static boolean isTemporal(DataType t) {
        return t == NAIVE_DATE || t == NAIVE_DATETIME || t == UTC_DATETIME;
    }
}
