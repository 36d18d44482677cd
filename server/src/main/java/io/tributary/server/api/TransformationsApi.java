package io.tributary.server.api;

import io.javalin.http.Context;
import io.tributary.api.ApiJson;
import io.tributary.server.auth.Permission;
import io.tributary.server.http.ApiException;
import io.tributary.server.http.Json;
import io.tributary.server.http.Paging;
import io.tributary.server.http.Router;
import io.tributary.server.store.ConnectionStore;
import io.tributary.server.store.Ids;
import io.tributary.server.store.Jdbc;
import io.tributary.server.store.TransformationStore;
import io.tributary.server.store.TransformationStore.Row;
import io.tributary.server.transformations.Schedule;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * {@code /v1/transformations}: SQL transformations, which run a SQL script in their group's destination. The shape
 * is Fivetran's transformation object with {@code type: "SQL"} and a {@code transformation_config} of
 * {@code {group_id, name, sql}}; {@code next_run_at} is an extension. Run and cancel only record the request for
 * the orchestrator, which moves {@code status} (SCHEDULING, RUNNING, then SUCCEEDED, FAILED or CANCELED) and
 * {@code last_started_at} / {@code last_ended_at}: a client waits by polling until the status is final and
 * {@code last_ended_at} has advanced.
 */
public final class TransformationsApi {
    static final String TYPE = "SQL";
    private static final int MAX_SQL = 1 << 20;
    private final TransformationStore transformations;
    private final ConnectionStore connections;
    private final GroupsApi groups;

    public record SqlConfig(String groupId, String name, String sql) {
    }

    public record TransformationRequest(String type, Boolean paused, Schedule schedule,
                                        SqlConfig transformationConfig) {
    }

    public record RunRequest(Boolean fullRefresh) {
    }

    public record View(String id, String status, Schedule schedule, String type, boolean paused, String createdAt,
                       String createdById, String lastStartedAt, String lastEndedAt, String nextRunAt,
                       SqlConfig transformationConfig) {
        static View of(Row r) {
            Instant next = r.paused() ? null : r.schedule().nextRun(Instant.now(), r.lastStartedAt(), r.createdAt());
            return new View(r.id(), r.status(), r.schedule(), TYPE, r.paused(), ApiJson.timestamp(r.createdAt()),
                    r.createdBy(), ApiJson.timestamp(r.lastStartedAt()), ApiJson.timestamp(r.lastEndedAt()),
                    ApiJson.timestamp(next), new SqlConfig(r.groupId(), r.name(), r.sql()));
        }
    }

    public TransformationsApi(TransformationStore transformations, ConnectionStore connections, GroupsApi groups) {
        this.transformations = transformations;
        this.connections = connections;
        this.groups = groups;
    }

    public void register(Router router) {
        router.get("/v1/transformations", this::list);
        router.post("/v1/transformations", Permission.MANAGE_DESTINATIONS, this::create);
        router.get("/v1/transformations/{transformationId}",
                ctx -> Json.ok(ctx, View.of(require(ctx.pathParam("transformationId")))));
        router.patch("/v1/transformations/{transformationId}", Permission.MANAGE_DESTINATIONS, this::update);
        router.delete("/v1/transformations/{transformationId}", Permission.MANAGE_DESTINATIONS, this::delete);
        router.post("/v1/transformations/{transformationId}/run", Permission.MANAGE_DESTINATIONS, this::run);
        router.post("/v1/transformations/{transformationId}/cancel", Permission.MANAGE_DESTINATIONS, this::cancel);
        // The legacy dbt API's run, still called by api_framework.
        router.post("/v1/dbt/transformations/{transformationId}/run", Permission.MANAGE_DESTINATIONS, this::run);
    }

    private Row require(String id) {
        return transformations.find(id).orElseThrow(() -> ApiException.notFound("Transformation", id));
    }

    /** Filters: {@code group_id}; {@code type} other than SQL matches none (there are no dbt or Quickstart ones). */
    private void list(Context ctx) {
        Paging paging = Paging.of(ctx);
        String type = ctx.queryParam("type");
        String groupId = ctx.queryParam("group_id");
        List<View> items = type != null && !type.isBlank() && !type.equalsIgnoreCase(TYPE) ? List.of()
                : transformations.list(groupId == null || groupId.isBlank() ? null : groupId, paging.skip(),
                paging.fetch()).stream().map(View::of).toList();
        Json.page(ctx, paging.page(items));
    }

    private void create(Context ctx) {
        TransformationRequest req = Json.body(ctx, TransformationRequest.class);
        checkType(req.type());
        SqlConfig config = req.transformationConfig();
        if (config == null) {
            throw ApiException.required("transformation_config");
        }
        String groupId = required(config.groupId(), "transformation_config.group_id");
        groups.require(groupId);
        if (req.schedule() == null) {
            throw ApiException.required("schedule");
        }
        Schedule schedule = checkedSchedule(req.schedule(), groupId, null);
        Row row = new Row(Ids.next(), groupId, name(config.name()), sql(config.sql()), schedule,
                Boolean.TRUE.equals(req.paused()), "NEW", Instant.now(), Router.caller(ctx).key(), null, null);
        try {
            transformations.insert(row);
        } catch (Jdbc.DuplicateException e) {
            throw duplicateName(groupId, row.name());
        }
        Json.created(ctx, "Transformation created successfully", View.of(require(row.id())));
    }

    private void update(Context ctx) {
        Row old = require(ctx.pathParam("transformationId"));
        TransformationRequest req = Json.body(ctx, TransformationRequest.class);
        checkType(req.type());
        SqlConfig config = req.transformationConfig() == null ? new SqlConfig(null, null, null)
                : req.transformationConfig();
        if (config.groupId() != null && !config.groupId().equals(old.groupId())) {
            throw ApiException.invalid("Field 'transformation_config.group_id' cannot change: create the "
                    + "transformation in the other group instead");
        }
        Row row = old.with(config.name() == null ? old.name() : name(config.name()),
                config.sql() == null ? old.sql() : sql(config.sql()),
                req.schedule() == null ? old.schedule() : checkedSchedule(req.schedule(), old.groupId(), old.id()),
                req.paused() == null ? old.paused() : req.paused());
        try {
            transformations.update(row);
        } catch (Jdbc.DuplicateException e) {
            throw duplicateName(old.groupId(), row.name());
        }
        Json.ok(ctx, "Transformation updated successfully", View.of(require(old.id())));
    }

    private void delete(Context ctx) {
        String id = ctx.pathParam("transformationId");
        if (!transformations.delete(id)) {
            throw ApiException.notFound("Transformation", id);
        }
        Json.message(ctx, "Transformation with id '" + id + "' has been deleted");
    }

    /** Records a run for the orchestrator; a paused transformation can still be run by hand. */
    private void run(Context ctx) {
        Row row = require(ctx.pathParam("transformationId"));
        RunRequest req = Json.body(ctx, RunRequest.class);
        transformations.requestRun(row.id(), Boolean.TRUE.equals(req.fullRefresh()), Router.caller(ctx).key());
        Json.message(ctx, "Transformation with id '" + row.id() + "' has been started");
    }

    private void cancel(Context ctx) {
        Row row = require(ctx.pathParam("transformationId"));
        TransformationStore.Run run = transformations.cancel(row.id()).orElseThrow(() -> ApiException.conflict(
                "Transformation with id '" + row.id() + "' has no pending or running run to cancel"));
        Json.message(ctx, run.status() == TransformationStore.RunStatus.CANCELED
                ? "Transformation with id '" + row.id() + "' has been canceled"
                : "Cancellation of the running transformation with id '" + row.id() + "' has been requested");
    }

    /** The schedule, valid, with its connections and transformations checked to be in the group. */
    private Schedule checkedSchedule(Schedule requested, String groupId, String selfId) {
        Schedule schedule = requested.checked();
        for (String id : schedule.connectionIds()) {
            if (connections.find(id).filter(c -> c.groupId().equals(groupId)).isEmpty()) {
                throw ApiException.invalid("Field 'schedule.connection_ids' names '" + id + "', which is not a "
                        + "connection of group '" + groupId + "'");
            }
        }
        for (String id : schedule.transformationIds()) {
            if (Objects.equals(id, selfId)
                    || transformations.find(id).filter(t -> t.groupId().equals(groupId)).isEmpty()) {
                throw ApiException.invalid("Field 'schedule.transformation_ids' names '" + id + "', which is not "
                        + "another transformation of group '" + groupId + "'");
            }
        }
        return schedule;
    }

    private static void checkType(String type) {
        if (type != null && !type.trim().toUpperCase(Locale.ROOT).equals(TYPE)) {
            throw ApiException.invalid("Field 'type' must be 'SQL', got '" + type + "': this server runs SQL "
                    + "transformations, not dbt Core projects or Quickstart packages");
        }
    }

    private static String name(String name) {
        String value = required(name, "transformation_config.name");
        if (value.length() > 256) {
            throw ApiException.invalid("Field 'transformation_config.name' must be at most 256 characters");
        }
        return value;
    }

    private static String sql(String sql) {
        required(sql, "transformation_config.sql");
        String value = sql; // kept verbatim: the script is the user's
        if (value.length() > MAX_SQL) {
            throw ApiException.invalid("Field 'transformation_config.sql' must be at most 1 MiB");
        }
        return value;
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw ApiException.required(field);
        }
        return value.trim();
    }

    private static ApiException duplicateName(String groupId, String name) {
        return ApiException.conflict("Group '" + groupId + "' already has a transformation named '" + name + "'");
    }
}
