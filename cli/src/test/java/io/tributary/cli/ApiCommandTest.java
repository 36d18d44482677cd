package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.server.ServerConfig;
import io.tributary.server.TributaryServer;
import io.tributary.server.auth.ApiKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `tributary api` commands against the real server, in-process; each test checks the server's state after. */
class ApiCommandTest {
    @TempDir
    Path dir;

    private TributaryServer server;
    private String[] auth;

    @BeforeEach
    void start() {
        ApiTestLogs.use();
        server = TributaryServer.start(ServerConfig.defaults().withPort(0).withDataDir(dir.resolve("store")));
        ApiKeys.Credentials k = server.initialKey().orElseThrow();
        auth = new String[] {"--url", "http://127.0.0.1:" + server.port() + "/v1", "--key", k.key(), "--secret", k.secret()};
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private CliRun api(String... args) {
        String[] all = new String[args.length + auth.length + 1];
        all[0] = "api";
        System.arraycopy(args, 0, all, 1, args.length);
        System.arraycopy(auth, 0, all, 1 + args.length, auth.length);
        return CliRun.of(all);
    }

    @Test
    void destinationsCreateMakesTheGroupThenTheDestination() throws Exception {
        CliRun run = api("destinations", "create", "--group", "Staging", "--service", "duckdb",
                "--config", "path=" + dir.resolve("w.db"));
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).contains("PASSED  Warehouse file", "Created group Staging");

        CliRun list = api("groups", "list", "--json");
        JsonNode groups = new ObjectMapper().readTree(list.out());
        assertThat(groups).hasSize(1);
        String id = groups.get(0).path("id").asText();
        assertThat(groups.get(0).path("name").asText()).isEqualTo("Staging");
        try (var c = server.database().connection(); var st = c.createStatement();
             var rs = st.executeQuery("SELECT service, setup_status FROM destinations WHERE id = '" + id + "'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("duckdb");
            assertThat(rs.getString(2)).isEqualTo("CONNECTED");
        }
        assertThat(Files.readString(ApiTestLogs.file())).contains("POST groups → 201", "POST destinations → 201");
    }

    @Test
    void refusedCredentialsAndAnUnreachableServerSayWhatToCheck() {
        CliRun refused = CliRun.of("api", "groups", "list", "--url", auth[1], "--key", "nobody", "--secret", "wrong");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("401", "hint: check the API key and secret");
        server.close();
        CliRun down = api("groups", "list");
        assertThat(down.exitCode()).isEqualTo(1);
        assertThat(down.err()).contains("hint: the API did not answer");
        server = TributaryServer.start(ServerConfig.defaults().withPort(0).withDataDir(dir.resolve("store")));
    }

    @Test
    void dryRunPrintsTheRequestsAndSendsNone() {
        CliRun run = api("destinations", "create", "--group", "Dry", "--service", "duckdb", "--config", "path=/x.db",
                "--dry-run");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("POST groups {\"name\":\"Dry\"}", "POST destinations {\"group_id\":\"<id of the new group>\"");
        assertThat(api("groups", "list", "--json").out().trim()).isEqualTo("[ ]");
    }

    @Test
    void aFailedSetupTestExitsNonZeroAndApiErrorsAreReadable() {
        CliRun broken = api("destinations", "create", "--group", "Broken", "--service", "duckdb",
                "--config", "path=" + dir.resolve("missing/dir/w.db"));
        assertThat(broken.exitCode()).isEqualTo(1);
        assertThat(broken.out()).contains("FAILED  Warehouse file", "did not all pass");
        CliRun unsupported = api("destinations", "create", "--group", "Other", "--service", "snowflake");
        assertThat(unsupported.exitCode()).isNotZero();
        assertThat(unsupported.all()).contains("InvalidInput", "Unsupported service 'snowflake'");
    }

    @Test
    void credentialsComeFromTheSeedsConfigFileToo() throws Exception {
        ApiKeys.Credentials k = new ApiKeys(new io.tributary.server.store.Jdbc(server.database()))
                .create(io.tributary.server.auth.Role.ACCOUNT_REVIEWER, "seed");
        Path config = dir.resolve("config.json");
        Files.writeString(config, "{\"fivetran\": {\"api_key\": \"" + k.key() + "\", \"api_secret\": \"" + k.secret()
                + "\", \"destination\": \"x\", \"h\": \"y\"}, \"T\": {\"pw\": \"z\"}}");
        CliRun run = CliRun.of("api", "groups", "list", "--url", "http://127.0.0.1:" + server.port() + "/v1",
                "--credentials", config.toString());
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).contains("ID", "NAME", "(0 rows)");
        CliRun none = CliRun.of("api", "groups", "list", "--credentials", dir.resolve("absent.json").toString());
        assertThat(none.err()).contains("does not exist");
    }
}
