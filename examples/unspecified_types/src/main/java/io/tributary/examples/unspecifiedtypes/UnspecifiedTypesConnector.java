package io.tributary.examples.unspecifiedtypes;

import io.tributary.sdk.Configuration;
import io.tributary.sdk.Connector;
import io.tributary.sdk.Log;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import io.tributary.sdk.Table;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sends the values of the {@code specified_types} example without declaring any column type, to show what is
 * inferred: the type follows the Java value (Integer, Long, Double, byte[], Map...), and text stays text even
 * when it looks like a number or a date. A column whose only value is null is not created.
 */
public class UnspecifiedTypesConnector implements Connector {
    static final String TABLE = "unspecified";

    @Override
    public List<Table> schema(Configuration configuration) {
        // A primary key and no column types: every column, id included, is inferred from the row.
        return List.of(Table.named(TABLE).primaryKey("id"));
    }

    @Override
    public void update(Configuration configuration, State state, Operations operations) {
        Log.warning("Example: Common Patterns For Connectors - Unspecified Types");
        Log.fine("upserting to table 'unspecified'");
        operations.upsert(TABLE, row());
        operations.checkpoint(state);
    }

    private static Map<String, Object> row() {
        // Insertion order becomes column order; Map.of() would also refuse the null value.
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", 1);
        row.put("_bool", true);
        row.put("_short", 15);
        row.put("_int", 123456789);
        row.put("_long", 132353453453635L);
        row.put("_dec", "105.34");
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
