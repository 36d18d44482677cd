package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.api.model.Connection;
import io.tributary.api.model.ConnectorSdkPackage;
import io.tributary.client.SyncWaiter;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tributary deploy} against the real server, which then runs the uploaded code on its own. */
class DeployCommandTest {
    @TempDir
    Path dir;
    private ApiServer api;
    private String group;

    @BeforeEach
    void start() {
        api = new ApiServer(dir.resolve("server"), dir.resolve("logs"), c -> c.withSyncWorkers(1, null));
        group = api.group("warehouse");
        api.client.destinations().create(group, "duckdb", "0", Map.of("path", warehouse().toString()));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void deploysAPausedConnectionThatRunsTheProjectsCodeAndARedeployReplacesIt() throws Exception {
        Path project = Projects.withConnector(dir.resolve("demo"), "Demo", Projects.THREE_ITEMS);
        assertThatClassIsNotOnThisClassPath("demo.Demo");

        CliRun first = api.withCredentials("deploy", project.toString(), "--destination", "warehouse",
                "--connection", "demo");
        assertThat(first.exitCode()).as(first.all()).isZero();
        assertThat(first.out()).as("only the id, for ID=$(tributary deploy …)").matches("[a-z0-9]+\\R");
        String id = first.out().trim();
        Connection created = api.client.connections().get(id);
        assertThat(created.paused()).isTrue();
        assertThat(created.schema()).isEqualTo("demo");
        List<ConnectorSdkPackage> packages = api.client.packages().list().toList();
        assertThat(packages).singleElement().satisfies(p -> {
            assertThat(p.connectionId()).isEqualTo(id);
            assertThat(created.config().get("package_id")).isEqualTo(p.id());
        });
        assertThat(first.err()).contains("it is paused: start it with `tributary api connections resume " + id + "`");

        api.client.connections().pause(id, false);
        assertThat(sync(id)).isEqualTo(SyncWaiter.Outcome.SUCCEEDED);
        assertThat(rows("SELECT greeting FROM demo.items ORDER BY id")).containsExactly("hi", "hi", "hi");

        Projects.addSource(project, "Demo", Projects.THREE_ITEMS.replace("c.require(\"greeting\")",
                "c.require(\"greeting\").toUpperCase()"));
        CliRun unconfirmed = api.withCredentials("deploy", project.toString(), "--destination", "warehouse",
                "--connection", "demo");
        assertThat(unconfirmed.exitCode()).isEqualTo(2);
        assertThat(unconfirmed.err()).contains("connection demo (" + id + ") already exists; pass --yes");
        assertThat(api.client.packages().list().toList()).hasSize(1);

        CliRun second = api.withCredentials("deploy", project.toString(), "--destination", "warehouse",
                "--connection", "demo", "--yes");
        assertThat(second.exitCode()).as(second.all()).isZero();
        assertThat(second.out().trim()).isEqualTo(id);
        List<ConnectorSdkPackage> now = api.client.packages().list().toList();
        assertThat(now).as("the replaced package is deleted").singleElement()
                .satisfies(p -> assertThat(p.id()).isNotEqualTo(packages.get(0).id()));
        assertThat(sync(id)).isEqualTo(SyncWaiter.Outcome.SUCCEEDED);
        assertThat(rows("SELECT greeting FROM demo.items ORDER BY id")).containsExactly("hi", "hi", "hi", "HI", "HI",
                "HI");
    }

    @Test
    void anUnknownDestinationOrABadNameIsRefusedBeforeAnythingIsUploaded() throws Exception {
        Path project = Projects.withConnector(dir.resolve("demo"), "Demo", Projects.THREE_ITEMS);

        CliRun unknown = api.withCredentials("deploy", project.toString(), "--destination", "nowhere",
                "--connection", "demo");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("no destination named 'nowhere'");
        CliRun badName = api.withCredentials("deploy", project.toString(), "--destination", "warehouse",
                "--connection", "Demo-1");
        assertThat(badName.exitCode()).isEqualTo(2);
        assertThat(badName.err()).contains("connection name 'Demo-1' is not valid");
        assertThat(api.client.packages().list().toList()).isEmpty();
        assertThat(api.connectionCount()).isZero();
    }

    @Test
    void aDryRunPrintsTheRequestsWithSecretsMaskedAndSendsNone() throws Exception {
        Path project = Projects.withConnector(dir.resolve("demo"), "Demo", Projects.THREE_ITEMS);

        CliRun fresh = api.withCredentials("deploy", project.toString(), "--destination", "warehouse",
                "--connection", "demo", "--dry-run");
        assertThat(fresh.exitCode()).as(fresh.all()).isZero();
        assertThat(fresh.out()).startsWith("POST connector-sdk/packages (multipart file ")
                .contains("POST connections {\"group_id\":\"" + group + "\",\"service\":\"connector_sdk\"",
                        "\"package_id\":\"<id of the uploaded package>\"", "{\"key\":\"api_key\",\"value\":\"******\"}")
                .doesNotContain("s3cr3t");
        assertThat(api.client.packages().list().toList()).isEmpty();
        assertThat(api.connectionCount()).isZero();

        CliRun deployed = api.withCredentials("deploy", project.toString(), "--destination", "warehouse",
                "--connection", "demo");
        String id = deployed.out().trim();
        String packageId = api.client.packages().list().findFirst().orElseThrow().id();
        CliRun again = api.withCredentials("deploy", project.toString(), "--destination", "warehouse",
                "--connection", "demo", "--dry-run");
        assertThat(again.exitCode()).as(again.all()).isZero();
        assertThat(again.out()).contains("PATCH connections/" + id + " {\"run_setup_tests\":true",
                "DELETE connector-sdk/packages/" + packageId);
        assertThat(api.client.packages().list().toList()).singleElement()
                .satisfies(p -> assertThat(p.id()).isEqualTo(packageId));
    }

    private SyncWaiter.Outcome sync(String id) {
        return api.client.syncWaiter().pollEvery(Duration.ofMillis(100)).syncAndWait(id, false,
                Duration.ofSeconds(60)).outcome();
    }

    private Path warehouse() {
        return dir.resolve("warehouse.db");
    }

    private List<String> rows(String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (var c = DriverManager.getConnection("jdbc:duckdb:" + warehouse().toAbsolutePath());
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static void assertThatClassIsNotOnThisClassPath(String name) {
        try {
            Class.forName(name);
            throw new AssertionError(name + " is on the test class path, so the test would not prove the package ran");
        } catch (ClassNotFoundException expected) {
            // the server can only run it from the uploaded package
        }
    }
}
