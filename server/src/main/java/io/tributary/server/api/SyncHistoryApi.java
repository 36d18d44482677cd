package io.tributary.server.api;

import io.javalin.http.Context;
import io.tributary.api.Page;
import io.tributary.api.model.SyncLogLine;
import io.tributary.api.model.SyncRun;
import io.tributary.server.http.ApiException;
import io.tributary.server.http.Json;
import io.tributary.server.http.Paging;
import io.tributary.server.http.Router;
import io.tributary.server.store.ConnectionStore.Row;
import io.tributary.server.store.SyncLogStore;
import io.tributary.server.store.SyncRunStore;
import java.time.Duration;
import java.util.List;

/**
 * A connection's syncs and what they logged, which Fivetran's API does not expose (its users are told to build a
 * webhook receiver, connector_sdk#296). Tributary extensions, in the API's envelope and paging:
 * {@code GET /v1/connections/{id}/sync-history}, {@code …/sync-history/{syncId}} and
 * {@code GET /v1/connections/{id}/logs[?sync_id=…]} (the latest sync's lines when no sync is named).
 */
public final class SyncHistoryApi {
    private final ConnectionsApi connectionsApi;
    private final SyncRunStore runs;
    private final SyncLogStore logs;

    public SyncHistoryApi(ConnectionsApi connectionsApi, SyncRunStore runs, SyncLogStore logs) {
        this.connectionsApi = connectionsApi;
        this.runs = runs;
        this.logs = logs;
    }

    public void register(Router router) {
        router.get("/v1/connections/{connectionId}/sync-history", this::history);
        router.get("/v1/connections/{connectionId}/sync-history/{syncId}", ctx ->
                Json.ok(ctx, view(run(require(ctx), ctx.pathParam("syncId")))));
        router.get("/v1/connections/{connectionId}/logs", this::logs);
    }

    private Row require(Context ctx) {
        return connectionsApi.require(ctx.pathParam("connectionId"));
    }

    private SyncRunStore.Run run(Row connection, String syncId) {
        return runs.find(syncId).filter(r -> r.connectionId().equals(connection.id())).orElseThrow(() ->
                new ApiException(404, "NotFound_Sync", "Sync with id '" + syncId + "' of connection '"
                        + connection.id() + "' doesn't exist"));
    }

    private void history(Context ctx) {
        Row connection = require(ctx);
        Paging paging = Paging.of(ctx);
        List<SyncRun> fetched = runs.history(connection.id(), paging.skip(), paging.fetch()).stream()
                .map(SyncHistoryApi::view).toList();
        Json.page(ctx, paging.page(fetched));
    }

    private void logs(Context ctx) {
        Row connection = require(ctx);
        String syncId = ctx.queryParam("sync_id");
        SyncRunStore.Run run = syncId == null || syncId.isBlank()
                ? runs.latest(connection.id()).orElse(null) : run(connection, syncId);
        Paging paging = Paging.of(ctx);
        if (run == null) {
            Json.page(ctx, new Page<>(List.of(), null));
            return;
        }
        List<SyncLogLine> fetched = logs.lines(run.id(), paging.skip(), paging.fetch()).stream()
                .map(l -> new SyncLogLine(l.syncId(), l.seq(), l.loggedAt(), l.level(), l.logger(), l.message()))
                .toList();
        Json.page(ctx, paging.page(fetched));
    }

    static SyncRun view(SyncRunStore.Run r) {
        Long duration = r.endedAt() == null ? null : Duration.between(r.startedAt(), r.endedAt()).toMillis();
        SyncRunStore.Counts c = r.counts();
        return new SyncRun(r.id(), r.connectionId(), r.status().name(), r.trigger(), r.node(), r.startedAt(),
                r.endedAt(), duration, c.upserts(), c.updates(), c.deletes(), c.truncates(), c.checkpoints(),
                r.error());
    }
}
