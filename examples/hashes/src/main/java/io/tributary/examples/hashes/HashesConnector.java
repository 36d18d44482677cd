package io.tributary.examples.hashes;

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
 * Gives key-less source rows a primary key: {@code hash_id}, the SHA-1 of the row's fields. Rows that differ
 * in any field, even only by a null or a missing field, get different keys; the same row always gets the
 * same key, so re-syncing it replaces it instead of adding a copy.
 *
 * <p>Declaring a key of your own, rather than relying on the surrogate {@code _fivetran_id}, keeps the key
 * stable when a column is later added to the table.
 */
public class HashesConnector implements Connector {
    static final String TABLE = "user";

    @Override
    public List<Table> schema(Configuration configuration) {
        return List.of(Table.named(TABLE)
                .primaryKey("hash_id")
                .column("first_name", DataType.STRING)
                .column("last_name", DataType.STRING)
                .column("email", DataType.STRING)
                .column("updated_at", DataType.UTC_DATETIME));
    }

    @Override
    public void update(Configuration configuration, State state, Operations operations) {
        for (Map<String, Object> sourceRow : sourceRows()) {
            // Hash the source fields before adding the key, so the key never hashes itself.
            Map<String, Object> row = new LinkedHashMap<>(sourceRow);
            row.put("hash_id", RowHash.sha1(sourceRow));
            Log.fine("upserting " + row);
            operations.upsert(TABLE, row);
        }
        // No cursor to save: the checkpoint commits the rows.
        operations.checkpoint(state);
    }

    /** The rows the source returns; none has a field that could serve as a key. */
    static List<Map<String, Object>> sourceRows() {
        Map<String, Object> john = user("John", "Doe", "john.doe@example.com", "2007-12-03T10:15:30Z");
        // The same person with a later updated_at: a different row.
        Map<String, Object> johnUpdated = user("John", "Doe", "john.doe@example.com", "2008-02-13T03:30:50Z");
        // The same again with no email: a different row too.
        Map<String, Object> johnWithoutEmail = user("John", "Doe", null, "2008-02-13T03:30:50Z");
        Map<String, Object> joe = user("Joe", "Smith", null, "2014-05-10T00:00:30Z");
        // This row has no email field at all, which hashes differently from "email": null.
        Map<String, Object> jane = user("Jane", "Dalton", null, null);
        jane.remove("email");
        return List.of(john, johnUpdated, johnWithoutEmail, joe, jane);
    }

    private static Map<String, Object> user(String firstName, String lastName, String email, String updatedAt) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("first_name", firstName);
        row.put("last_name", lastName);
        row.put("email", email);
        row.put("updated_at", updatedAt);
        return row;
    }
}
