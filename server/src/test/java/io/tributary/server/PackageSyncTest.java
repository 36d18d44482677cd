package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.server.orchestration.Orchestrator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Connections run uploaded packages: connector code compiled here, on no class path the server has, zipped with
 * the jar it needs, uploaded, synced into the warehouse; a new version uploaded over it runs from the next sync.
 */
class PackageSyncTest {
    private static final String GREETER = """
            package pkglib;

            public final class Greeter {
                public static String greet(String who) {
                    return "hello from " + who;
                }
            }
            """;
    /** Two rows per sync after its cursor, greeted by the lib jar's Greeter; version 2 adds a column. */
    private static final String CONNECTOR = """
            package pkgsync;

            import io.tributary.sdk.Configuration;
            import io.tributary.sdk.Connector;
            import io.tributary.sdk.Operations;
            import io.tributary.sdk.State;
            import io.tributary.sdk.Table;
            import java.util.HashMap;
            import java.util.List;
            import java.util.Map;

            public final class Greetings implements Connector {
                private static final int VERSION = %d;

                @Override
                public List<Table> schema(Configuration configuration) {
                    return List.of(Table.named("greetings").primaryKey("id"));
                }

                @Override
                public void update(Configuration configuration, State state, Operations operations) {
                    long from = state.getLong("cursor", 0);
                    for (long id = from + 1; id <= from + 2; id++) {
                        Map<String, Object> row = new HashMap<>(Map.of("id", id,
                                "text", pkglib.Greeter.greet("v" + VERSION)));
                        if (VERSION > 1) {
                            row.put("version", VERSION);
                        }
                        operations.upsert("greetings", row);
                        operations.checkpoint(Map.of("cursor", id));
                    }
                }
            }
            """;
    private static final String FLAKY = """
            package pkgsync;

            import io.tributary.sdk.Configuration;
            import io.tributary.sdk.Connector;
            import io.tributary.sdk.Operations;
            import io.tributary.sdk.State;
            import java.util.Map;

            public final class Flaky implements Connector {
                @Override
                public void update(Configuration configuration, State state, Operations operations) {
                    operations.upsert("items", Map.of("id", 1));
                    operations.checkpoint(Map.of("step", 1));
                    operations.upsert("items", Map.of("id", 2));
                    throw new IllegalStateException("packaged connector: the source answered 503");
                }
            }
            """;

    @TempDir
    Path dir;
    private ServerFixture f;
    private Orchestrator orchestrator;

    @AfterEach
    void stop() {
        if (orchestrator != null) {
            orchestrator.close();
        }
        if (f != null) {
            f.close();
        }
    }

    private void start(StoreKind kind) {
        f = ServerFixture.start(kind, dir.resolve("server"));
        orchestrator = new Orchestrator(f.server.database(), new Orchestrator.Settings("node-p", 2,
                Duration.ofMillis(100), Duration.ofSeconds(5), getClass().getClassLoader(), packages())).start();
    }

    private Path packages() {
        return dir.resolve("node-packages");
    }

    private Path greeterJar() {
        Path classes = TestPackages.compile(dir.resolve("build/greeter"), Map.of("pkglib.Greeter", GREETER));
        return TestPackages.jar(dir.resolve("build/greeter.jar"), classes);
    }

    private byte[] greetings(int version, Path greeterJar) {
        Path classes = TestPackages.compile(dir.resolve("build/greetings-" + version),
                Map.of("pkgsync.Greetings", CONNECTOR.formatted(version)), greeterJar);
        return TestPackages.pack(TestPackages.manifest("pkgsync.Greetings"), classes, greeterJar);
    }

    private String connection(String group, String schema, String packageId) {
        return Connections.create(f, "{\"group_id\": \"" + group + "\", \"service\": \"connector_sdk\", "
                + "\"schedule_type\": \"manual\", \"config\": {\"schema\": \"" + schema + "\", \"package_id\": \""
                + packageId + "\"}}");
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aConnectionRunsItsPackageAndTheNextSyncRunsTheVersionUploadedOverIt(StoreKind kind) throws Exception {
        Path greeter = greeterJar();
        byte[] v1 = greetings(1, greeter);
        byte[] v2 = greetings(2, greeter);
        for (String notOurs : List.of("pkgsync.Greetings", "pkglib.Greeter")) {
            assertThatThrownBy(() -> Class.forName(notOurs)).as("%s is on no class path of the server", notOurs)
                    .isInstanceOf(ClassNotFoundException.class);
        }
        start(kind);
        String group = Connections.groupWithDestination(f, "pkg_wh", dir);
        String packageId = TestPackages.uploaded(f, v1);
        String id = connection(group, "greet", packageId);

        assertThat(present(syncAndWait(id).path("succeeded_at"))).as(history(id).toString()).isTrue();
        assertThat(rows("pkg_wh", "SELECT id || ':' || text FROM greet.greetings ORDER BY id"))
                .containsExactly("1:hello from v1", "2:hello from v1");
        String sha1 = TestPackages.sha256(v1);
        assertThat(packages().resolve(sha1).resolve("lib/greeter.jar")).as("unpacked once per version").exists();
        assertThat(packages().resolve(sha1).resolve("classes/pkgsync/Greetings.class")).exists();
        assertThat(logMessages(id)).contains("running pkgsync.Greetings from Connector SDK package " + packageId
                + " (SHA-256 " + sha1 + ")");

        Http.Answer patched = f.admin.upload("PATCH", "/v1/connector-sdk/packages/" + packageId, "file", "p.zip", v2);
        assertThat(patched.status()).as(patched.text()).isEqualTo(200);
        assertThat(present(syncAndWait(id).path("succeeded_at"))).isTrue();
        assertThat(history(id).get(0).path("status").asText()).as(history(id).toString()).isEqualTo("SUCCEEDED");
        assertThat(rows("pkg_wh", "SELECT id || ':' || text || ':' || coalesce(CAST(version AS VARCHAR), '-') "
                + "FROM greet.greetings ORDER BY id"))
                .containsExactly("1:hello from v1:-", "2:hello from v1:-", "3:hello from v2:2", "4:hello from v2:2");
        assertThat(packages().resolve(TestPackages.sha256(v2))).isDirectory();
        try (var left = Files.list(packages())) {
            assertThat(left.map(p -> p.getFileName().toString())).as("no half-unpacked versions left")
                    .containsExactlyInAnyOrder(sha1, TestPackages.sha256(v2));
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aPackagedConnectorThatThrowsFailsTheSyncKeepingItsLastCheckpoint(StoreKind kind) throws Exception {
        Path classes = TestPackages.compile(dir.resolve("build/flaky"), Map.of("pkgsync.Flaky", FLAKY));
        start(kind);
        String group = Connections.groupWithDestination(f, "flaky_wh", dir);
        String id = connection(group, "flaky", TestPackages.uploaded(f,
                TestPackages.pack(TestPackages.manifest("pkgsync.Flaky"), classes)));

        JsonNode after = syncAndWait(id);

        assertThat(present(after.path("failed_at"))).isTrue();
        assertThat(present(after.path("succeeded_at"))).isFalse();
        assertThat(history(id).get(0).path("error").asText()).contains("packaged connector: the source answered 503");
        assertThat(rows("flaky_wh", "SELECT id FROM flaky.items")).containsExactly("1");
        assertThat(f.admin.get("/v1/connections/" + id + "/state").data().path("state").toString())
                .isEqualTo("{\"step\":1}");
    }

    private JsonNode syncAndWait(String id) {
        return Syncs.syncAndWait(f, id);
    }

    private static boolean present(JsonNode field) {
        return Syncs.present(field);
    }

    private List<String> rows(String group, String sql) throws Exception {
        return Syncs.rows(dir.resolve(group + ".db"), sql);
    }

    private List<JsonNode> history(String id) {
        return Syncs.history(f, id);
    }

    private List<String> logMessages(String id) {
        return Syncs.logMessages(f, id, null);
    }
}
