package io.tributary.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.tributary.api.model.ConnectionState;
import io.tributary.server.auth.Permission;
import io.tributary.server.connections.ConnectorService;
import io.tributary.server.http.ApiException;
import io.tributary.server.http.Json;
import io.tributary.server.http.Router;
import io.tributary.server.store.ConnectionStateStore;
import io.tributary.server.store.ConnectionStore.Row;

/**
 * {@code GET|PATCH /v1/connections/{id}/state}: the connector's state (its cursors). It may be changed only while
 * the connection is paused, so that no running sync overwrites it or reads half of it.
 */
public final class ConnectionStateApi {
    private final ConnectionsApi connectionsApi;
    private final ConnectionStateStore states;

    public ConnectionStateApi(ConnectionsApi connectionsApi, ConnectionStateStore states) {
        this.connectionsApi = connectionsApi;
        this.states = states;
    }

    public void register(Router router) {
        router.get("/v1/connections/{connectionId}/state", ctx -> Json.ok(ctx, new ConnectionState(
                stored(require(ctx)))));
        router.patch("/v1/connections/{connectionId}/state", Permission.MANAGE_CONNECTIONS, this::update);
    }

    private Row require(Context ctx) {
        Row row = connectionsApi.require(ctx.pathParam("connectionId"));
        if (!ConnectorService.of(row.service()).supportsState()) {
            throw new ApiException(400, "BadRequest", "Connection with id '" + row.id() + "' (" + row.service()
                    + ") keeps no state; only Connector SDK connections do");
        }
        return row;
    }

    /** The stored state; 400 while none was written, as the definition says. */
    private JsonNode stored(Row row) {
        String json = states.find(row.id()).orElseThrow(() -> new ApiException(400, "BadRequest",
                "Connection with id '" + row.id() + "' has no state yet: its first sync's checkpoint or "
                        + "PATCH /v1/connections/" + row.id() + "/state writes one"));
        try {
            return Json.MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored state of connection " + row.id() + " is not readable JSON", e);
        }
    }

    private void update(Context ctx) {
        Row row = require(ctx);
        JsonNode state = Json.body(ctx).get("state");
        if (!row.settings().paused()) {
            throw ApiException.conflict("Connection with id '" + row.id() + "' must be paused before its state is "
                    + "updated: PATCH /v1/connections/" + row.id() + " with {\"paused\": true} first");
        }
        // "If omitted or set to null, the existing state is preserved."
        if (state != null && !state.isNull()) {
            if (!state.isObject()) {
                throw ApiException.invalid("Field 'state' must be a JSON object");
            }
            states.write(row.id(), state.toString(), ConnectionStateStore.Writer.API);
        }
        Json.ok(ctx, "Connection state has been updated", new ConnectionState(stored(row)));
    }
}
