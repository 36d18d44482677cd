package io.tributary.runtime.values;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.tributary.sdk.ColumnType;
import io.tributary.sdk.DataType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Base64;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a connector's value into the canonical Java value of a column type, or infers the type of a value.
 *
 * <p>Canonical values: Boolean, Short, Integer, Long, BigDecimal (at the column's scale), Float, Double,
 * LocalDate, LocalDateTime, Instant, byte[], LocalTime, and String for XML, STRING and JSON (JSON as text).
 */
public final class ValueCoercion {
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** ISO date-time with 'T' or a space, optional fraction, optional offset or 'Z'. */
    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendLiteral(' ').optionalEnd()
            .append(DateTimeFormatter.ISO_LOCAL_TIME)
            .optionalStart().appendOffset("+HH:MM:ss", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMM", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .toFormatter(Locale.ROOT);

    private ValueCoercion() {
    }

    /** Why a value does not fit a type; the caller adds the table and column. */
    public static final class CoercionException extends Exception {
        public CoercionException(String message) {
            super(message, null, false, false);
        }
    }

    /** The type of a value of an undeclared column, or {@code null} for null. */
    public static ColumnType infer(Object v) {
        if (v == null) {
            return null;
        }
        if (v instanceof String || v instanceof Character || v instanceof Enum<?>
                || v instanceof java.util.UUID) {
            return ColumnType.of(DataType.STRING);
        }
        if (v instanceof Boolean) {
            return ColumnType.of(DataType.BOOLEAN);
        }
        if (v instanceof Integer) {
            return ColumnType.of(DataType.INT);
        }
        if (v instanceof Long) {
            return ColumnType.of(DataType.LONG);
        }
        if (v instanceof Short || v instanceof Byte) {
            return ColumnType.of(DataType.SHORT);
        }
        if (v instanceof Double) {
            return ColumnType.of(DataType.DOUBLE);
        }
        if (v instanceof Float) {
            return ColumnType.of(DataType.FLOAT);
        }
        if (v instanceof BigInteger bi) {
            return bi.bitLength() < 64 ? ColumnType.of(DataType.LONG) : decimalFor(new BigDecimal(bi));
        }
        if (v instanceof BigDecimal bd) {
            return decimalFor(bd);
        }
        if (v instanceof LocalDate) {
            return ColumnType.of(DataType.NAIVE_DATE);
        }
        if (v instanceof LocalDateTime) {
            return ColumnType.of(DataType.NAIVE_DATETIME);
        }
        if (v instanceof Instant || v instanceof OffsetDateTime || v instanceof ZonedDateTime
                || v instanceof java.util.Date) {
            return ColumnType.of(DataType.UTC_DATETIME);
        }
        if (v instanceof LocalTime) {
            return ColumnType.of(DataType.NAIVE_TIME);
        }
        if (v instanceof byte[] || v instanceof ByteBuffer) {
            return ColumnType.of(DataType.BINARY);
        }
        return ColumnType.of(DataType.JSON);
    }

    private static ColumnType decimalFor(BigDecimal bd) {
        int scale = Math.max(bd.scale(), 0);
        int integerDigits = Math.max(bd.precision() - bd.scale(), 1);
        if (integerDigits + scale > ColumnType.MAX_DECIMAL_PRECISION) {
            return ColumnType.of(DataType.STRING);
        }
        return ColumnType.decimal(integerDigits + scale, scale);
    }

    /** The value as the column type's canonical Java value. */
    public static Object coerce(Object v, ColumnType type) throws CoercionException {
        if (v == null) {
            return null;
        }
        return switch (type.type()) {
            case BOOLEAN -> toBoolean(v);
            case SHORT -> (short) toLong(v, Short.MIN_VALUE, Short.MAX_VALUE);
            case INT -> (int) toLong(v, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case LONG -> toLong(v, Long.MIN_VALUE, Long.MAX_VALUE);
            case DECIMAL -> toDecimal(v, type);
            case FLOAT -> (float) toDouble(v);
            case DOUBLE -> toDouble(v);
            case NAIVE_DATE -> toDate(v);
            case NAIVE_DATETIME -> toDateTime(v);
            case UTC_DATETIME -> toInstant(v);
            case NAIVE_TIME -> toTime(v);
            case BINARY -> toBytes(v);
            case XML -> toText(v, "XML");
            case STRING -> toStringValue(v);
            case JSON -> toJson(v);
        };
    }

    private static Boolean toBoolean(Object v) throws CoercionException {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof Number n && (n.doubleValue() == 0 || n.doubleValue() == 1)) {
            return n.doubleValue() == 1;
        }
        if (v instanceof String s) {
            switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "true", "1" -> {
                    return true;
                }
                case "false", "0" -> {
                    return false;
                }
                default -> {
                }
            }
        }
        throw new CoercionException("expected true/false");
    }

    private static long toLong(Object v, long min, long max) throws CoercionException {
        BigDecimal d;
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            long l = ((Number) v).longValue();
            return checkRange(l, min, max);
        } else if (v instanceof Number n) {
            d = numberToDecimal(n);
        } else if (v instanceof String s) {
            try {
                d = new BigDecimal(s.trim());
            } catch (NumberFormatException e) {
                throw new CoercionException("not a whole number");
            }
        } else {
            throw new CoercionException("expected a whole number");
        }
        try {
            return checkRange(d.longValueExact(), min, max);
        } catch (ArithmeticException e) {
            throw new CoercionException(d.stripTrailingZeros().scale() > 0 ? "has a fraction" : "out of range");
        }
    }

    private static long checkRange(long l, long min, long max) throws CoercionException {
        if (l < min || l > max) {
            throw new CoercionException("out of range " + min + ".." + max);
        }
        return l;
    }

    private static BigDecimal numberToDecimal(Number n) throws CoercionException {
        if (n instanceof BigDecimal bd) {
            return bd;
        }
        if (n instanceof BigInteger bi) {
            return new BigDecimal(bi);
        }
        if (n instanceof Double || n instanceof Float) {
            double d = n.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new CoercionException("not a finite number");
            }
            return n instanceof Float ? new BigDecimal(Float.toString(n.floatValue())) : BigDecimal.valueOf(d);
        }
        return BigDecimal.valueOf(n.longValue());
    }

    private static BigDecimal toDecimal(Object v, ColumnType type) throws CoercionException {
        BigDecimal d;
        if (v instanceof Number n) {
            d = numberToDecimal(n);
        } else if (v instanceof String s) {
            try {
                d = new BigDecimal(s.trim());
            } catch (NumberFormatException e) {
                throw new CoercionException("not a decimal number");
            }
        } else {
            throw new CoercionException("expected a decimal number or its text");
        }
        BigDecimal scaled = d.setScale(type.scale(), RoundingMode.HALF_UP);
        if (scaled.precision() - scaled.scale() > type.precision() - type.scale()) {
            throw new CoercionException("has more than " + (type.precision() - type.scale())
                    + " digits before the decimal point");
        }
        return scaled;
    }

    private static double toDouble(Object v) throws CoercionException {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                throw new CoercionException("not a number");
            }
        }
        throw new CoercionException("expected a number");
    }

    private static LocalDate toDate(Object v) throws CoercionException {
        if (v instanceof LocalDate d) {
            return d;
        }
        if (v instanceof LocalDateTime dt) {
            return dt.toLocalDate();
        }
        if (v instanceof String s) {
            try {
                return LocalDate.parse(s.trim());
            } catch (DateTimeParseException e) {
                throw new CoercionException("not an ISO date (YYYY-MM-DD)");
            }
        }
        throw new CoercionException("expected a LocalDate or an ISO date");
    }

    private static LocalDateTime toDateTime(Object v) throws CoercionException {
        if (v instanceof LocalDateTime dt) {
            return dt;
        }
        if (v instanceof LocalDate d) {
            return d.atStartOfDay();
        }
        if (v instanceof String s) {
            var parsed = parseDateTime(s, "an ISO date-time (YYYY-MM-DDTHH:MM:SS)");
            return parsed.isSupported(ChronoField.OFFSET_SECONDS)
                    ? OffsetDateTime.from(parsed).toLocalDateTime() : LocalDateTime.from(parsed);
        }
        throw new CoercionException("expected a LocalDateTime or an ISO date-time");
    }

    private static Instant toInstant(Object v) throws CoercionException {
        if (v instanceof Instant i) {
            return i;
        }
        if (v instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (v instanceof ZonedDateTime z) {
            return z.toInstant();
        }
        if (v instanceof java.util.Date d) {
            return d.toInstant();
        }
        if (v instanceof LocalDateTime dt) {
            return dt.toInstant(ZoneOffset.UTC);
        }
        if (v instanceof LocalDate d) {
            return d.atStartOfDay().toInstant(ZoneOffset.UTC);
        }
        if (v instanceof String s) {
            String t = s.trim();
            if (t.length() == 10) {
                return toDate(t).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            var parsed = parseDateTime(t, "an ISO timestamp (YYYY-MM-DDTHH:MM:SS[.ffffff][Z|+HH:MM])");
            return parsed.isSupported(ChronoField.OFFSET_SECONDS)
                    ? OffsetDateTime.from(parsed).toInstant() : LocalDateTime.from(parsed).toInstant(ZoneOffset.UTC);
        }
        throw new CoercionException("expected an Instant, OffsetDateTime, ZonedDateTime or an ISO timestamp");
    }

    private static java.time.temporal.TemporalAccessor parseDateTime(String s, String expected)
            throws CoercionException {
        try {
            return DATE_TIME.parse(s.trim());
        } catch (DateTimeParseException e) {
            throw new CoercionException("not " + expected);
        }
    }

    private static LocalTime toTime(Object v) throws CoercionException {
        if (v instanceof LocalTime t) {
            return t;
        }
        if (v instanceof String s) {
            try {
                return LocalTime.parse(s.trim());
            } catch (DateTimeParseException e) {
                throw new CoercionException("not an ISO time (HH:MM[:SS[.ffffff]])");
            }
        }
        throw new CoercionException("expected a LocalTime or an ISO time");
    }

    private static byte[] toBytes(Object v) throws CoercionException {
        if (v instanceof byte[] b) {
            return b;
        }
        if (v instanceof ByteBuffer buf) {
            byte[] b = new byte[buf.remaining()];
            buf.duplicate().get(b);
            return b;
        }
        throw new CoercionException("expected byte[]");
    }

    private static String toText(Object v, String type) throws CoercionException {
        if (v instanceof String s) {
            return s;
        }
        throw new CoercionException("expected a String of " + type);
    }

    private static String toStringValue(Object v) throws CoercionException {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof byte[] b) {
            return Base64.getEncoder().encodeToString(b);
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof Map<?, ?> || v instanceof Collection<?> || v instanceof JsonNode || v.getClass().isArray()) {
            return toJson(v);
        }
        if (v instanceof OffsetDateTime || v instanceof ZonedDateTime || v instanceof java.util.Date) {
            return toInstant(v).toString();
        }
        return v.toString();
    }

    /** JSON text. A String that already holds a JSON object or array is kept; other strings are JSON strings. */
    private static String toJson(Object v) throws CoercionException {
        if (v instanceof String s) {
            String t = s.trim();
            if ((t.startsWith("{") || t.startsWith("[")) && isWellFormedJson(t)) {
                return t;
            }
        }
        try {
            return v instanceof JsonNode n ? n.toString() : JSON.writeValueAsString(v);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new CoercionException("cannot be written as JSON: " + e.getMessage());
        }
    }

    /** Checks JSON text with the streaming parser: no tree is built. */
    private static boolean isWellFormedJson(String text) {
        try (var parser = JSON.getFactory().createParser(text)) {
            while (parser.nextToken() != null) {
                parser.skipChildren();
            }
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** A short, safe rendering of a value for error messages. */
    public static String describe(Object v) {
        if (v == null) {
            return "null";
        }
        String text = v instanceof byte[] b ? "byte[" + b.length + "]" : String.valueOf(v);
        if (text.length() > 80) {
            text = text.substring(0, 77) + "...";
        }
        String quoted = v instanceof String ? "\"" + text + "\"" : text;
        return quoted + " (" + v.getClass().getSimpleName() + ")";
    }
}
