package io.tributary.server.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.javalin.http.Context;
import io.tributary.server.http.Json;
import io.tributary.server.http.Paging;
import io.tributary.server.http.Router;
import io.tributary.server.schemas.SchemaConfig;
import io.tributary.server.store.SchemaConfigStore;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The legacy source metadata, {@code GET /v1/metadata/connectors/{id}/schemas|tables|columns}: absent from the
 * current definition but still called by api_framework's sql_writer and Airflow's {@code get_metadata}. Each lists
 * the captured source objects with their names in the source and in the destination; tables and columns point to
 * their parent by id. Ids are opaque and stable: base64url of the object's names.
 */
public final class SourceMetadataApi {
    private final ConnectionsApi connections;
    private final SchemaConfigStore configs;

    /** One source object. {@code isPrimaryKey} is set for columns only. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SourceObject(String id, String parentId, String nameInSource, String nameInDestination,
                               Boolean isPrimaryKey) {
    }

    public SourceMetadataApi(ConnectionsApi connections, SchemaConfigStore configs) {
        this.connections = connections;
        this.configs = configs;
    }

    public void register(Router router) {
        // The router serves each /connections/ path under /connectors/ too, the legacy form clients call.
        String base = "/v1/metadata/connections/{connectionId}";
        router.get(base + "/schemas", ctx -> page(ctx, schemas(require(ctx))));
        router.get(base + "/tables", ctx -> page(ctx, tables(require(ctx))));
        router.get(base + "/columns", ctx -> page(ctx, columns(require(ctx))));
    }

    private SchemaConfig require(Context ctx) {
        String id = connections.require(ctx.pathParam("connectionId")).id();
        return configs.find(id).orElseThrow(() -> SchemaConfigApi.missing(id));
    }

    private static void page(Context ctx, List<SourceObject> all) {
        Json.page(ctx, Paging.of(ctx).pageOf(all));
    }

    private static List<SourceObject> schemas(SchemaConfig config) {
        List<SourceObject> out = new ArrayList<>();
        for (SchemaConfig.Schema s : config.schemas().values()) {
            out.add(new SourceObject(id(s.name()), null, s.name(), s.nameInDestination(), null));
        }
        return out;
    }

    private static List<SourceObject> tables(SchemaConfig config) {
        List<SourceObject> out = new ArrayList<>();
        for (SchemaConfig.Schema s : config.schemas().values()) {
            for (SchemaConfig.Table t : s.tables().values()) {
                out.add(new SourceObject(id(s.name(), t.name()), id(s.name()), t.name(), t.nameInDestination(), null));
            }
        }
        return out;
    }

    private static List<SourceObject> columns(SchemaConfig config) {
        List<SourceObject> out = new ArrayList<>();
        for (SchemaConfig.Schema s : config.schemas().values()) {
            for (SchemaConfig.Table t : s.tables().values()) {
                for (SchemaConfig.Column c : t.columns().values()) {
                    out.add(new SourceObject(id(s.name(), t.name(), c.name()), id(s.name(), t.name()), c.name(),
                            c.nameInDestination(), Boolean.TRUE.equals(c.primaryKey())));
                }
            }
        }
        return out;
    }

    /** The names joined by NUL, a character source names do not hold in practice. */
    static String id(String... names) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join("\0", names).getBytes(StandardCharsets.UTF_8));
    }
}
