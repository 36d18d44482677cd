package io.tributary.server.store;

import io.tributary.api.ApiJson;
import io.tributary.api.model.Group;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Groups in the metadata store. */
public final class GroupStore {
    private static final String COLUMNS = "id, name, created_at";
    private final Jdbc jdbc;

    public GroupStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public List<Group> list(int skip, int fetch) {
        return jdbc.query("SELECT " + COLUMNS + " FROM destination_groups ORDER BY created_at, id LIMIT ? OFFSET ?",
                GroupStore::map, fetch, skip);
    }

    public Optional<Group> find(String id) {
        return jdbc.one("SELECT " + COLUMNS + " FROM destination_groups WHERE id = ?", GroupStore::map, id);
    }

    /** Throws {@link Jdbc.DuplicateException} when the name is taken. */
    public Group create(String name) {
        String id = Ids.next();
        jdbc.update("INSERT INTO destination_groups (id, name, created_at) VALUES (?, ?, ?)", id, name, Instant.now());
        return find(id).orElseThrow();
    }

    public Optional<Group> rename(String id, String name) {
        jdbc.update("UPDATE destination_groups SET name = ? WHERE id = ?", name, id);
        return find(id);
    }

    public boolean delete(String id) {
        return jdbc.update("DELETE FROM destination_groups WHERE id = ?", id) > 0;
    }

    private static Group map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Group(rs.getString("id"), rs.getString("name"), ApiJson.timestamp(Jdbc.instant(rs, "created_at")));
    }
}
