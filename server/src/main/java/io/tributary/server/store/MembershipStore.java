package io.tributary.server.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One membership table: a member (user or team) holds a role in a target (group, connection, or team for its
 * users). The five tables share this shape; their names come from the factories below, never from input.
 */
public final class MembershipStore {
    private final Jdbc jdbc;
    private final String table;
    private final String memberColumn;
    private final String targetColumn;

    /** A membership of {@code memberId} in {@code targetId}. */
    public record Row(String memberId, String targetId, String role, Instant createdAt) {
    }

    private MembershipStore(Jdbc jdbc, String table, String memberColumn, String targetColumn) {
        this.jdbc = jdbc;
        this.table = table;
        this.memberColumn = memberColumn;
        this.targetColumn = targetColumn;
    }

    public static MembershipStore userGroups(Jdbc jdbc) {
        return new MembershipStore(jdbc, "user_group_memberships", "user_id", "group_id");
    }

    public static MembershipStore userConnections(Jdbc jdbc) {
        return new MembershipStore(jdbc, "user_connection_memberships", "user_id", "connection_id");
    }

    public static MembershipStore teamGroups(Jdbc jdbc) {
        return new MembershipStore(jdbc, "team_group_memberships", "team_id", "group_id");
    }

    public static MembershipStore teamConnections(Jdbc jdbc) {
        return new MembershipStore(jdbc, "team_connection_memberships", "team_id", "connection_id");
    }

    /** A team's users: the team is the member column, the user the target. */
    public static MembershipStore teamUsers(Jdbc jdbc) {
        return new MembershipStore(jdbc, "team_users", "team_id", "user_id");
    }

    /** A page of the member's memberships, oldest first. */
    public List<Row> list(String memberId, int skip, int fetch) {
        return jdbc.query("SELECT " + columns() + " FROM " + table + " WHERE " + memberColumn + " = ? ORDER BY "
                + "created_at, " + targetColumn + " LIMIT ? OFFSET ?", this::map, memberId, fetch, skip);
    }

    public Optional<Row> find(String memberId, String targetId) {
        return jdbc.one("SELECT " + columns() + " FROM " + table + " WHERE " + memberColumn + " = ? AND "
                + targetColumn + " = ?", this::map, memberId, targetId);
    }

    /** Throws {@link Jdbc.DuplicateException} when the membership exists. */
    public Row add(String memberId, String targetId, String role) {
        jdbc.update("INSERT INTO " + table + " (" + memberColumn + ", " + targetColumn + ", role, created_at) "
                + "VALUES (?, ?, ?, ?)", memberId, targetId, role, Instant.now());
        return find(memberId, targetId).orElseThrow();
    }

    /** The membership with its new role; empty when there is none. */
    public Optional<Row> changeRole(String memberId, String targetId, String role) {
        jdbc.update("UPDATE " + table + " SET role = ? WHERE " + memberColumn + " = ? AND " + targetColumn + " = ?",
                role, memberId, targetId);
        return find(memberId, targetId);
    }

    public boolean delete(String memberId, String targetId) {
        return jdbc.update("DELETE FROM " + table + " WHERE " + memberColumn + " = ? AND " + targetColumn + " = ?",
                memberId, targetId) > 0;
    }

    private String columns() {
        return memberColumn + ", " + targetColumn + ", role, created_at";
    }

    private Row map(ResultSet rs) throws SQLException {
        return new Row(rs.getString(memberColumn), rs.getString(targetColumn), rs.getString("role"),
                Jdbc.instant(rs, "created_at"));
    }
}
