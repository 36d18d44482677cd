package io.tributary.sdk.jdbc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.sdk.ColumnType;
import io.tributary.sdk.DataType;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Maps JDBC column types to SDK column types, and reads a column as the Java value the SDK expects for its type.
 *
 * <table>
 * <caption>The mapping</caption>
 * <tr><th>JDBC</th><th>SDK</th></tr>
 * <tr><td>BOOLEAN, BIT(1)</td><td>BOOLEAN</td></tr>
 * <tr><td>TINYINT, SMALLINT / INTEGER / BIGINT</td><td>SHORT / INT / LONG (one size up when unsigned)</td></tr>
 * <tr><td>NUMERIC(p,s), DECIMAL(p,s) with p at most 38</td><td>DECIMAL(p,s); wider or unconstrained: STRING</td></tr>
 * <tr><td>REAL / FLOAT, DOUBLE</td><td>FLOAT / DOUBLE</td></tr>
 * <tr><td>DATE / TIME / TIMESTAMP</td><td>NAIVE_DATE / NAIVE_TIME / NAIVE_DATETIME</td></tr>
 * <tr><td>TIMESTAMP WITH TIME ZONE (PostgreSQL timestamptz)</td><td>UTC_DATETIME</td></tr>
 * <tr><td>BINARY, VARBINARY, LONGVARBINARY, BLOB (PostgreSQL bytea)</td><td>BINARY</td></tr>
 * <tr><td>SQLXML (PostgreSQL xml)</td><td>XML</td></tr>
 * <tr><td>json, jsonb (by type name); ARRAY</td><td>JSON</td></tr>
 * <tr><td>uuid, money, timetz (by type name) and everything else (text, interval, enums...)</td><td>STRING</td></tr>
 * </table>
 */
public final class JdbcTypes {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JdbcTypes() {
    }

    /**
     * The SDK type of a column, from its {@link Types} code, database type name, and size: precision for numbers
     * and the bit count of BIT; {@code scale} is the number of decimal digits.
     */
    public static ColumnType columnType(int jdbcType, String typeName, int precision, int scale) {
        String name = typeName == null ? "" : typeName.toLowerCase(Locale.ROOT);
        ColumnType byName = byTypeName(name);
        if (byName != null) {
            return byName;
        }
        boolean unsigned = name.contains("unsigned");
        return switch (jdbcType) {
            case Types.BOOLEAN -> type(DataType.BOOLEAN);
            case Types.BIT -> precision <= 1 ? type(DataType.BOOLEAN) : type(DataType.STRING);
            case Types.TINYINT -> type(DataType.SHORT);
            case Types.SMALLINT -> type(unsigned ? DataType.INT : DataType.SHORT);
            case Types.INTEGER -> type(unsigned ? DataType.LONG : DataType.INT);
            case Types.BIGINT -> unsigned ? ColumnType.decimal(20, 0) : type(DataType.LONG);
            case Types.NUMERIC, Types.DECIMAL -> decimal(precision, scale);
            case Types.REAL -> type(DataType.FLOAT);
            case Types.FLOAT, Types.DOUBLE -> type(DataType.DOUBLE);
            case Types.DATE -> type(DataType.NAIVE_DATE);
            case Types.TIME -> type(DataType.NAIVE_TIME);
            case Types.TIMESTAMP -> type(DataType.NAIVE_DATETIME);
            case Types.TIMESTAMP_WITH_TIMEZONE -> type(DataType.UTC_DATETIME);
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY, Types.BLOB -> type(DataType.BINARY);
            case Types.SQLXML -> type(DataType.XML);
            case Types.ARRAY -> type(DataType.JSON);
            default -> type(DataType.STRING);
        };
    }

    /** Types the JDBC code does not tell apart: PostgreSQL reports timestamptz as TIMESTAMP, json as OTHER. */
    private static ColumnType byTypeName(String name) {
        return switch (name) {
            case "json", "jsonb" -> type(DataType.JSON);
            case "xml" -> type(DataType.XML);
            case "timestamptz", "timestamp with time zone" -> type(DataType.UTC_DATETIME);
            // No SDK type keeps a time's offset; text does.
            case "timetz", "time with time zone" -> type(DataType.STRING);
            // pgjdbc reports money as DOUBLE, but its text has a currency symbol; H2 reports UUID as BINARY.
            case "money", "uuid" -> type(DataType.STRING);
            default -> null;
        };
    }

    /** DECIMAL when every value fits; unconstrained or wider than 38 digits is exact text instead of rounded. */
    private static ColumnType decimal(int precision, int scale) {
        if (precision < 1 || precision > ColumnType.MAX_DECIMAL_PRECISION || scale < 0 || scale > precision) {
            return type(DataType.STRING);
        }
        return ColumnType.decimal(precision, scale);
    }

    private static ColumnType type(DataType type) {
        return ColumnType.of(type);
    }

    /** Reads one column of the current row. */
    @FunctionalInterface
    public interface ColumnReader {
        Object read(ResultSet rs, int column) throws SQLException;
    }

    /**
     * How to read a column mapped to {@code type}: the SDK's canonical Java value (Boolean, Short, Integer, Long,
     * BigDecimal, Float, Double, LocalDate, LocalTime, LocalDateTime, Instant, byte[], String), or {@code null}.
     * JSON is its text, or for a JSON scalar (a jsonb number) the parsed value, so it is not quoted as a string.
     */
    public static ColumnReader reader(ColumnType type, int jdbcType) {
        return switch (type.type()) {
            case BOOLEAN -> (rs, i) -> nullable(rs, rs.getBoolean(i));
            case SHORT -> (rs, i) -> nullable(rs, rs.getShort(i));
            case INT -> (rs, i) -> nullable(rs, rs.getInt(i));
            case LONG -> (rs, i) -> nullable(rs, rs.getLong(i));
            case DECIMAL -> ResultSet::getBigDecimal;
            case FLOAT -> (rs, i) -> nullable(rs, rs.getFloat(i));
            case DOUBLE -> (rs, i) -> nullable(rs, rs.getDouble(i));
            case NAIVE_DATE -> (rs, i) -> rs.getObject(i, LocalDate.class);
            case NAIVE_TIME -> (rs, i) -> rs.getObject(i, LocalTime.class);
            case NAIVE_DATETIME -> (rs, i) -> rs.getObject(i, LocalDateTime.class);
            case UTC_DATETIME -> (rs, i) -> {
                OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
                return t == null ? null : t.toInstant();
            };
            case BINARY -> ResultSet::getBytes;
            case XML -> jdbcType == Types.SQLXML ? JdbcTypes::readXml : ResultSet::getString;
            case JSON -> jdbcType == Types.ARRAY ? JdbcTypes::readArray : JdbcTypes::readJson;
            case STRING -> ResultSet::getString;
        };
    }

    private static Object nullable(ResultSet rs, Object value) throws SQLException {
        return rs.wasNull() ? null : value;
    }

    private static Object readXml(ResultSet rs, int i) throws SQLException {
        SQLXML xml = rs.getSQLXML(i);
        return xml == null ? null : xml.getString();
    }

    private static Object readJson(ResultSet rs, int i) throws SQLException {
        String text = rs.getString(i);
        if (text == null) {
            return null;
        }
        String t = text.strip();
        if (t.startsWith("{") || t.startsWith("[")) {
            return text; // the runtime keeps JSON object and array text as it is
        }
        try {
            return JSON.readTree(t);
        } catch (JsonProcessingException e) {
            throw new SQLException("column " + i + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** A SQL array as a list (nested for multi-dimensional arrays), which the runtime writes as a JSON array. */
    private static Object readArray(ResultSet rs, int i) throws SQLException {
        Array array = rs.getArray(i);
        if (array == null) {
            return null;
        }
        try {
            return toList((Object[]) array.getArray());
        } finally {
            array.free();
        }
    }

    private static List<Object> toList(Object[] elements) {
        List<Object> out = new ArrayList<>(elements.length);
        for (Object e : elements) {
            if (e instanceof Object[] nested) {
                out.add(toList(nested));
            } else if (e == null || e instanceof Number || e instanceof Boolean || e instanceof String) {
                out.add(e);
            } else {
                out.add(e.toString()); // dates, uuids and driver objects: their SQL text
            }
        }
        return out;
    }

    /** The value to bind for a parameter compared with a column of this type (drivers take OffsetDateTime). */
    static Object bindValue(Object value) {
        return value instanceof Instant instant ? OffsetDateTime.ofInstant(instant, java.time.ZoneOffset.UTC) : value;
    }
}
