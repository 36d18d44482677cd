package io.tributary.server.store;

import io.tributary.api.model.Team;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Teams in the metadata store. Names are unique. */
public final class TeamStore {
    private static final String COLUMNS = "id, name, description, role";
    private final Jdbc jdbc;

    public TeamStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public List<Team> list(int skip, int fetch) {
        return jdbc.query("SELECT " + COLUMNS + " FROM teams ORDER BY created_at, id LIMIT ? OFFSET ?",
                TeamStore::map, fetch, skip);
    }

    public Optional<Team> find(String id) {
        return jdbc.one("SELECT " + COLUMNS + " FROM teams WHERE id = ?", TeamStore::map, id);
    }

    /**
     * {@code description} and {@code role} may be null. Throws {@link Jdbc.DuplicateException} when the name is
     * taken.
     */
    public Team create(String name, String description, String role) {
        String id = Ids.next();
        jdbc.update("INSERT INTO teams (id, name, description, role, created_at) VALUES (?, ?, ?, ?, ?)",
                id, name, description, role, Instant.now());
        return find(id).orElseThrow();
    }

    /** Writes every field of {@code team}. Throws {@link Jdbc.DuplicateException} when the name is taken. */
    public Optional<Team> update(Team team) {
        jdbc.update("UPDATE teams SET name = ?, description = ?, role = ? WHERE id = ?",
                team.name(), team.description(), team.role(), team.id());
        return find(team.id());
    }

    /** Deletes the team and, by cascade, its users and its group and connection memberships. */
    public boolean delete(String id) {
        return jdbc.update("DELETE FROM teams WHERE id = ?", id) > 0;
    }

    private static Team map(ResultSet rs) throws SQLException {
        return new Team(rs.getString("id"), rs.getString("name"), rs.getString("description"), rs.getString("role"));
    }
}
