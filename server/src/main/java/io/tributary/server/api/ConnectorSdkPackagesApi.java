package io.tributary.server.api;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import io.tributary.api.ApiJson;
import io.tributary.server.auth.ApiKeys;
import io.tributary.server.auth.Permission;
import io.tributary.server.http.ApiException;
import io.tributary.server.http.Json;
import io.tributary.server.http.Paging;
import io.tributary.server.http.Router;
import io.tributary.server.packages.PackageArchive;
import io.tributary.server.store.Ids;
import io.tributary.server.store.PackageStore;
import io.tributary.server.store.PackageStore.Row;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;

/**
 * {@code /v1/connector-sdk/packages}: Connector SDK packages, uploaded as the multipart/form-data field
 * {@code file} (a zip in {@link PackageArchive}'s format, checked on upload), listed, shown, replaced by a new
 * version (which the connection runs from its next sync), downloaded, and deleted. A package runs for at most one
 * connection, the one whose {@code config.package_id} names it, and cannot be deleted while that connection exists.
 */
public final class ConnectorSdkPackagesApi {
    public static final String PATH = "/v1/connector-sdk/packages";
    private final PackageStore packages;
    private final long maxBytes;

    /** A package as the API shows it; {@code connection_id} is omitted while no connection runs it. */
    public record View(String id, String connectionId, String createdBy, String lastUpdatedBy, String createdAt,
                       String updatedAt, String fileSha256Hash) {
        static View of(Row r) {
            return new View(r.id(), r.connectionId(), r.createdBy(), r.lastUpdatedBy(),
                    ApiJson.timestamp(r.createdAt()), ApiJson.timestamp(r.updatedAt()), r.sha256());
        }
    }

    /** An uploaded zip, checked, in a temporary file. */
    private record Upload(Path zip, String sha256, long size, String connectorClass) implements AutoCloseable {
        @Override
        public void close() {
            try {
                Files.deleteIfExists(zip);
            } catch (IOException e) {
                zip.toFile().deleteOnExit();
            }
        }
    }

    public ConnectorSdkPackagesApi(PackageStore packages, long maxBytes) {
        this.packages = packages;
        this.maxBytes = maxBytes;
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
        try (Upload upload = receive(ctx)) {
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
        try (Upload upload = receive(ctx)) {
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

    /** Reads the multipart field {@code file} into a temporary file and checks it as a package. */
    private Upload receive(Context ctx) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw ApiException.invalid("Send the package as multipart/form-data with the zip in the field 'file', "
                    + "e.g. curl -F file=@package.zip");
        }
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes + MULTIPART_OVERHEAD) {
            throw tooLarge(ctx);
        }
        UploadedFile file;
        try {
            file = ctx.uploadedFile("file");
        } catch (Exception e) { // Javalin passes on Jetty's checked ServletException
            if (exceedsLimit(e)) {
                throw tooLarge(ctx);
            }
            throw ApiException.invalid("The multipart/form-data body could not be read (" + e.getMessage() + "); "
                    + "send the zip in the field 'file'");
        }
        if (file == null) {
            throw ApiException.required("file");
        }
        if (file.size() > maxBytes) {
            throw tooLarge(ctx);
        }
        Upload upload = store(file);
        try {
            PackageArchive.Manifest manifest = PackageArchive.check(upload.zip());
            return new Upload(upload.zip(), upload.sha256(), upload.size(), manifest.connectorClass());
        } catch (PackageArchive.InvalidPackageException e) {
            upload.close();
            throw ApiException.invalid("Field 'file' is not a valid Connector SDK package: " + e.getMessage());
        } catch (RuntimeException e) {
            upload.close();
            throw e;
        }
    }

    /** Whether Jetty stopped reading a part that passed the multipart limit (set to maxBytes). */
    private static boolean exceedsLimit(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (String.valueOf(t.getMessage()).contains("size exceeded")) {
                return true;
            }
        }
        return false;
    }

    /** Room for the multipart boundaries and headers around the file. */
    private static final long MULTIPART_OVERHEAD = 64 * 1024;

    /**
     * The 413, after reading what the client still sends (up to a bound): a client still writing its body when
     * the connection closes may lose the answer. The connection is not reused: after Jetty's multipart limit
     * stops a part, the rest of the body cannot be read, and Jetty closes the connection.
     */
    private ApiException tooLarge(Context ctx) {
        ctx.header("Connection", "close");
        try (InputStream rest = ctx.req().getInputStream()) {
            byte[] sink = new byte[64 * 1024];
            long left = 4 * maxBytes;
            for (int n; left > 0 && (n = rest.read(sink)) > 0; ) {
                left -= n;
            }
        } catch (IOException | RuntimeException alreadyClosedOrConsumed) {
            // nothing more to read
        }
        return new ApiException(413, "PayloadTooLarge", "The package is larger than the " + maxBytes + " bytes "
                + "this server accepts; leave test data and unused dependencies out of it, or start the server with "
                + "a larger --max-package-mb");
    }

    /** Copies the upload to a temporary file, hashing it on the way. */
    private static Upload store(UploadedFile file) {
        Path zip = null;
        try {
            zip = Files.createTempFile("tributary-package-", ".zip");
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            try (InputStream in = file.content();
                 OutputStream out = new DigestOutputStream(Files.newOutputStream(zip), sha256)) {
                in.transferTo(out);
            }
            return new Upload(zip, HexFormat.of().formatHex(sha256.digest()), Files.size(zip), null);
        } catch (IOException e) {
            if (zip != null) {
                zip.toFile().delete();
            }
            throw new UncheckedIOException("cannot store the uploaded package in a temporary file", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
