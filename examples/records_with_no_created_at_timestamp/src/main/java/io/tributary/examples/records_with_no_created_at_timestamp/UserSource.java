package io.tributary.examples.records_with_no_created_at_timestamp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An emulated source of users that, like many real ones, keeps only the current version of each record and
 * no creation time: an update overwrites the record and moves its {@code updated_at}. What the source holds
 * depends on the moment it is read ({@code asOf}), which lets a test, or a user editing
 * {@code configuration.json}, make the source change between syncs.
 */
final class UserSource {

    /** One version of a user record. */
    record User(int id, String firstName, String lastName, String designation, Instant updatedAt) {
        Map<String, Object> toRow() {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", id);
            row.put("updated_at", updatedAt);
            row.put("first_name", firstName);
            row.put("last_name", lastName);
            row.put("designation", designation);
            return row;
        }
    }

    /** Every change ever made to the source, oldest first; the source itself only ever shows the latest. */
    private static final List<User> CHANGES = List.of(
            new User(123, "John", "Doe", "Manager", Instant.parse("2007-12-03T10:15:30Z")),
            new User(123, "John", "Doe", "Senior Manager", Instant.parse("2008-01-04T23:44:21Z")),
            new User(456, "Jane", "Dalton", "VP", Instant.parse("2008-11-12T00:00:20Z")),
            new User(123, "John", "Doe", "Director", Instant.parse("2009-03-02T09:00:00Z")),
            new User(789, "Ravi", "Kumar", "Engineer", Instant.parse("2009-06-01T08:00:00Z")),
            new User(123, "John", "Doe", "Vice President", Instant.parse("2009-09-15T17:30:00Z")),
            new User(456, "Jane", "Dalton", "SVP", Instant.parse("2010-02-01T12:00:00Z")));

    private UserSource() {
    }

    /**
     * The users as the source holds them at {@code asOf} whose {@code updated_at} is after {@code cursor}
     * ({@code null}: all of them), in {@code updated_at} order, like
     * {@code SELECT * FROM users WHERE updated_at > ? ORDER BY updated_at, id}.
     */
    static List<User> changedSince(Instant cursor, Instant asOf) {
        Map<Integer, User> current = new LinkedHashMap<>();
        for (User change : CHANGES) {
            if (!change.updatedAt().isAfter(asOf)) {
                current.put(change.id(), change); // overwrites: the earlier version is gone from the source
            }
        }
        List<User> changed = new ArrayList<>();
        for (User user : current.values()) {
            if (cursor == null || user.updatedAt().isAfter(cursor)) {
                changed.add(user);
            }
        }
        changed.sort(Comparator.comparing(User::updatedAt).thenComparing(User::id));
        return changed;
    }
}
