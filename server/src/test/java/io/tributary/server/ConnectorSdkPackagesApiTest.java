package io.tributary.server;

import static io.tributary.server.OpenApiContract.assertConforms;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.server.auth.ApiKeys;
import io.tributary.server.auth.Role;
import io.tributary.server.store.Jdbc;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code /v1/connector-sdk/packages}: uploads checked and stored, read back, replaced, and tied to one connection. */
class ConnectorSdkPackagesApiTest {
    private static final String PACKAGES = "/v1/connector-sdk/packages";
    private static final String HELLO = """
            package pkgapi;

            import io.tributary.sdk.Configuration;
            import io.tributary.sdk.Connector;
            import io.tributary.sdk.Operations;
            import io.tributary.sdk.State;
            import java.util.Map;

            public final class Hello implements Connector {
                @Override
                public void update(Configuration configuration, State state, Operations operations) {
                    operations.upsert("hello", Map.of("id", 1, "greeting", "%s"));
                }
            }
            """;
    private static byte[] first;
    private static byte[] second;

    @TempDir
    Path dir;

    @BeforeAll
    static void buildPackages(@TempDir Path build) {
        first = TestPackages.pack(TestPackages.manifest("pkgapi.Hello"), TestPackages.compile(build.resolve("one"),
                Map.of("pkgapi.Hello", HELLO.formatted("first"))));
        second = TestPackages.pack(TestPackages.manifest("pkgapi.Hello"), TestPackages.compile(build.resolve("two"),
                Map.of("pkgapi.Hello", HELLO.formatted("second"))));
    }

    private static String key(ServerFixture f) {
        return f.server.initialKey().orElseThrow().key();
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void uploadReadDownloadReplaceAndDelete(StoreKind store) {
        try (ServerFixture f = ServerFixture.start(store, dir)) {
            Http.Answer created = assertConforms("POST", PACKAGES, TestPackages.upload(f.admin, first));
            assertThat(created.status()).isEqualTo(201);
            assertThat(created.json().path("message").asText()).isEqualTo("Package created successfully");
            JsonNode pkg = created.data();
            String id = pkg.path("id").asText();
            assertThat(id).matches("[a-z0-9]{20}");
            assertThat(pkg.path("file_sha256_hash").asText()).isEqualTo(TestPackages.sha256(first));
            assertThat(pkg.path("created_by").asText()).isEqualTo(key(f));
            assertThat(pkg.path("last_updated_by").asText()).isEqualTo(key(f));
            assertThat(pkg.path("updated_at").asText()).isEqualTo(pkg.path("created_at").asText());
            assertThat(pkg.has("connection_id")).as("no connection runs it yet").isFalse();

            String path = PACKAGES + "/" + id;
            Http.Answer read = assertConforms("GET", path, f.reviewer.get(path));
            assertThat(read.data()).isEqualTo(pkg);
            HttpResponse<byte[]> download = f.reviewer.bytes(path + "/download");
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.headers().firstValue("Content-Type")).hasValue("application/zip");
            assertThat(download.body()).isEqualTo(first);
            assertThat(f.reviewer.accept("application/zip").bytes(path + "/download").body()).isEqualTo(first);

            Http.Answer replaced = assertConforms("PATCH", path,
                    f.admin.upload("PATCH", path, "file", "package.zip", second));
            assertThat(replaced.status()).isEqualTo(200);
            assertThat(replaced.json().path("message").asText()).isEqualTo("Package updated successfully");
            assertThat(replaced.data().path("file_sha256_hash").asText()).isEqualTo(TestPackages.sha256(second))
                    .isNotEqualTo(TestPackages.sha256(first));
            assertThat(replaced.data().path("created_at")).isEqualTo(pkg.path("created_at"));
            assertThat(replaced.data().path("updated_at").asText()).isGreaterThan(pkg.path("updated_at").asText());
            assertThat(f.admin.bytes(path + "/download").body()).isEqualTo(second);

            Http.Answer deleted = assertConforms("DELETE", path, f.admin.delete(path));
            assertThat(deleted.json().path("message").asText()).isEqualTo("Package deleted successfully");
            for (Http.Answer gone : new Http.Answer[] {f.admin.get(path), f.admin.get(path + "/download"),
                    f.admin.delete(path), f.admin.upload("PATCH", path, "file", "package.zip", second)}) {
                assertThat(gone.status()).isEqualTo(404);
                assertThat(gone.code()).isEqualTo("NotFound_ConnectorSdkPackage");
                assertThat(gone.json().path("message").asText()).contains(id);
            }
        }
    }

    @Test
    void theListPagesWithACursor() {
        try (ServerFixture f = ServerFixture.start(StoreKind.H2, dir)) {
            assertThat(assertConforms("GET", PACKAGES, f.admin.get(PACKAGES)).data().path("items")).isEmpty();
            String a = TestPackages.uploaded(f, first);
            String b = TestPackages.uploaded(f, second);
            String c = TestPackages.uploaded(f, first);

            Http.Answer page1 = assertConforms("GET", PACKAGES, f.admin.get(PACKAGES + "?limit=2"));
            assertThat(page1.data().path("items")).extracting(i -> i.path("id").asText()).containsExactly(a, b);
            String cursor = page1.data().path("next_cursor").asText();
            Http.Answer page2 = assertConforms("GET", PACKAGES, f.admin.get(PACKAGES + "?limit=2&cursor=" + cursor));
            assertThat(page2.data().path("items")).extracting(i -> i.path("id").asText()).containsExactly(c);
            assertThat(page2.data().has("next_cursor")).as("the last page").isFalse();
        }
    }

    private static Map<String, byte[]> entries(Object... nameThenContent) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        for (int i = 0; i < nameThenContent.length; i += 2) {
            Object content = nameThenContent[i + 1];
            out.put((String) nameThenContent[i], content instanceof byte[] b ? b
                    : content.toString().getBytes(StandardCharsets.UTF_8));
        }
        return out;
    }

    @Test
    void aBadPackageIsRefusedWithWhatIsWrongAndNothingIsStored() {
        byte[] classFile = {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE};
        Map<String, byte[]> cases = new LinkedHashMap<>();
        cases.put("not a zip archive", "just some text, not a zip".getBytes(StandardCharsets.UTF_8));
        cases.put("no tributary-package.json", TestPackages.zip(entries("classes/a/B.class", classFile)));
        cases.put("tributary-package.json is not valid JSON", TestPackages.zip(entries(
                "tributary-package.json", "{format: 1", "classes/a/B.class", classFile)));
        cases.put("has no connector_class", TestPackages.zip(entries(
                "tributary-package.json", "{\"format\": 1}", "classes/a/B.class", classFile)));
        cases.put("has format 2", TestPackages.zip(entries(
                "tributary-package.json", "{\"format\": 2, \"connector_class\": \"a.B\"}", "classes/a/B.class",
                classFile)));
        cases.put("has no classes/a/Missing.class", TestPackages.zip(entries(
                "tributary-package.json", TestPackages.manifest("a.Missing"), "classes/a/B.class", classFile)));
        cases.put("'../escape.txt' has an absolute path or '..'", TestPackages.zip(entries(
                "tributary-package.json", TestPackages.manifest("a.B"), "classes/a/B.class", classFile,
                "../escape.txt", "x")));
        cases.put("'/etc/cron.d/x' has an absolute path or '..'", TestPackages.zip(entries(
                "tributary-package.json", TestPackages.manifest("a.B"), "classes/a/B.class", classFile,
                "/etc/cron.d/x", "x")));
        try (ServerFixture f = ServerFixture.start(StoreKind.H2, dir)) {
            String id = TestPackages.uploaded(f, first);
            cases.forEach((problem, zip) -> {
                for (Http.Answer refused : new Http.Answer[] {TestPackages.upload(f.admin, zip),
                        f.admin.upload("PATCH", PACKAGES + "/" + id, "file", "package.zip", zip)}) {
                    assertThat(refused.status()).as(problem).isEqualTo(400);
                    assertThat(refused.code()).isEqualTo("InvalidInput");
                    assertThat(refused.json().path("message").asText()).as(problem)
                            .startsWith("Field 'file' is not a valid Connector SDK package: ").contains(problem);
                }
            });
            Http.Answer json = f.admin.post(PACKAGES, "{\"file\": \"package.zip\"}");
            assertThat(json.status()).isEqualTo(400);
            assertThat(json.json().path("message").asText()).contains("multipart/form-data", "'file'");
            Http.Answer otherField = f.admin.upload("POST", PACKAGES, "zip", "package.zip", first);
            assertThat(otherField.status()).isEqualTo(400);
            assertThat(otherField.json().path("message").asText()).isEqualTo("Field 'file' is required");

            assertThat(f.admin.get(PACKAGES).data().path("items")).hasSize(1);
            assertThat(f.admin.bytes(PACKAGES + "/" + id + "/download").body()).as("unchanged").isEqualTo(first);
        }
    }

    @Test
    void aPackageOverTheSizeCapIsRefusedWith413() {
        int cap = 64 * 1024;
        byte[] noise = new byte[2 * cap]; // past the cap and the room for multipart headers
        new Random(7).nextBytes(noise); // does not compress
        byte[] tooLarge = TestPackages.zip(entries("tributary-package.json", TestPackages.manifest("a.B"),
                "classes/a/B.class", noise));
        try (ServerFixture f = ServerFixture.start(StoreKind.H2, dir, c -> c.withMaxPackageBytes(cap))) {
            // Refused by its Content-Length, or by the multipart limit while read; repeated, as a refused upload
            // must not leave the client a connection the server has closed.
            for (int round = 0; round < 5; round++) {
                for (boolean chunked : new boolean[] {false, true}) {
                    Http.Answer refused = f.admin.upload("POST", PACKAGES, "file", "p.zip", tooLarge, chunked);
                    assertThat(refused.status()).as("chunked: %s", chunked).isEqualTo(413);
                    assertThat(refused.code()).isEqualTo("PayloadTooLarge");
                    assertThat(refused.json().path("message").asText()).contains(cap + " bytes", "--max-package-mb");
                }
            }
            assertThat(TestPackages.upload(f.admin, first).status()).as("a package under the cap").isEqualTo(201);
        }
    }

    private static String connectionBody(String groupId, String schema, String packageId) {
        return "{\"group_id\": \"" + groupId + "\", \"service\": \"connector_sdk\", \"paused\": true, "
                + "\"config\": {\"schema\": \"" + schema + "\", \"package_id\": \"" + packageId + "\"}}";
    }

    private static JsonNode pkg(ServerFixture f, String id) {
        return f.admin.get(PACKAGES + "/" + id).data();
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aPackageInUseCannotBeDeletedUntilItsConnectionIs(StoreKind store) {
        try (ServerFixture f = ServerFixture.start(store, dir)) {
            String group = Connections.group(f, "pkg_group");
            String id = TestPackages.uploaded(f, first);
            String connection = Connections.create(f, connectionBody(group, "pkg_user", id));
            assertThat(pkg(f, id).path("connection_id").asText()).isEqualTo(connection);
            assertThat(f.admin.get("/v1/connections/" + connection).data().path("config").path("package_id").asText())
                    .isEqualTo(id);

            Http.Answer refused = f.admin.delete(PACKAGES + "/" + id); // the definition gives a 403 no body
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.json().path("message").asText()).contains(connection, "delete the connection first");
            assertThat(f.admin.get(PACKAGES + "/" + id).status()).isEqualTo(200);

            assertThat(f.admin.delete("/v1/connections/" + connection).status()).isEqualTo(200);
            assertThat(pkg(f, id).has("connection_id")).as("freed").isFalse();
            assertThat(f.admin.delete(PACKAGES + "/" + id).status()).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aPackageServesOneConnectionAtATimeAndMovesWithConfigPackageId(StoreKind store) {
        try (ServerFixture f = ServerFixture.start(store, dir)) {
            String group = Connections.group(f, "one_each");
            String p = TestPackages.uploaded(f, first);
            String q = TestPackages.uploaded(f, second);
            String r = TestPackages.uploaded(f, first);
            String a = Connections.create(f, connectionBody(group, "conn_a", p));

            Http.Answer taken = f.admin.post("/v1/connections", connectionBody(group, "conn_b", p));
            assertThat(taken.status()).isEqualTo(400);
            assertThat(taken.code()).isEqualTo("InvalidInput");
            assertThat(taken.json().path("message").asText()).contains("'config.package_id'", p, a, "one connection");
            Http.Answer unknown = f.admin.post("/v1/connections", connectionBody(group, "conn_b", "no_such_package"));
            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.code()).isEqualTo("NotFound_ConnectorSdkPackage");
            assertThat(unknown.json().path("message").asText()).contains("no_such_package", "POST " + PACKAGES);
            assertThat(f.admin.get("/v1/connections?group_id=" + group).data().path("items")).as("neither created")
                    .hasSize(1);

            String b = Connections.create(f, connectionBody(group, "conn_b", q));
            String moveTo = "{\"config\": {\"package_id\": \"%s\"}}";
            Http.Answer steal = f.admin.patch("/v1/connections/" + b, moveTo.formatted(p));
            assertThat(steal.status()).isEqualTo(400);
            assertThat(steal.json().path("message").asText()).contains(a);
            assertThat(f.admin.patch("/v1/connections/" + b, moveTo.formatted("gone")).code())
                    .isEqualTo("NotFound_ConnectorSdkPackage");
            assertThat(pkg(f, q).path("connection_id").asText()).as("b keeps q").isEqualTo(b);

            assertThat(f.admin.patch("/v1/connections/" + a, moveTo.formatted(r)).status()).isEqualTo(200);
            assertThat(pkg(f, p).has("connection_id")).as("p freed by the move").isFalse();
            assertThat(pkg(f, r).path("connection_id").asText()).isEqualTo(a);
            assertThat(f.admin.patch("/v1/connections/" + b, moveTo.formatted(p)).status()).isEqualTo(200);
            assertThat(pkg(f, p).path("connection_id").asText()).isEqualTo(b);
            assertThat(pkg(f, q).has("connection_id")).isFalse();

            assertThat(f.admin.patch("/v1/connections/" + a, "{\"paused\": false}").status()).isEqualTo(200);
            assertThat(pkg(f, r).path("connection_id").asText()).as("other changes keep it").isEqualTo(a);
            assertThat(f.admin.patch("/v1/connections/" + b, "{\"config\": {\"package_id\": null}}").status())
                    .isEqualTo(200);
            assertThat(pkg(f, p).has("connection_id")).as("removed from the config").isFalse();
        }
    }

    @Test
    void onlyTheUploaderOrAnAccountAdministratorReplacesAPackage() {
        try (ServerFixture f = ServerFixture.start(StoreKind.H2, dir)) {
            ApiKeys keys = new ApiKeys(new Jdbc(f.server.database()));
            ApiKeys.Credentials owner = keys.create(Role.MANAGE_CONNECTION, "owner");
            ApiKeys.Credentials other = keys.create(Role.MANAGE_CONNECTION, "other");
            Http http = new Http(f.server.port());
            Http.Answer created = TestPackages.upload(http.as(owner.key(), owner.secret()), first);
            assertThat(created.data().path("created_by").asText()).isEqualTo(owner.key());
            String path = PACKAGES + "/" + created.data().path("id").asText();

            Http.Answer refused = http.as(other.key(), other.secret()).upload("PATCH", path, "file", "p.zip", second);
            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.json().path("message").asText()).contains("another API key");
            Http.Answer byOwner = http.as(owner.key(), owner.secret()).upload("PATCH", path, "file", "p.zip", second);
            assertThat(byOwner.status()).isEqualTo(200);
            Http.Answer byAdmin = f.admin.upload("PATCH", path, "file", "p.zip", first);
            assertThat(byAdmin.status()).isEqualTo(200);
            assertThat(byAdmin.data().path("created_by").asText()).isEqualTo(owner.key());
            assertThat(byAdmin.data().path("last_updated_by").asText()).isEqualTo(key(f));
        }
    }
}
