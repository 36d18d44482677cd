package io.tributary.destination.contract;

import io.tributary.runtime.destination.Destination;
import io.tributary.sdk.ColumnType;
import java.util.List;
import java.util.Map;

/**
 * The abstract factory the contract tests run against: one fresh, empty warehouse per test, destinations on it, and
 * the few ways of reading it back that differ between SQL dialects.
 */
public interface DestinationUnderTest extends AutoCloseable {

    /** A new destination writing into {@code schema} of this warehouse. The caller closes it. */
    Destination open(String schema);

    /**
     * The rows of a query, columns by label. Values come as Boolean, Short, Integer, Long, BigDecimal, Float, Double,
     * String, byte[], LocalDate, LocalTime and LocalDateTime, whatever Java types the driver prefers for them.
     */
    List<Map<String, Object>> query(String sql) throws Exception;

    /** A table's columns in their order, system columns included, each with its type as {@link #typeName} spells it. */
    List<Column> columns(String schema, String table) throws Exception;

    /** The names of the tables in {@code schema}. */
    List<String> tables(String schema) throws Exception;

    /** How {@link #columns} names the warehouse type of a column of {@code type}. */
    String typeName(ColumnType type);

    /** An SQL expression for a binary value as upper-case hex. */
    String hex(String expression);

    /** An SQL expression for a UTC timestamp as milliseconds since the epoch (a BIGINT). */
    String epochMillis(String expression);

    @Override
    void close() throws Exception;

    record Column(String name, String type) {
        @Override
        public String toString() {
            return name + " " + type;
        }
    }
}
