package io.tributary.server.packages;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A Connector SDK package as the Tributary CLI builds it: a zip holding {@code tributary-package.json}
 * ({@code {"format": 1, "connector_class": "com.example.MyConnector"}}, other keys ignored), the project's compiled
 * classes and resources under {@code classes/}, and its runtime dependency jars under {@code lib/}.
 */
public final class PackageArchive {
    public static final String MANIFEST = "tributary-package.json";
    public static final int FORMAT = 1;
    /** What a package may unpack to: a guard against zip bombs, far above any real connector. */
    static final long MAX_UNPACKED_BYTES = 4L << 30;
    private static final Pattern CLASS_NAME = Pattern.compile("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*");
    private static final Pattern DRIVE = Pattern.compile("[A-Za-z]:.*");
    private static final ObjectMapper JSON = new ObjectMapper();

    private PackageArchive() {
    }

    /** What a valid package declares. */
    public record Manifest(String connectorClass) {
    }

    /** A package the server refuses; the message says what is wrong and what to do. */
    public static final class InvalidPackageException extends RuntimeException {
        InvalidPackageException(String message) {
            super(message, null, false, false);
        }
    }

    /** Checks an uploaded zip and reads its manifest; throws {@link InvalidPackageException} on the first problem. */
    public static Manifest check(Path zip) {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            long unpacked = 0;
            for (Enumeration<? extends ZipEntry> e = file.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                checkName(entry.getName());
                unpacked += Math.max(0, entry.getSize());
            }
            if (unpacked > MAX_UNPACKED_BYTES) {
                throw new InvalidPackageException("the package unpacks to " + unpacked + " bytes, more than the "
                        + MAX_UNPACKED_BYTES + " a package may hold; leave data files out of the package");
            }
            ZipEntry manifest = file.getEntry(MANIFEST);
            if (manifest == null) {
                throw new InvalidPackageException("the zip has no " + MANIFEST + " at its top level; build the "
                        + "package with the Tributary CLI, which writes it");
            }
            Manifest read;
            try (InputStream in = file.getInputStream(manifest)) {
                read = manifest(in);
            }
            String classFile = "classes/" + read.connectorClass().replace('.', '/') + ".class";
            if (file.getEntry(classFile) == null) {
                throw new InvalidPackageException(MANIFEST + " names connector_class " + read.connectorClass()
                        + ", but the zip has no " + classFile + "; compile the connector into the package's classes/, "
                        + "or correct connector_class");
            }
            return read;
        } catch (ZipException e) {
            throw new InvalidPackageException("the file is not a zip archive (" + e.getMessage() + "); upload the "
                    + ".zip package the Tributary CLI builds");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the uploaded package", e);
        }
    }

    private static Manifest manifest(InputStream in) {
        JsonNode node;
        try {
            node = JSON.readTree(in);
        } catch (IOException e) {
            throw new InvalidPackageException(MANIFEST + " is not valid JSON: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw new InvalidPackageException(MANIFEST + " must be a JSON object such as {\"format\": " + FORMAT
                    + ", \"connector_class\": \"com.example.MyConnector\"}");
        }
        JsonNode format = node.path("format");
        if (!format.isIntegralNumber()) {
            throw new InvalidPackageException(MANIFEST + " has no \"format\": " + FORMAT + "; build the package with "
                    + "the Tributary CLI");
        }
        if (format.asInt() != FORMAT) {
            throw new InvalidPackageException(MANIFEST + " has format " + format.asText() + ", but this server reads "
                    + "format " + FORMAT + "; build the package with a Tributary CLI of the server's version");
        }
        JsonNode connector = node.path("connector_class");
        if (!connector.isTextual() || connector.asText().isBlank()) {
            throw new InvalidPackageException(MANIFEST + " has no connector_class; set it to the connector's class "
                    + "name, such as com.example.MyConnector");
        }
        String name = connector.asText().trim();
        if (!CLASS_NAME.matcher(name).matches()) {
            throw new InvalidPackageException(MANIFEST + "'s connector_class '" + name + "' is not a Java class name "
                    + "such as com.example.MyConnector");
        }
        return new Manifest(name);
    }

    /** Refuses an absolute name or one with {@code ..}: unpacked, it would land outside the package (zip slip). */
    private static void checkName(String name) {
        String path = name.replace('\\', '/');
        if (path.startsWith("/") || DRIVE.matcher(path).matches() || List.of(path.split("/")).contains("..")) {
            throw new InvalidPackageException("the zip entry '" + name + "' has an absolute path or '..'; a "
                    + "package's entries must be relative paths inside it");
        }
    }

    /** Unpacks a package into {@code target}, refusing entries that would land outside it. */
    public static void unpack(Path zip, Path target) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        Files.createDirectories(root);
        long budget = MAX_UNPACKED_BYTES;
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (Enumeration<? extends ZipEntry> e = file.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                checkName(entry.getName());
                Path out = root.resolve(entry.getName().replace('\\', '/')).normalize();
                if (!out.startsWith(root)) {
                    throw new InvalidPackageException("the zip entry '" + entry.getName() + "' lands outside the package");
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = file.getInputStream(entry); OutputStream to = Files.newOutputStream(out)) {
                    budget -= copy(in, to, budget);
                }
            }
        }
    }

    /** Copies at most {@code budget} bytes (declared sizes can lie) and returns how many it copied. */
    private static long copy(InputStream in, OutputStream out, long budget) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long copied = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            copied += n;
            if (copied > budget) {
                throw new InvalidPackageException("the package unpacks to more than " + MAX_UNPACKED_BYTES
                        + " bytes; leave data files out of the package");
            }
            out.write(buffer, 0, n);
        }
        return copied;
    }
}
