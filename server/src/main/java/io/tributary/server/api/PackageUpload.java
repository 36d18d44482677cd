package io.tributary.server.api;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import io.tributary.server.http.ApiException;
import io.tributary.server.packages.PackageArchive;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A package upload: the multipart/form-data field {@code file}, at most {@code maxBytes} (413 beyond), copied to a
 * temporary file while hashed, and checked as a package (400 saying what is wrong).
 */
final class PackageUpload {
    /** Room for the multipart boundaries and headers around the file. */
    private static final long MULTIPART_OVERHEAD = 64 * 1024;
    private final long maxBytes;

    /** An uploaded zip, checked, in a temporary file that {@link #close()} deletes. */
    record Received(Path zip, String sha256, long size, String connectorClass) implements AutoCloseable {
        @Override
        public void close() {
            try {
                Files.deleteIfExists(zip);
            } catch (IOException e) {
                zip.toFile().deleteOnExit();
            }
        }
    }

    PackageUpload(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Reads the multipart field {@code file} into a temporary file and checks it as a package. */
    Received receive(Context ctx) {
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
        Received upload = store(file);
        try {
            PackageArchive.Manifest manifest = PackageArchive.check(upload.zip());
            return new Received(upload.zip(), upload.sha256(), upload.size(), manifest.connectorClass());
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
    private static Received store(UploadedFile file) {
        Path zip = null;
        try {
            zip = Files.createTempFile("tributary-package-", ".zip");
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            try (InputStream in = file.content();
                 OutputStream out = new DigestOutputStream(Files.newOutputStream(zip), sha256)) {
                in.transferTo(out);
            }
            return new Received(zip, HexFormat.of().formatHex(sha256.digest()), Files.size(zip), null);
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
