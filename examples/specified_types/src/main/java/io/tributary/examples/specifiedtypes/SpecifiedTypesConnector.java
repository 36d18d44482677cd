package io.tributary.examples.specifiedtypes;

import io.tributary.sdk.Configuration;
import io.tributary.sdk.Connector;
import io.tributary.sdk.DataType;
import io.tributary.sdk.Log;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import io.tributary.sdk.Table;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Declares a column of each of the 15 data types in {@code schema()} and upserts one row with a value for
 * each. Declared types are fixed: values are converted to them (the text {@code "105.34"} becomes a
 * DECIMAL(15,2), {@code "2007-12-03"} a DATE), and a value that does not fit fails the sync.
 */
public class SpecifiedTypesConnector implements Connector {
    static final String TABLE = "specified";

    @Override
    public List<Table> schema(Configuration configuration) {
        return List.of(Table.named(TABLE)
                .primaryKey("_bool")
                .column("_bool", DataType.BOOLEAN)
                .column("_short", DataType.SHORT)
                .column("_int", DataType.INT)
                .column("_long", DataType.LONG)
                .decimal("_dec", 15, 2)
                .column("_float", DataType.FLOAT)
                .column("_double", DataType.DOUBLE)
                .column("_ndate", DataType.NAIVE_DATE)
                .column("_ndatetime", DataType.NAIVE_DATETIME)
                .column("_utc", DataType.UTC_DATETIME)
                .column("_ntime", DataType.NAIVE_TIME)
                .column("_binary", DataType.BINARY)
                .column("_xml", DataType.XML)
                .column("_str", DataType.STRING)
                .column("_json", DataType.JSON)
                // Declared, so the column exists although its only value is null.
                .column("_null", DataType.STRING));
    }

    @Override
    public void update(Configuration configuration, State state, Operations operations) {
        Log.warning("Example: Common Patterns For Connectors - Specified Types");
        Log.fine("upserting to table 'specified'");
        operations.upsert(TABLE, row());
        operations.checkpoint(state);
    }

    /** The original example's values, plus {@code _int} and {@code _ntime}, which it does not cover. */
    Map<String, Object> row() {
        // Insertion order becomes column order; Map.of() would also refuse the null value.
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("_bool", true);
        row.put("_short", 15);
        row.put("_int", 123456789);
        row.put("_long", 132353453453635L);
        row.put("_dec", "105.34");                            // decimal text keeps every digit
        row.put("_float", 10.4);
        row.put("_double", 1e-4);
        row.put("_ndate", "2007-12-03");
        row.put("_ndatetime", "2007-12-03T10:15:30");
        row.put("_utc", "2007-12-03T10:15:30.123Z");
        row.put("_ntime", "10:15:30");
        row.put("_binary", new byte[] {0x00, 0x01, 0x02, 0x03});
        row.put("_xml", "<tag>This is XML</tag>");
        row.put("_str", "This is a string");
        row.put("_json", Map.of("a", 10));
        row.put("_null", null);
        return row;
    }
}
