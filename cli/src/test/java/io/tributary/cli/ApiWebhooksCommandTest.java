package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.tributary.client.TributaryClient;
import io.tributary.client.WebhookSignature;
import io.tributary.server.ServerConfig;
import io.tributary.server.TributaryServer;
import io.tributary.server.auth.ApiKeys;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `tributary api webhooks …` (api_framework's new_group_webhook) against the real server, allowed to deliver over
 * plain HTTP to a loopback receiver that records what arrives.
 */
class ApiWebhooksCommandTest {
    private static final String SECRET = "my_secret_Zq81";

    @TempDir
    Path dir;

    private TributaryServer server;
    private HttpServer receiver;
    private String endpoint;
    private String[] auth;
    private String groupId;
    /** What the receiver answers. */
    private final AtomicInteger answer = new AtomicInteger(200);
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();

    record Delivery(JsonNode body, boolean signedWithSecret, boolean signed) {
    }

    @BeforeEach
    void start() throws Exception {
        ApiTestLogs.use();
        server = TributaryServer.start(ServerConfig.defaults().withPort(0).withDataDir(dir.resolve("server"))
                .withAllowHttpWebhooks(true));
        ApiKeys.Credentials k = server.initialKey().orElseThrow();
        String url = "http://127.0.0.1:" + server.port() + "/v1";
        auth = new String[] {"--url", url, "--key", k.key(), "--secret", k.secret()};
        groupId = TributaryClient.builder().baseUrl(url).apiKey(k.key()).apiSecret(k.secret()).build().groups()
                .create("Finance").id();
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String signature = exchange.getRequestHeaders().getFirst("X-Fivetran-Signature-256");
            deliveries.add(new Delivery(new ObjectMapper().readTree(body),
                    signature != null && WebhookSignature.verify(body, SECRET, signature), signature != null));
            exchange.sendResponseHeaders(answer.get(), -1);
            exchange.close();
        });
        receiver.start();
        endpoint = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    @AfterEach
    void stop() {
        receiver.stop(0);
        server.close();
    }

    private CliRun api(String... args) {
        List<String> all = new ArrayList<>(List.of("api", "webhooks"));
        all.addAll(List.of(args));
        all.addAll(List.of(auth));
        return CliRun.of(all.toArray(String[]::new));
    }

    private List<Map<String, Object>> stored() throws Exception {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection c = server.database().connection();
             PreparedStatement ps = c.prepareStatement("SELECT id, type, group_id, url, events, active, secret "
                     + "FROM webhooks ORDER BY created_at, id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (String column : List.of("id", "type", "group_id", "url", "events", "active", "secret")) {
                    row.put(column, rs.getObject(column));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    @Test
    void createsASignedGroupWebhookAfterTheEndpointAcceptsTheTestEvent() throws Exception {
        CliRun created = api("create", "--group", groupId, "--webhook-url", endpoint, "--event", "sync_start",
                "--event", "sync_end,transformation_run_start", "--webhook-secret", SECRET);
        assertThat(created.exitCode()).as(created.all()).isZero();
        assertThat(created.all()).contains("Created group webhook", "sync_start, sync_end, transformation_run_start")
                .doesNotContain(SECRET);
        List<Map<String, Object>> rows = stored();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsEntry("type", "group").containsEntry("group_id", groupId)
                .containsEntry("url", endpoint).containsEntry("active", true).containsEntry("secret", SECRET);
        assertThat((String) rows.get(0).get("events")).contains("sync_start", "sync_end", "transformation_run_start");
        assertThat(deliveries).as("the server checked the endpoint with a signed test event").hasSize(1);
        assertThat(deliveries.get(0).body().path("event").asText()).isEqualTo("test_event");
        assertThat(deliveries.get(0).signedWithSecret()).isTrue();

        String id = (String) rows.get(0).get("id");
        CliRun tested = api("test", id, "--event", "sync_end");
        assertThat(tested.exitCode()).as(tested.all()).isZero();
        assertThat(tested.out()).contains("Delivered sync_end");
        assertThat(deliveries).hasSize(2);
        assertThat(deliveries.get(1).body().path("event").asText()).isEqualTo("sync_end");
        assertThat(deliveries.get(1).signedWithSecret()).isTrue();
    }

    @Test
    void listsAccountAndGroupWebhooksWithoutEverPrintingTheSecret() throws Exception {
        assertThat(api("create", "--group", groupId, "--webhook-url", endpoint, "--event", "sync_end",
                "--webhook-secret", SECRET).exitCode()).isZero();
        CliRun account = api("create", "--account", "--webhook-url", endpoint, "--event", "create_connector",
                "--inactive", "--json");
        assertThat(account.exitCode()).as(account.all()).isZero();
        assertThat(new ObjectMapper().readTree(account.out()).path("active").asBoolean(true)).isFalse();
        assertThat(deliveries).as("an inactive webhook is not sent a test event").hasSize(1);
        assertThat(stored()).extracting(r -> r.get("type") + "/" + r.get("active"))
                .containsExactly("group/true", "account/false");

        CliRun listed = api("list", "--json");
        assertThat(listed.out()).doesNotContain(SECRET);
        JsonNode webhooks = new ObjectMapper().readTree(listed.out());
        assertThat(webhooks).extracting(w -> w.path("type").asText() + ":" + w.path("secret").asText("(none)"))
                .containsExactlyInAnyOrder("group:******", "account:(none)");
        CliRun table = api("list", "--group", groupId);
        assertThat(table.out()).contains("GROUP_ID", groupId, "sync_end", "******", "(1 row)")
                .doesNotContain(SECRET, "create_connector");
    }

    @Test
    void aWebhookSecretGivenWithoutAValueIsAskedFor() throws Exception {
        InputStream in = System.in;
        try {
            System.setIn(new ByteArrayInputStream((SECRET + "\n").getBytes(StandardCharsets.UTF_8)));
            CliRun created = api("create", "--group", groupId, "--webhook-secret", "--webhook-url", endpoint,
                    "--event", "sync_end");
            assertThat(created.exitCode()).as(created.all()).isZero();
            assertThat(created.out()).doesNotContain(SECRET);
        } finally {
            System.setIn(in);
        }
        assertThat(stored()).extracting(r -> r.get("secret")).containsExactly(SECRET);
        assertThat(deliveries).allSatisfy(d -> assertThat(d.signedWithSecret()).isTrue());
    }

    @Test
    void refusalsExitWith1AndLeaveNothingBehind() throws Exception {
        answer.set(503);
        CliRun unreachable = api("create", "--group", groupId, "--webhook-url", endpoint, "--event", "sync_end");
        assertThat(unreachable.exitCode()).isEqualTo(1);
        assertThat(unreachable.err()).contains("HTTP 400", "did not accept the test event", "HTTP 503",
                "\"active\": false");

        CliRun unknownEvent = api("create", "--account", "--webhook-url", endpoint, "--event", "sync_middle",
                "--inactive");
        assertThat(unknownEvent.exitCode()).isEqualTo(1);
        assertThat(unknownEvent.err()).contains("unknown event 'sync_middle'", "sync_start");

        CliRun noGroup = api("create", "--group", "no_such_group", "--webhook-url", endpoint, "--event", "sync_end");
        assertThat(noGroup.exitCode()).isEqualTo(1);
        assertThat(noGroup.err()).contains("HTTP 404", "NotFound_Group");
        assertThat(stored()).isEmpty();

        CliRun noWebhook = api("test", "no_such_webhook");
        assertThat(noWebhook.exitCode()).isEqualTo(1);
        assertThat(noWebhook.err()).contains("HTTP 404", "NotFound_Webhook");
    }

    @Test
    void aTestTheEndpointRefusesExitsWith1() throws Exception {
        assertThat(api("create", "--group", groupId, "--webhook-url", endpoint, "--event", "sync_start")
                .exitCode()).isZero();
        String id = (String) stored().get(0).get("id");
        answer.set(500);
        CliRun refused = api("test", id, "--json");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("did not accept sync_start", "HTTP 500");
        JsonNode result = new ObjectMapper().readTree(refused.out());
        assertThat(result.path("succeed").asBoolean(true)).isFalse();
        assertThat(result.path("status").asInt()).isEqualTo(500);
        assertThat(deliveries.get(deliveries.size() - 1).body().path("event").asText()).isEqualTo("sync_start");
        assertThat(deliveries.get(deliveries.size() - 1).signed()).as("no secret, no signature").isFalse();
    }

    @Test
    void dryRunsSendNothingAndHideTheSecret() throws Exception {
        CliRun dry = api("create", "--group", groupId, "--webhook-url", endpoint, "--event", "sync_end",
                "--webhook-secret", SECRET, "--dry-run");
        assertThat(dry.exitCode()).isZero();
        assertThat(dry.out()).contains("POST webhooks/group/" + groupId + " {\"url\":\"" + endpoint
                + "\",\"events\":[\"sync_end\"],\"active\":true,\"secret\":\"******\"}").doesNotContain(SECRET);
        assertThat(api("test", "w1", "--event", "sync_end", "--dry-run").out())
                .contains("POST webhooks/w1/test {\"event\":\"sync_end\"}");
        assertThat(stored()).isEmpty();
        assertThat(deliveries).isEmpty();
    }

    @Test
    void exactlyOneOfGroupOrAccountIsAUsageError() {
        CliRun both = api("create", "--group", groupId, "--account", "--webhook-url", endpoint, "--event", "sync_end");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("mutually exclusive");
        CliRun neither = api("create", "--webhook-url", endpoint, "--event", "sync_end");
        assertThat(neither.exitCode()).isEqualTo(2);
        assertThat(neither.err()).contains("--group", "--account");
    }
}
