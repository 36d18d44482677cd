package io.tributary.server.store;

import io.tributary.api.ApiJson;
import io.tributary.api.model.User;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Users in the metadata store. Emails are unique regardless of case. */
public final class UserStore {
    private static final String COLUMNS = "u.id, u.email, u.given_name, u.family_name, u.phone, u.picture, u.role, "
            + "u.verified, u.invited, u.active, u.logged_in_at, u.created_at";
    private final Jdbc jdbc;

    /** The fields the API can change; null {@code phone}, {@code picture} or {@code role} means none. */
    public record Profile(String givenName, String familyName, String phone, String picture, String role) {
    }

    public UserStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** A page of users, oldest first; {@code active} filters when not null. */
    public List<User> list(Boolean active, int skip, int fetch) {
        return page("SELECT " + COLUMNS + " FROM users u WHERE 1 = 1", new ArrayList<>(), active, "u.created_at, u.id",
                skip, fetch);
    }

    /** A page of the users with a membership in the group, in the order they joined it. */
    public List<User> listInGroup(String groupId, Boolean active, int skip, int fetch) {
        List<Object> params = new ArrayList<>(List.of(groupId));
        return page("SELECT " + COLUMNS + " FROM users u JOIN user_group_memberships m ON m.user_id = u.id "
                + "WHERE m.group_id = ?", params, active, "m.created_at, u.id", skip, fetch);
    }

    private List<User> page(String select, List<Object> params, Boolean active, String order, int skip, int fetch) {
        StringBuilder sql = new StringBuilder(select);
        if (active != null) {
            sql.append(" AND u.active = ?");
            params.add(active);
        }
        sql.append(" ORDER BY ").append(order).append(" LIMIT ? OFFSET ?");
        params.add(fetch);
        params.add(skip);
        return jdbc.query(sql.toString(), UserStore::map, params.toArray());
    }

    public Optional<User> find(String id) {
        return jdbc.one("SELECT " + COLUMNS + " FROM users u WHERE u.id = ?", UserStore::map, id);
    }

    public Optional<User> findByEmail(String email) {
        return jdbc.one("SELECT " + COLUMNS + " FROM users u WHERE u.email_key = ?", UserStore::map, key(email));
    }

    /**
     * Records an invited user: invited, not yet verified, active, never logged in. Throws
     * {@link Jdbc.DuplicateException} when the email is taken.
     */
    public User invite(String email, Profile profile) {
        String id = Ids.next();
        jdbc.update("INSERT INTO users (id, email, email_key, given_name, family_name, phone, picture, role, verified, "
                        + "invited, active, logged_in_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id, email, key(email), profile.givenName(), profile.familyName(), profile.phone(), profile.picture(),
                profile.role(), false, true, true, null, Instant.now());
        return find(id).orElseThrow();
    }

    public Optional<User> update(String id, Profile profile) {
        jdbc.update("UPDATE users SET given_name = ?, family_name = ?, phone = ?, picture = ?, role = ? WHERE id = ?",
                profile.givenName(), profile.familyName(), profile.phone(), profile.picture(), profile.role(), id);
        return find(id);
    }

    /** Deletes the user and, by cascade, their team, group and connection memberships. */
    public boolean delete(String id) {
        return jdbc.update("DELETE FROM users WHERE id = ?", id) > 0;
    }

    private static String key(String email) {
        return email.toLowerCase(Locale.ROOT);
    }

    private static User map(ResultSet rs) throws SQLException {
        return new User(rs.getString("id"), rs.getString("email"), rs.getBoolean("verified"),
                rs.getBoolean("invited"), rs.getString("picture"), rs.getString("phone"), rs.getString("role"),
                rs.getBoolean("active"), rs.getString("given_name"), rs.getString("family_name"),
                ApiJson.timestamp(Jdbc.instant(rs, "logged_in_at")), ApiJson.timestamp(Jdbc.instant(rs, "created_at")));
    }
}
