package io.tributary.server.store;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Syncs of connections: the lease a node holds while it runs one, and the history after. The database decides
 * who runs a connection ({@code running_for} is unique), so nodes sharing one PostgreSQL never run it twice.
 */
public final class SyncRunStore {
    private final Jdbc jdbc;

    public enum Status { RUNNING, SUCCEEDED, FAILED }

    /** One sync. {@code fence} grows with each sync of the connection; destinations refuse older ones' commits. */
    public record Run(String id, String connectionId, long fence, String trigger, String node, Status status,
                      Instant startedAt, Instant heartbeatAt, Instant endedAt, Counts counts, String error) {
    }

    public record Counts(long upserts, long updates, long deletes, long truncates, long checkpoints) {
        public static final Counts NONE = new Counts(0, 0, 0, 0, 0);
    }

    public SyncRunStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** Takes the connection for a new sync, or empty when a sync of it is running (on any node). */
    public Optional<Run> claim(String connectionId, String trigger, String node, Instant now) {
        long fence = jdbc.count("SELECT COALESCE(MAX(fence), 0) FROM sync_runs WHERE connection_id = ?",
                connectionId) + 1;
        Run run = new Run(Ids.next(), connectionId, fence, trigger, node, Status.RUNNING, now, now, null,
                Counts.NONE, null);
        try {
            jdbc.update("INSERT INTO sync_runs (id, connection_id, fence, running_for, run_trigger, node, status, "
                            + "started_at, heartbeat_at, upserts, updates, deletes, truncates, checkpoints) "
                            + "VALUES (?, ?, ?, ?, ?, ?, 'RUNNING', ?, ?, 0, 0, 0, 0, 0)", run.id(), connectionId,
                    fence, connectionId, trigger, node, now, now);
            return Optional.of(run);
        } catch (Jdbc.DuplicateException taken) {
            return Optional.empty();
        }
    }

    /** Renews the lease and records progress; false when the lease was lost (the run was reaped). */
    public boolean heartbeat(String runId, Counts counts, Instant now) {
        return jdbc.update("UPDATE sync_runs SET heartbeat_at = ?, upserts = ?, updates = ?, deletes = ?, "
                        + "truncates = ?, checkpoints = ? WHERE id = ? AND status = 'RUNNING'", now,
                counts.upserts(), counts.updates(), counts.deletes(), counts.truncates(), counts.checkpoints(),
                runId) > 0;
    }

    /** Ends the run and frees the connection; false when it had already been ended (reaped). */
    public boolean finish(String runId, Status status, Counts counts, String error, Instant now) {
        return jdbc.update("UPDATE sync_runs SET status = ?, running_for = NULL, ended_at = ?, heartbeat_at = ?, "
                        + "upserts = ?, updates = ?, deletes = ?, truncates = ?, checkpoints = ?, error = ? "
                        + "WHERE id = ? AND status = 'RUNNING'", status.name(), now, now, counts.upserts(),
                counts.updates(), counts.deletes(), counts.truncates(), counts.checkpoints(), error, runId) > 0;
    }

    /** Runs whose node stopped renewing their lease before {@code staleBefore}. */
    public List<Run> stale(Instant staleBefore) {
        return jdbc.query("SELECT * FROM sync_runs WHERE status = 'RUNNING' AND heartbeat_at < ?",
                SyncRunStore::map, staleBefore);
    }

    /** Fails a run whose lease expired, unless it was renewed meanwhile; true when this call reaped it. */
    public boolean reap(Run run, Instant staleBefore, Instant now) {
        return jdbc.update("UPDATE sync_runs SET status = 'FAILED', running_for = NULL, ended_at = ?, error = ? "
                        + "WHERE id = ? AND status = 'RUNNING' AND heartbeat_at < ?", now,
                "node " + run.node() + " stopped renewing its lease (it died or lost the store); the sync was "
                        + "abandoned and nothing after its last checkpoint was kept", run.id(), staleBefore) > 0;
    }

    public Optional<Run> find(String runId) {
        return jdbc.one("SELECT * FROM sync_runs WHERE id = ?", SyncRunStore::map, runId);
    }

    /** The running sync of the connection, if any. */
    public Optional<Run> running(String connectionId) {
        return jdbc.one("SELECT * FROM sync_runs WHERE running_for = ?", SyncRunStore::map, connectionId);
    }

    /** The most recent run of the connection, if any. */
    public Optional<Run> latest(String connectionId) {
        return history(connectionId, 0, 1).stream().findFirst();
    }

    /** The connection's syncs, newest first. */
    public List<Run> history(String connectionId, int skip, int fetch) {
        return jdbc.query("SELECT * FROM sync_runs WHERE connection_id = ? ORDER BY started_at DESC, fence DESC "
                + "LIMIT ? OFFSET ?", SyncRunStore::map, connectionId, fetch, skip);
    }

    private static Run map(ResultSet rs) throws SQLException {
        return new Run(rs.getString("id"), rs.getString("connection_id"), rs.getLong("fence"),
                rs.getString("run_trigger"), rs.getString("node"), Status.valueOf(rs.getString("status")),
                Jdbc.instant(rs, "started_at"), Jdbc.instant(rs, "heartbeat_at"), Jdbc.instant(rs, "ended_at"),
                new Counts(rs.getLong("upserts"), rs.getLong("updates"), rs.getLong("deletes"),
                        rs.getLong("truncates"), rs.getLong("checkpoints")), rs.getString("error"));
    }
}
