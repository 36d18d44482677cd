package io.tributary.server.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.api.ApiJson;
import io.tributary.server.transformations.Schedule;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * SQL transformations and their run requests. The API records runs; the orchestrator takes pending ones
 * ({@link #pendingRuns()}), and reports {@link #started} and {@link #ended}, which also move the transformation's
 * status and its last start and end times.
 */
public final class TransformationStore {
    private static final ObjectMapper JSON = ApiJson.mapper();
    private final Jdbc jdbc;

    /** A stored transformation. {@code status} uses the API's values (NEW, SCHEDULING, RUNNING, SUCCEEDED…). */
    public record Row(String id, String groupId, String name, String sql, Schedule schedule, boolean paused,
                      String status, Instant createdAt, String createdBy, Instant lastStartedAt,
                      Instant lastEndedAt) {

        public Row with(String newName, String newSql, Schedule newSchedule, boolean newPaused) {
            return new Row(id, groupId, newName, newSql, newSchedule, newPaused, status, createdAt, createdBy,
                    lastStartedAt, lastEndedAt);
        }
    }

    /** A run's own lifecycle. */
    public enum RunStatus { PENDING, RUNNING, SUCCEEDED, FAILED, CANCELED }

    /** One requested run. */
    public record Run(String id, String transformationId, boolean fullRefresh, RunStatus status,
                      boolean cancelRequested, String requestedBy, Instant requestedAt, Instant startedAt,
                      Instant endedAt, String message) {
    }

    public TransformationStore(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** A page, oldest first; {@code groupId} filters when not null. */
    public List<Row> list(String groupId, int skip, int fetch) {
        List<Object> params = new ArrayList<>();
        String where = "";
        if (groupId != null) {
            where = " WHERE group_id = ?";
            params.add(groupId);
        }
        params.add(fetch);
        params.add(skip);
        return jdbc.query("SELECT * FROM transformations" + where + " ORDER BY created_at, id LIMIT ? OFFSET ?",
                TransformationStore::map, params.toArray());
    }

    public Optional<Row> find(String id) {
        return jdbc.one("SELECT * FROM transformations WHERE id = ?", TransformationStore::map, id);
    }

    /** Throws {@link Jdbc.DuplicateException} when the group has a transformation of that name. */
    public void insert(Row r) {
        jdbc.update("INSERT INTO transformations (id, group_id, name, sql_text, schedule, paused, status, created_at, "
                        + "created_by_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", r.id(), r.groupId(), r.name(), r.sql(),
                write(r.schedule()), r.paused(), r.status(), r.createdAt(), r.createdBy());
    }

    /** Updates what the API owns; throws {@link Jdbc.DuplicateException} on a name taken in the group. */
    public void update(Row r) {
        jdbc.update("UPDATE transformations SET name = ?, sql_text = ?, schedule = ?, paused = ? WHERE id = ?",
                r.name(), r.sql(), write(r.schedule()), r.paused(), r.id());
    }

    public boolean delete(String id) {
        return jdbc.update("DELETE FROM transformations WHERE id = ?", id) > 0;
    }

    /** The run not yet started or ended, if any: at most one is ever open, see {@link #requestRun}. */
    public Optional<Run> openRun(String transformationId) {
        return jdbc.one("SELECT * FROM transformation_runs WHERE transformation_id = ? AND status IN ('PENDING', "
                + "'RUNNING') ORDER BY requested_at DESC, id LIMIT 1", TransformationStore::mapRun, transformationId);
    }

    /**
     * Records a run request and marks the transformation SCHEDULING. A request while another run is pending joins
     * it (the result is that run), as a second click on "run" does not queue a second run. The database's unique
     * {@code pending_for} decides between concurrent requests, on one node or several.
     */
    public Run requestRun(String transformationId, boolean fullRefresh, String requestedBy) {
        Run run = new Run(Ids.next(), transformationId, fullRefresh, RunStatus.PENDING, false, requestedBy,
                Instant.now(), null, null, null);
        try {
            jdbc.update("INSERT INTO transformation_runs (id, transformation_id, full_refresh, status, cancel_requested, "
                            + "requested_by, requested_at, pending_for) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", run.id(),
                    transformationId, fullRefresh, run.status().name(), false, requestedBy, run.requestedAt(),
                    transformationId);
        } catch (Jdbc.DuplicateException pendingAlready) {
            Run pending = jdbc.one("SELECT * FROM transformation_runs WHERE pending_for = ?", TransformationStore::mapRun,
                    transformationId).orElse(null);
            if (pending == null) {
                return requestRun(transformationId, fullRefresh, requestedBy); // it started meanwhile: queue anew
            }
            if (fullRefresh && !pending.fullRefresh()) {
                jdbc.update("UPDATE transformation_runs SET full_refresh = ? WHERE id = ?", true, pending.id());
            }
            return findRun(pending.id()).orElseThrow();
        }
        jdbc.update("UPDATE transformations SET status = 'SCHEDULING' WHERE id = ? AND status <> 'RUNNING'",
                transformationId);
        return run;
    }

    /** Cancels a pending run at once; a running one is asked to stop (TERMINATING) and ended by the orchestrator. */
    public synchronized Optional<Run> cancel(String transformationId) {
        Optional<Run> open = openRun(transformationId);
        open.ifPresent(run -> {
            if (run.status() == RunStatus.PENDING) {
                jdbc.update("UPDATE transformation_runs SET status = 'CANCELED', ended_at = ?, pending_for = NULL "
                        + "WHERE id = ?", Instant.now(), run.id());
                jdbc.update("UPDATE transformations SET status = 'CANCELED' WHERE id = ?", transformationId);
            } else {
                jdbc.update("UPDATE transformation_runs SET cancel_requested = ? WHERE id = ?", true, run.id());
                jdbc.update("UPDATE transformations SET status = 'TERMINATING' WHERE id = ?", transformationId);
            }
        });
        return open.flatMap(run -> findRun(run.id()));
    }

    public Optional<Run> findRun(String runId) {
        return jdbc.one("SELECT * FROM transformation_runs WHERE id = ?", TransformationStore::mapRun, runId);
    }

    /** Every pending run, oldest first: the orchestrator's queue. */
    public List<Run> pendingRuns() {
        return jdbc.query("SELECT * FROM transformation_runs WHERE status = 'PENDING' ORDER BY requested_at, id",
                TransformationStore::mapRun);
    }

    /**
     * The orchestrator takes the run: true for the one caller that moved it from PENDING, false when another node
     * took it first or it was canceled.
     */
    public synchronized boolean started(String runId, Instant at) {
        Run run = findRun(runId).orElseThrow(() -> new IllegalArgumentException("no run " + runId));
        int taken = jdbc.update("UPDATE transformation_runs SET status = 'RUNNING', started_at = ?, pending_for = NULL "
                + "WHERE id = ? AND status = 'PENDING'", at, runId);
        if (taken == 0) {
            return false;
        }
        jdbc.update("UPDATE transformations SET status = 'RUNNING', last_started_at = ? WHERE id = ?", at,
                run.transformationId());
        return true;
    }

    /** The run ended with SUCCEEDED, FAILED or CANCELED; {@code message} says why it failed, or is null. */
    public synchronized void ended(String runId, RunStatus outcome, Instant at, String message) {
        if (outcome == RunStatus.PENDING || outcome == RunStatus.RUNNING) {
            throw new IllegalArgumentException("a run ends with SUCCEEDED, FAILED or CANCELED, not " + outcome);
        }
        Run run = findRun(runId).orElseThrow(() -> new IllegalArgumentException("no run " + runId));
        jdbc.update("UPDATE transformation_runs SET status = ?, ended_at = ?, message = ?, pending_for = NULL WHERE id = ?",
                outcome.name(), at, message, runId);
        // Another run requested meanwhile keeps the transformation SCHEDULING.
        boolean another = jdbc.count("SELECT COUNT(*) FROM transformation_runs WHERE transformation_id = ? AND "
                + "status = 'PENDING'", run.transformationId()) > 0;
        jdbc.update("UPDATE transformations SET status = ?, last_ended_at = ? WHERE id = ?",
                another ? "SCHEDULING" : outcome.name(), at, run.transformationId());
    }

    private static String write(Schedule schedule) {
        try {
            return JSON.writeValueAsString(schedule);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Row map(ResultSet rs) throws SQLException {
        Schedule schedule;
        try {
            schedule = JSON.readValue(rs.getString("schedule"), Schedule.class);
        } catch (JsonProcessingException e) {
            throw new SQLException("stored transformation " + rs.getString("id") + " has an unreadable schedule", e);
        }
        return new Row(rs.getString("id"), rs.getString("group_id"), rs.getString("name"), rs.getString("sql_text"),
                schedule, rs.getBoolean("paused"), rs.getString("status"), Jdbc.instant(rs, "created_at"),
                rs.getString("created_by_id"), Jdbc.instant(rs, "last_started_at"), Jdbc.instant(rs, "last_ended_at"));
    }

    private static Run mapRun(ResultSet rs) throws SQLException {
        return new Run(rs.getString("id"), rs.getString("transformation_id"), rs.getBoolean("full_refresh"),
                RunStatus.valueOf(rs.getString("status")), rs.getBoolean("cancel_requested"),
                rs.getString("requested_by"), Jdbc.instant(rs, "requested_at"), Jdbc.instant(rs, "started_at"),
                Jdbc.instant(rs, "ended_at"), rs.getString("message"));
    }
}
