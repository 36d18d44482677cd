package io.tributary.server.api;

import io.javalin.http.Context;
import io.tributary.server.connections.ConnectorService;
import io.tributary.server.connections.ConnectorType;
import io.tributary.server.http.ApiException;
import io.tributary.server.http.Json;
import io.tributary.server.http.Paging;
import io.tributary.server.http.Router;
import java.util.List;

/**
 * {@code /v1/metadata/connector-types}: the connector services this server runs. The legacy
 * {@code /v1/metadata/connectors} paths, still called by older clients, serve the same.
 */
public final class MetadataApi {

    public void register(Router router) {
        for (String base : List.of("/v1/metadata/connector-types", "/v1/metadata/connectors")) {
            router.get(base, this::list);
            router.get(base + "/{service}", this::details);
        }
    }

    private void list(Context ctx) {
        Paging paging = Paging.of(ctx);
        List<ConnectorType> all = ConnectorService.all().stream().map(s -> s.metadata().summary()).toList();
        Json.page(ctx, paging.pageOf(all));
    }

    private void details(Context ctx) {
        String service = ctx.pathParam("service");
        ConnectorType type = ConnectorService.all().stream().map(ConnectorService::metadata)
                .filter(t -> t.id().equals(service)).findFirst()
                .orElseThrow(() -> ApiException.notFound("ConnectorType", service));
        Json.ok(ctx, type);
    }
}
