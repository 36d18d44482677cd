package io.tributary.server.orchestration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.server.TestPackages;
import io.tributary.server.store.Database;
import io.tributary.server.store.PackageStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Packages unpack once per version, whole or not at all, even when workers and nodes load them at once. */
class PackageCacheTest {
    @TempDir
    Path dir;
    private Database database;
    private PackageStore store;

    @BeforeEach
    void open() {
        database = Database.embedded(dir.resolve("store"));
        store = new PackageStore(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    /** Stores a zip as it is, without the upload's checks, recorded with {@code sha256}. */
    private String stored(byte[] zip, String sha256, String connectorClass) throws Exception {
        Path file = Files.write(dir.resolve("upload-" + System.nanoTime() + ".zip"), zip);
        String id = "pkg" + System.nanoTime();
        Instant now = Instant.now();
        store.insert(new PackageStore.Row(id, sha256, zip.length, connectorClass, "k", now, "k", now, null), file);
        return id;
    }

    @Test
    void workersOfTwoNodesLoadingOneVersionAtOnceShareOneUnpackedCopy() throws Exception {
        Path classes = TestPackages.compile(dir.resolve("build/hello"), Map.of("pkgcache.Hello", """
                package pkgcache;
                public final class Hello implements io.tributary.sdk.Connector {
                    public void update(io.tributary.sdk.Configuration c, io.tributary.sdk.State s,
                                       io.tributary.sdk.Operations o) {
                    }
                }
                """));
        byte[] zip = TestPackages.pack(TestPackages.manifest("pkgcache.Hello"), classes);
        String id = stored(zip, TestPackages.sha256(zip), "pkgcache.Hello");
        Path root = dir.resolve("packages");
        List<PackageCache> nodes = List.of(new PackageCache(root, store), new PackageCache(root, store));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<PackageCache.Loaded>> loads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            PackageCache node = nodes.get(i % 2);
            loads.add(pool.submit(() -> {
                go.await();
                return node.load(id);
            }));
        }
        go.countDown();
        List<Class<?>> loaded = new ArrayList<>();
        for (Future<PackageCache.Loaded> load : loads) {
            PackageCache.Loaded l = load.get();
            assertThat(l.sha256()).isEqualTo(TestPackages.sha256(zip));
            loaded.add(Class.forName(l.connectorClass(), false, l.classLoader()));
        }
        pool.shutdown();

        assertThat(loaded.stream().distinct()).as("one class loader per version and node").hasSize(2);
        try (var entries = Files.list(root)) {
            assertThat(entries.map(p -> p.getFileName().toString())).as("no temporary directories left")
                    .containsExactly(TestPackages.sha256(zip));
        }
        assertThat(root.resolve(TestPackages.sha256(zip)).resolve("classes/pkgcache/Hello.class")).exists();
    }

    @Test
    void aStoredZipThatWouldUnpackOutsideItsDirectoryIsRefused() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("tributary-package.json", TestPackages.manifest("a.B").getBytes(StandardCharsets.UTF_8));
        entries.put("classes/a/B.class", new byte[] {1});
        entries.put("classes/../../escaped.txt", "x".getBytes(StandardCharsets.UTF_8));
        byte[] zip = TestPackages.zip(entries);
        String id = stored(zip, TestPackages.sha256(zip), "a.B");

        PackageCache cache = new PackageCache(dir.resolve("packages"), store);
        assertThatThrownBy(() -> cache.load(id)).isInstanceOf(ConnectorLoader.LoadException.class)
                .hasMessageContaining("has an absolute path or '..'");
        assertThat(dir.resolve("escaped.txt")).doesNotExist();
        try (var left = Files.list(dir.resolve("packages"))) {
            assertThat(left).as("nothing unpacked, nothing left over").isEmpty();
        }
    }

    @Test
    void contentThatDoesNotMatchItsRecordedHashIsNotRun() throws Exception {
        byte[] zip = TestPackages.placeholder();
        String id = stored(zip, "0".repeat(64), "com.example.Hello");

        assertThatThrownBy(() -> new PackageCache(dir.resolve("packages"), store).load(id))
                .isInstanceOf(ConnectorLoader.LoadException.class)
                .hasMessageContaining("not the " + "0".repeat(64) + " recorded at upload");
        assertThatThrownBy(() -> new PackageCache(dir.resolve("packages"), store).load("nope"))
                .hasMessageContaining("Connector SDK package 'nope', which doesn't exist");
    }

    @Test
    void aSweepRemovesOldVersionsNoPackageUsesAndLeftoverUnpacksButKeepsCurrentAndRecentOnes() throws Exception {
        String current = "a".repeat(64);
        stored(new byte[] {1}, current, "x.Current");
        Path root = dir.resolve("packages");
        Path currentDir = Files.createDirectories(root.resolve(current).resolve("classes"));
        Path replaced = Files.createDirectories(root.resolve("b".repeat(64)).resolve("lib"));
        Files.writeString(replaced.resolve("old.jar"), "old");
        Path leftover = Files.createDirectories(root.resolve(".unpacking-123"));
        Path recent = Files.createDirectories(root.resolve("c".repeat(64)));
        FileTime twoDaysAgo = FileTime.from(Instant.now().minus(Duration.ofDays(2)));
        for (Path old : List.of(currentDir.getParent(), replaced.getParent(), leftover)) {
            Files.setLastModifiedTime(old, twoDaysAgo);
        }

        int removed = new PackageCache(root, store).sweep(Duration.ofDays(1));

        assertThat(removed).isEqualTo(2);
        assertThat(replaced.getParent()).doesNotExist();
        assertThat(leftover).doesNotExist();
        assertThat(currentDir).as("the current version").isDirectory();
        assertThat(recent).as("unused, but maybe still unpacking or running elsewhere").isDirectory();
    }
}
