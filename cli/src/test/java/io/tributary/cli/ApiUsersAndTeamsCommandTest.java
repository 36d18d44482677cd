package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.server.ServerConfig;
import io.tributary.server.TributaryServer;
import io.tributary.server.auth.ApiKeys;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `tributary api users …` and `teams …` (api_framework's new_user, new_team) against the real server. */
class ApiUsersAndTeamsCommandTest {
    @TempDir
    Path dir;

    private TributaryServer server;
    private String[] auth;

    @BeforeEach
    void start() {
        ApiTestLogs.use();
        server = TributaryServer.start(ServerConfig.defaults().withPort(0).withDataDir(dir.resolve("server")));
        ApiKeys.Credentials k = server.initialKey().orElseThrow();
        auth = new String[] {"--url", "http://127.0.0.1:" + server.port() + "/v1", "--key", k.key(), "--secret", k.secret()};
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private CliRun api(String... args) {
        List<String> all = new ArrayList<>(List.of("api"));
        all.addAll(List.of(args));
        all.addAll(List.of(auth));
        return CliRun.of(all.toArray(String[]::new));
    }

    /** The store's rows for a query, each as column → value. */
    private List<Map<String, Object>> rows(String sql) throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection c = server.database().connection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnLabel(i).toLowerCase(), rs.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    @Test
    void usersCreateInvitesTheUserAndListShowsThem() throws Exception {
        CliRun created = api("users", "create", "--email", "john.doe@mycompany.com", "--given-name", "John",
                "--family-name", "Doe", "--phone", "+1234567890", "--picture",
                "http://mycompany.com/avatars/john_doe.png", "--role", "Account Reviewer");
        assertThat(created.exitCode()).as(created.all()).isZero();
        assertThat(created.out()).contains("Invited john.doe@mycompany.com", "Account Reviewer");
        List<Map<String, Object>> users = rows("SELECT id, email, given_name, family_name, phone, picture, role, "
                + "invited FROM users");
        assertThat(users).hasSize(1);
        assertThat(users.get(0)).containsEntry("email", "john.doe@mycompany.com").containsEntry("given_name", "John")
                .containsEntry("family_name", "Doe").containsEntry("phone", "+1234567890")
                .containsEntry("picture", "http://mycompany.com/avatars/john_doe.png")
                .containsEntry("role", "Account Reviewer").containsEntry("invited", true);
        assertThat(created.out()).contains((String) users.get(0).get("id"));

        api("users", "create", "--email", "ann@mycompany.com", "--given-name", "Ann", "--family-name", "Lee");
        JsonNode listed = new ObjectMapper().readTree(api("users", "list", "--json").out());
        assertThat(listed).extracting(u -> u.path("email").asText())
                .containsExactlyInAnyOrder("john.doe@mycompany.com", "ann@mycompany.com");
        assertThat(listed).extracting(u -> u.path("given_name").asText()).contains("John", "Ann");
        assertThat(api("users", "list").out()).contains("EMAIL", "GIVEN_NAME", "ann@mycompany.com", "(2 rows)");
        assertThat(api("users", "list", "--active", "false", "--json").out())
                .as("invited users are active").isEqualToIgnoringWhitespace("[]");
    }

    @Test
    void usersCreateSurfacesTheServersRefusalsWithExit1() throws Exception {
        api("users", "create", "--email", "jane@mycompany.com", "--given-name", "Jane", "--family-name", "Doe");
        CliRun duplicate = api("users", "create", "--email", "JANE@mycompany.com", "--given-name", "J",
                "--family-name", "D");
        assertThat(duplicate.exitCode()).isEqualTo(1);
        assertThat(duplicate.err()).contains("HTTP 409", "A user with email 'JANE@mycompany.com' already exists");

        CliRun badRole = api("users", "create", "--email", "max@mycompany.com", "--given-name", "Max",
                "--family-name", "Roe", "--role", "Supreme Leader");
        assertThat(badRole.exitCode()).isEqualTo(1);
        assertThat(badRole.err()).contains("HTTP 400", "Field 'role' must be an account role, one of",
                "'Account Reviewer'", "got 'Supreme Leader'");

        CliRun badEmail = api("users", "create", "--email", "not-an-email", "--given-name", "X", "--family-name", "Y");
        assertThat(badEmail.exitCode()).isEqualTo(1);
        assertThat(badEmail.err()).contains("Field 'email' must be an email address");
        assertThat(rows("SELECT email FROM users")).as("nothing refused was stored")
                .containsExactly(Map.of("email", "jane@mycompany.com"));
    }

    @Test
    void usersCreateDryRunAndUsageErrors() throws Exception {
        CliRun dry = api("users", "create", "--email", "a@b.co", "--given-name", "A", "--family-name", "B",
                "--role", "Account Analyst", "--dry-run");
        assertThat(dry.exitCode()).isZero();
        assertThat(dry.out()).contains("POST users {\"email\":\"a@b.co\",\"given_name\":\"A\",\"family_name\":\"B\","
                + "\"role\":\"Account Analyst\"}");
        assertThat(rows("SELECT id FROM users")).as("a dry run sends nothing").isEmpty();

        CliRun missing = api("users", "create", "--given-name", "A", "--family-name", "B");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("--email");
    }

    @Test
    void teamsCreateStoresTheTeamAndListShowsIt() throws Exception {
        CliRun created = api("teams", "create", "--name", "Finance Team", "--description", "Finance Team description",
                "--role", "Account Analyst");
        assertThat(created.exitCode()).as(created.all()).isZero();
        assertThat(created.out()).contains("Created team Finance Team");
        assertThat(rows("SELECT name, description, role FROM teams")).containsExactly(Map.of("name", "Finance Team",
                "description", "Finance Team description", "role", "Account Analyst"));

        assertThat(api("teams", "create", "--name", "Ops").exitCode()).isZero();
        JsonNode listed = new ObjectMapper().readTree(api("teams", "list", "--json").out());
        assertThat(listed).extracting(t -> t.path("name").asText()).containsExactlyInAnyOrder("Finance Team", "Ops");
        assertThat(listed).filteredOn(t -> t.path("name").asText().equals("Ops"))
                .allSatisfy(t -> assertThat(t.get("role").isNull()).as("a team without an account role").isTrue());
        assertThat(api("teams", "list").out()).contains("DESCRIPTION", "Finance Team description", "(2 rows)");
    }

    @Test
    void teamsCreateSurfacesRefusalsAndHonoursDryRun() throws Exception {
        api("teams", "create", "--name", "Ops");
        CliRun duplicate = api("teams", "create", "--name", "Ops");
        assertThat(duplicate.exitCode()).isEqualTo(1);
        assertThat(duplicate.err()).contains("HTTP 409", "A team named 'Ops' already exists");

        // api_framework's new_team ships this placeholder role; the server names the real ones.
        CliRun placeholder = api("teams", "create", "--name", "Test Finance Team", "--role", "Test Account Analyst");
        assertThat(placeholder.exitCode()).isEqualTo(1);
        assertThat(placeholder.err()).contains("HTTP 400", "'Account Analyst'", "got 'Test Account Analyst'");

        CliRun dry = api("teams", "create", "--name", "Later", "--dry-run");
        assertThat(dry.out()).contains("POST teams {\"name\":\"Later\"}");
        assertThat(rows("SELECT name FROM teams")).containsExactly(Map.of("name", "Ops"));
        assertThat(api("teams", "create").exitCode()).as("--name is required").isEqualTo(2);
    }
}
