package io.tributary.server.orchestration;

import io.tributary.server.packages.PackageArchive;
import io.tributary.server.store.PackageStore;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uploaded packages, ready to run on this node: each version (by its SHA-256) is unpacked once into
 * {@code <root>/<sha256>/} and gets one class loader over its {@code classes/} and {@code lib/*.jar}, whose parent
 * is the server's (the SDK and what the server provides). A version is unpacked into a temporary directory and
 * renamed into place, so a worker or node sharing the directory never sees half a package. A PATCHed package has a
 * new hash, so the next sync loads the new code; the old version's loader stays for syncs still running it.
 */
final class PackageCache {
    private static final Logger LOG = LoggerFactory.getLogger("tributary");
    private final Path root;
    private final PackageStore store;
    private final ClassLoader parent = PackageCache.class.getClassLoader();
    private final Map<String, ClassLoader> loaders = new ConcurrentHashMap<>();

    /** A package's code, loaded: the class its manifest names and the loader to load it with. */
    record Loaded(String packageId, String sha256, String connectorClass, ClassLoader classLoader) {
    }

    PackageCache(Path root, PackageStore store) {
        this.root = root.toAbsolutePath().normalize();
        this.store = store;
    }

    /**
     * Removes what no sync will load again: unpacked versions that are no package's current one (replaced or
     * deleted packages) and unpacks a crash left behind, once older than {@code minAge}, so a version another node
     * sharing the directory is still unpacking or running is left alone. Returns how many directories went.
     */
    int sweep(Duration minAge) {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        Set<String> current = store.currentHashes();
        Instant before = Instant.now().minus(minAge);
        List<Path> stale = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                String name = dir.getFileName().toString();
                boolean unused = name.startsWith(".unpacking-") || !current.contains(name);
                if (unused && Files.getLastModifiedTime(dir).toInstant().isBefore(before)) {
                    stale.add(dir);
                }
            }
        } catch (IOException e) {
            LOG.warn("could not list unpacked packages in {}: {}", root, e.getMessage());
            return 0;
        }
        stale.forEach(PackageCache::deleteQuietly);
        if (!stale.isEmpty()) {
            LOG.info("removed {} unpacked package versions no package uses any more from {}", stale.size(), root);
        }
        return stale.size();
    }

    /** The current version of the package; {@link ConnectorLoader.LoadException} says what to do when it cannot. */
    Loaded load(String packageId) {
        PackageStore.Row row = store.find(packageId).orElseThrow(() -> missing(packageId));
        if (!Files.isDirectory(root.resolve(row.sha256()))) {
            row = unpack(packageId);
        }
        Path dir = root.resolve(row.sha256());
        return new Loaded(packageId, row.sha256(), row.connectorClass(),
                loaders.computeIfAbsent(row.sha256(), sha -> classLoader(sha, dir)));
    }

    private static ConnectorLoader.LoadException missing(String packageId) {
        return new ConnectorLoader.LoadException("config.package_id names Connector SDK package '" + packageId
                + "', which doesn't exist; upload the package (POST /v1/connector-sdk/packages) and set "
                + "config.package_id to the id it answers", null);
    }

    /** Downloads the package's current version and unpacks it into place; answers the version unpacked. */
    private PackageStore.Row unpack(String packageId) {
        Path temp = null;
        try {
            Files.createDirectories(root);
            temp = Files.createTempDirectory(root, ".unpacking-");
            Path zip = temp.resolve("package.zip");
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            PackageStore.Row row;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(zip), digest)) {
                row = store.download(packageId, out).orElseThrow(() -> missing(packageId));
            }
            String sha256 = HexFormat.of().formatHex(digest.digest());
            if (!sha256.equals(row.sha256())) {
                throw new ConnectorLoader.LoadException("Connector SDK package '" + packageId + "' read from the "
                        + "store has SHA-256 " + sha256 + ", not the " + row.sha256() + " recorded at upload; upload "
                        + "the package again (PATCH /v1/connector-sdk/packages/" + packageId + ")", null);
            }
            Path unpacked = temp.resolve("package");
            PackageArchive.unpack(zip, unpacked);
            Path target = root.resolve(sha256);
            try {
                Files.move(unpacked, target, StandardCopyOption.ATOMIC_MOVE);
                LOG.info("unpacked Connector SDK package {} version {} into {}", packageId, sha256, target);
            } catch (IOException e) {
                // Linux says "Directory not empty" when another worker or node renamed the same version first.
                if (!Files.isDirectory(target)) {
                    throw e;
                }
            }
            return row;
        } catch (PackageArchive.InvalidPackageException e) {
            throw new ConnectorLoader.LoadException("Connector SDK package '" + packageId + "' cannot be unpacked: "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unpack Connector SDK package " + packageId + " under " + root, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            deleteQuietly(temp);
        }
    }

    private ClassLoader classLoader(String sha256, Path dir) {
        List<URL> urls = new ArrayList<>();
        try {
            urls.add(dir.resolve("classes").toUri().toURL());
            Path lib = dir.resolve("lib");
            if (Files.isDirectory(lib)) {
                try (Stream<Path> jars = Files.list(lib)) {
                    for (Path jar : jars.filter(f -> f.toString().endsWith(".jar")).sorted().toList()) {
                        urls.add(jar.toUri().toURL());
                    }
                }
            }
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the jars of " + dir.resolve("lib"), e);
        }
        return new URLClassLoader("package-" + sha256.substring(0, 12), urls.toArray(URL[]::new), parent);
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            LOG.warn("could not remove the temporary directory {}: {}", dir, e.getMessage());
        }
    }
}
