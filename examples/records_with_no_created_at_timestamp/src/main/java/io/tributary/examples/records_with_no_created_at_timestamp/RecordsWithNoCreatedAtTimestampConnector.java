package io.tributary.examples.records_with_no_created_at_timestamp;

import io.tributary.examples.records_with_no_created_at_timestamp.UserSource.User;
import io.tributary.sdk.Configuration;
import io.tributary.sdk.Configuration.ConfigurationException;
import io.tributary.sdk.Connector;
import io.tributary.sdk.DataType;
import io.tributary.sdk.Log;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import io.tributary.sdk.Table;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * Keeps every observed version of a record whose source has no {@code created_at}: {@code updated_at} is part
 * of the primary key {@code (id, updated_at)}, so an updated record lands as a new row next to its earlier
 * versions instead of replacing them. This mimics history mode; the earliest {@code _fivetran_synced} of an
 * id tells when the record was first seen.
 *
 * <p>Only the version current at each sync is captured: a record updated twice between two syncs loses the
 * intermediate version.
 */
public class RecordsWithNoCreatedAtTimestampConnector implements Connector {
    static final String TABLE = "user";
    static final String CURSOR = "last_updated_at";
    /** The emulated source shows its records as they were at this moment; blank means now. */
    static final String AS_OF = "as_of";
    /** Rows between checkpoints; tiny so the example shows resumable batches. Use thousands for a real source. */
    private static final int BATCH_SIZE = 2;

    @Override
    public List<Table> schema(Configuration configuration) {
        return List.of(Table.named(TABLE)
                .primaryKey("id", "updated_at")
                .column("id", DataType.INT)
                .column("updated_at", DataType.UTC_DATETIME)
                .column("first_name", DataType.STRING)
                .column("last_name", DataType.STRING)
                .column("designation", DataType.STRING));
    }

    @Override
    public void update(Configuration configuration, State state, Operations operations) {
        Instant asOf = asOf(configuration);
        String cursor = state.getString(CURSOR);
        List<User> changed = UserSource.changedSince(cursor == null ? null : Instant.parse(cursor), asOf);
        Log.info("source as of " + asOf + ": " + changed.size() + " record(s) updated after " + cursor);

        int sinceCheckpoint = 0;
        for (int i = 0; i < changed.size(); i++) {
            User user = changed.get(i);
            operations.upsert(TABLE, user.toRow());
            state.put(CURSOR, user.updatedAt().toString());
            sinceCheckpoint++;
            // The cursor is exclusive (updated_at > cursor): checkpoint only after the last row of a timestamp,
            // or a resumed sync would skip that timestamp's remaining rows.
            boolean lastOfItsTimestamp = i + 1 == changed.size()
                    || changed.get(i + 1).updatedAt().isAfter(user.updatedAt());
            if (lastOfItsTimestamp && (sinceCheckpoint >= BATCH_SIZE || i + 1 == changed.size())) {
                operations.checkpoint(state);
                sinceCheckpoint = 0;
            }
        }
    }

    private static Instant asOf(Configuration configuration) {
        String text = configuration.get(AS_OF, "").trim();
        if (text.isEmpty()) {
            return Instant.now();
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new ConfigurationException(AS_OF, "configuration key '" + AS_OF + "' must be an ISO-8601 UTC "
                    + "timestamp such as 2009-01-01T00:00:00Z, got \"" + text + "\"");
        }
    }
}
