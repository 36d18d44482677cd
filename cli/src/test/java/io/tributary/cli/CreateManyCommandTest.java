package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.client.TributaryClient;
import io.tributary.playground.FaultProxy;
import io.tributary.playground.FaultSpec;
import io.tributary.server.ServerConfig;
import io.tributary.server.TributaryServer;
import io.tributary.server.auth.ApiKeys;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `tributary api connections create-many` against the real server behind a proxy that injects 429s and 500s
 * (the 500s after the server created the connection, so a naive retry would duplicate it).
 */
class CreateManyCommandTest {
    private static final int ROWS = 60;

    @TempDir
    Path dir;

    private TributaryServer server;
    private FaultProxy proxy;
    private ApiKeys.Credentials key;
    private String groupId;

    @BeforeEach
    void start() throws Exception {
        ApiTestLogs.use();
        server = TributaryServer.start(ServerConfig.defaults().withPort(0).withDataDir(dir.resolve("server")));
        key = server.initialKey().orElseThrow();
        String url = "http://127.0.0.1:" + server.port() + "/v1";
        TributaryClient client = TributaryClient.builder().baseUrl(url).apiKey(key.key()).apiSecret(key.secret()).build();
        groupId = client.groups().create("Bulk").id();
        proxy = FaultProxy.start(URI.create("http://127.0.0.1:" + server.port()),
                FaultSpec.parse("429:0.05:0,429:0.05,500:0.05,seed:7"), 0, 0);
        Files.writeString(dir.resolve("template.json"), """
                {"group_id": "%s", "service": "connector_sdk", "paused": true,
                 "config": {"schema": "{{schema}}", "connector_class": "{{class}}"}}""".formatted(groupId));
    }

    @AfterEach
    void stop() {
        proxy.close();
        server.close();
    }

    @Test
    void createsEachConnectionOnceThroughFaultsAndSkipsThemOnARerun() throws Exception {
        Path csv = csv(IntStream.range(0, ROWS).mapToObj(i -> "shop_" + i + ",com.example.Shop").toList());

        CliRun first = createMany(csv);
        assertThat(first.exitCode()).as(first.all()).isZero();
        assertThat(first.out()).contains("created " + ROWS + ", skipped 0, failed 0");
        assertThat(proxy.counts()).as("faults were injected").containsKeys("429", "500");
        assertThat(schemasOnServer()).as("every schema exactly once, none duplicated by a retried create")
                .hasSize(ROWS).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, ROWS).mapToObj(i -> "shop_" + i).toList());

        CliRun again = createMany(csv);
        assertThat(again.exitCode()).as(again.all()).isZero();
        assertThat(again.out()).contains("created 0, skipped " + ROWS + ", failed 0");
        assertThat(schemasOnServer()).hasSize(ROWS);

        List<Path> logs;
        try (var files = Files.list(dir.resolve("runs"))) {
            logs = files.filter(f -> f.getFileName().toString().startsWith("connection_creation_")).sorted().toList();
        }
        assertThat(logs).as("one timestamped log per run").hasSize(2);
        String log = Files.readString(logs.get(0));
        assertThat(log).contains("CREATED shop_0 ").doesNotContain("FAILED");
    }

    @Test
    void aRejectedRowIsReportedAndTheExitCodeSaysSo() throws Exception {
        Path csv = csv(List.of("good_one,com.example.Shop", "bad-schema!,com.example.Shop", "good_two,com.example.Shop"));
        CliRun run = createMany(csv);
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("created 2, skipped 0, failed 1");
        assertThat(schemasOnServer()).containsExactlyInAnyOrder("good_one", "good_two");
        String log = Files.readString(Files.list(dir.resolve("runs")).findFirst().orElseThrow());
        assertThat(log).contains("FAILED  bad-schema!").contains("InvalidInput");
    }

    @Test
    void aTemplateNamingAColumnTheCsvLacksFailsBeforeAnyRequest() throws Exception {
        Files.writeString(dir.resolve("template.json"), """
                {"group_id": "%s", "service": "connector_sdk", "config": {"schema": "{{schema}}", "x": "{{missing}}"}}"""
                .formatted(groupId));
        CliRun run = createMany(csv(List.of("a,b")));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("{{missing}}").contains("schema", "class").contains("schemas.csv line 2");
        assertThat(schemasOnServer()).isEmpty();
        assertThat(proxy.counts().get("forwarded")).isZero();
    }

    @Test
    void aSpreadsheetExportWithAByteOrderMarkQuotesAndCrlfIsRead() throws Exception {
        Path csv = dir.resolve("excel.csv");
        Files.writeString(csv, "\uFEFFschema,class\r\n\"excel_one\",\"com.example.A\"\r\nexcel_two,com.example.B\r\n");
        CliRun run = createMany(csv);
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(schemasOnServer()).containsExactlyInAnyOrder("excel_one", "excel_two");
    }

    @Test
    void aRowWithoutASchemaIsNamedByItsLineAndNothingIsSent() throws Exception {
        CliRun run = createMany(csv(List.of("fine,com.example.A", ",com.example.B")));
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("schemas.csv line 3", "config.schema");
        assertThat(schemasOnServer()).isEmpty();
    }

    @Test
    void dryRunPrintsTheRequestsAndSendsNone() throws Exception {
        CliRun run = createMany(csv(List.of("alpha,com.example.A", "beta,com.example.B")), "--dry-run");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("POST connections", "\"schema\":\"alpha\"", "\"connector_class\":\"com.example.B\"");
        assertThat(schemasOnServer()).isEmpty();
    }

    private CliRun createMany(Path csv, String... extra) {
        List<String> args = new ArrayList<>(List.of("api", "connections", "create-many", "--csv", csv.toString(),
                "--template", dir.resolve("template.json").toString(), "--concurrency", "4",
                "--log-dir", dir.resolve("runs").toString(),
                "--url", proxy.uri() + "/v1", "--key", key.key(), "--secret", key.secret()));
        args.addAll(List.of(extra));
        return CliRun.of(args.toArray(String[]::new));
    }

    private Path csv(List<String> rows) throws Exception {
        Path csv = dir.resolve("schemas.csv");
        Files.writeString(csv, "schema,class\n" + rows.stream().collect(Collectors.joining("\n")) + "\n");
        return csv;
    }

    private List<String> schemasOnServer() throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = server.database().connection();
                PreparedStatement ps = c.prepareStatement("SELECT schema_name FROM connections WHERE group_id = ?")) {
            ps.setString(1, groupId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }
}
