package io.tributary.server.api;

import io.javalin.http.Context;
import io.tributary.api.ApiJson;
import io.tributary.server.auth.ApiKeys;
import io.tributary.server.auth.Permission;
import io.tributary.server.http.ApiException;
import io.tributary.server.http.Json;
import io.tributary.server.http.Paging;
import io.tributary.server.http.Router;
import io.tributary.server.store.Ids;
import io.tributary.server.store.PackageStore;
import io.tributary.server.store.PackageStore.Row;
import java.time.Instant;

/**
 * {@code /v1/connector-sdk/packages}: Connector SDK packages, uploaded as the multipart/form-data field
 * {@code file} (see {@link PackageUpload}), listed, shown, replaced by a new version (which the connection runs
 * from its next sync), downloaded, and deleted. A package runs for at most one connection, the one whose
 * {@code config.package_id} names it, and cannot be deleted while that connection exists.
 */
public final class ConnectorSdkPackagesApi {
    public static final String PATH = "/v1/connector-sdk/packages";
    private final PackageStore packages;
    private final PackageUpload uploads;

    /** A package as the API shows it; {@code connection_id} is omitted while no connection runs it. */
    public record View(String id, String connectionId, String createdBy, String lastUpdatedBy, String createdAt,
                       String updatedAt, String fileSha256Hash) {
        static View of(Row r) {
            return new View(r.id(), r.connectionId(), r.createdBy(), r.lastUpdatedBy(),
                    ApiJson.timestamp(r.createdAt()), ApiJson.timestamp(r.updatedAt()), r.sha256());
        }
    }

    public ConnectorSdkPackagesApi(PackageStore packages, long maxBytes) {
        this.packages = packages;
        this.uploads = new PackageUpload(maxBytes);
    }

    public void register(Router router) {
        router.get(PATH, this::list);
        router.post(PATH, Permission.MANAGE_CONNECTIONS, this::create);
        router.get(PATH + "/{packageId}", ctx -> Json.ok(ctx, View.of(require(ctx.pathParam("packageId")))));
        router.patch(PATH + "/{packageId}", Permission.MANAGE_CONNECTIONS, this::update);
        router.delete(PATH + "/{packageId}", Permission.MANAGE_CONNECTIONS, this::delete);
        router.get(PATH + "/{packageId}/download", this::download);
    }

    /** The package, or 404 {@code NotFound_ConnectorSdkPackage}. */
    public Row require(String id) {
        return packages.find(id).orElseThrow(() -> notFound(id, ""));
    }

    /**
     * Checks that connection {@code connectionId} (null for a new one) may run package {@code packageId}: it exists,
     * and no other connection runs it.
     */
    public void requireFreeFor(String packageId, String connectionId) {
        Row row = packages.find(packageId).orElseThrow(() -> notFound(packageId, "; upload the package with POST "
                + PATH + " and set config.package_id to the id it answers"));
        if (row.connectionId() != null && !row.connectionId().equals(connectionId)) {
            throw ApiException.invalid("Field 'config.package_id': Connector SDK package '" + packageId + "' is "
                    + "already used by connection '" + row.connectionId() + "', and a package serves one connection "
                    + "at a time; upload the package again for this connection, or first delete connection '"
                    + row.connectionId() + "' (or change its config.package_id)");
        }
    }

    private static ApiException notFound(String id, String hint) {
        return new ApiException(404, "NotFound_ConnectorSdkPackage", "Connector SDK package with id '" + id
                + "' doesn't exist" + hint);
    }

    private void list(Context ctx) {
        Paging paging = Paging.of(ctx);
        Json.page(ctx, paging.page(packages.list(paging.skip(), paging.fetch()).stream().map(View::of).toList()));
    }

    private void create(Context ctx) {
        try (PackageUpload.Received upload = uploads.receive(ctx)) {
            Instant now = Instant.now();
            String by = Router.caller(ctx).key();
            Row row = new Row(Ids.next(), upload.sha256(), upload.size(), upload.connectorClass(), by, now, by, now,
                    null);
            packages.insert(row, upload.zip());
            Json.created(ctx, "Package created successfully", View.of(require(row.id())));
        }
    }

    private void update(Context ctx) {
        Row old = require(ctx.pathParam("packageId"));
        ApiKeys.Caller caller = Router.caller(ctx);
        if (!caller.key().equals(old.createdBy()) && !caller.role().allows(Permission.MANAGE_ACCOUNT)) {
            throw new ApiException(403, "Forbidden", "Connector SDK package '" + old.id() + "' was uploaded with "
                    + "another API key; update it with that key or an Account Administrator's");
        }
        try (PackageUpload.Received upload = uploads.receive(ctx)) {
            if (!packages.replace(old.id(), upload.sha256(), upload.size(), upload.connectorClass(), caller.key(),
                    Instant.now(), upload.zip())) {
                throw notFound(old.id(), "");
            }
        }
        Json.ok(ctx, "Package updated successfully", View.of(require(old.id())));
    }

    private void delete(Context ctx) {
        String id = ctx.pathParam("packageId");
        switch (packages.delete(id)) {
            case DELETED -> Json.message(ctx, "Package deleted successfully");
            case MISSING -> throw notFound(id, "");
            case IN_USE -> {
                String connection = packages.find(id).map(Row::connectionId).orElse("?");
                throw new ApiException(403, "Forbidden", "Connector SDK package '" + id + "' is used by connection '"
                        + connection + "' and cannot be deleted; delete the connection first (DELETE "
                        + "/v1/connections/" + connection + "), or point its config.package_id at another package");
            }
            default -> throw new IllegalStateException();
        }
    }

    private void download(Context ctx) {
        Row row = require(ctx.pathParam("packageId"));
        ctx.status(200).contentType("application/zip")
                .header("Content-Disposition", "attachment; filename=\"" + row.id() + ".zip\"");
        if (packages.download(row.id(), ctx.outputStream()).isEmpty()) {
            throw notFound(row.id(), ""); // deleted since require(); nothing has been written yet
        }
    }
}
