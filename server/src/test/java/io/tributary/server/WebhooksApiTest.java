package io.tributary.server;

import static io.tributary.server.OpenApiContract.assertConforms;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.server.auth.ApiKeys;
import io.tributary.server.auth.Role;
import io.tributary.server.store.Jdbc;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WebhooksApiTest {
    private static final String SECRET = "my-webhook-secret-42";

    @TempDir
    Path dir;

    private static ServerFixture httpAllowed(StoreKind store, Path dir) {
        return ServerFixture.start(store, dir, c -> c.withAllowHttpWebhooks(true));
    }

    private static String body(String url, String extra) {
        return "{\"url\": \"" + url + "\", \"events\": [\"sync_start\", \"sync_end\"]" + (extra.isEmpty() ? "" : ", " + extra) + "}";
    }

    /** The signature computed here, independently of the server's code. */
    private static String hmac(byte[] body, String secret) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void createReadUpdateDeleteWithTheSecretAlwaysMasked(StoreKind store) throws Exception {
        try (ServerFixture f = httpAllowed(store, dir); WebhookReceiver receiver = new WebhookReceiver()) {
            Http.Answer created = assertConforms("POST", "/v1/webhooks/account", f.admin.post("/v1/webhooks/account",
                    body(receiver.url("/hooks"), "\"secret\": \"" + SECRET + "\"")));
            assertThat(created.status()).isEqualTo(200);
            assertThat(created.json().path("message").asText()).isEqualTo("Account webhook has been created");
            JsonNode hook = created.data();
            String id = hook.path("id").asText();
            assertThat(id).matches("[a-z0-9]{20}");
            assertThat(hook.path("type").asText()).isEqualTo("account");
            assertThat(hook.path("secret").asText()).isEqualTo("******");
            assertThat(hook.path("active").asBoolean()).isTrue();
            assertThat(hook.has("group_id")).isFalse();
            assertThat(hook.path("created_by").asText()).isNotBlank();
            assertThat(hook.path("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
            assertThat(hook.path("events")).extracting(JsonNode::asText).containsExactly("sync_start", "sync_end");

            // Creating an active webhook sent it Fivetran's signed test_event first.
            assertThat(receiver.deliveries()).hasSize(1);
            WebhookReceiver.Delivery activation = receiver.last();
            assertThat(activation.path()).isEqualTo("/hooks");
            assertThat(Connections.parse(activation.text()).path("event").asText()).isEqualTo("test_event");
            assertThat(activation.header("X-Fivetran-Signature-256")).isEqualTo(hmac(activation.body(), SECRET));

            String groupId = Connections.group(f, "hooked");
            Http.Answer group = assertConforms("POST", "/v1/webhooks/group/" + groupId,
                    f.admin.post("/v1/webhooks/group/" + groupId, body(receiver.url("/group"), "")));
            assertThat(group.data().path("type").asText()).isEqualTo("group");
            assertThat(group.data().path("group_id").asText()).isEqualTo(groupId);
            assertThat(group.data().has("secret")).as("no secret set").isFalse();
            assertThat(group.json().path("message").asText()).isEqualTo("Group webhook has been created");

            Http.Answer list = assertConforms("GET", "/v1/webhooks", f.admin.get("/v1/webhooks"));
            assertThat(list.data().path("items")).extracting(n -> n.path("id").asText())
                    .containsExactly(id, group.data().path("id").asText());
            assertThat(list.data().has("next_cursor")).isFalse();
            Http.Answer page = assertConforms("GET", "/v1/webhooks?limit=1", f.admin.get("/v1/webhooks?limit=1"));
            assertThat(page.data().path("items")).hasSize(1);
            assertThat(page.data().path("next_cursor").asText()).isEqualTo("eyJza2lwIjoxfQ");

            Http.Answer details = assertConforms("GET", "/v1/webhooks/" + id, f.admin.get("/v1/webhooks/" + id));
            assertThat(details.data().path("url").asText()).isEqualTo(receiver.url("/hooks"));
            assertThat(details.data().path("secret").asText()).isEqualTo("******");

            // PATCH with the mask read back keeps the secret; deactivating sends nothing.
            Http.Answer patched = assertConforms("PATCH", "/v1/webhooks/" + id, f.admin.patch("/v1/webhooks/" + id,
                    "{\"events\": [\"sync_end\", \"sync_end\"], \"active\": false, \"secret\": \"******\"}"));
            assertThat(patched.data().path("events")).extracting(JsonNode::asText).containsExactly("sync_end");
            assertThat(patched.data().path("active").asBoolean()).isFalse();
            assertThat(patched.data().path("secret").asText()).isEqualTo("******");
            assertThat(receiver.deliveries()).hasSize(2);
            f.admin.post("/v1/webhooks/" + id + "/test", "{\"event\": \"sync_end\"}");
            assertThat(receiver.last().header("X-Fivetran-Signature-256")).as("the original secret still signs")
                    .isEqualTo(hmac(receiver.last().body(), SECRET));

            // Re-activating tests the endpoint again; a new secret signs from then on.
            f.admin.patch("/v1/webhooks/" + id, "{\"active\": true, \"secret\": \"rotated\"}");
            assertThat(receiver.deliveries()).hasSize(4);
            assertThat(Connections.parse(receiver.last().text()).path("event").asText()).isEqualTo("test_event");
            assertThat(receiver.last().header("X-Fivetran-Signature-256")).isEqualTo(hmac(receiver.last().body(), "rotated"));

            for (Http.Answer answer : List.of(created, list, details, patched, f.admin.get("/v1/webhooks/" + id))) {
                assertThat(answer.text()).doesNotContain(SECRET).doesNotContain("rotated");
            }

            Http.Answer deleted = assertConforms("DELETE", "/v1/webhooks/" + id, f.admin.delete("/v1/webhooks/" + id));
            assertThat(deleted.json().path("message").asText()).isEqualTo("Webhook with id '" + id + "' has been deleted");
            Http.Answer gone = f.admin.get("/v1/webhooks/" + id);
            assertThat(gone.status()).isEqualTo(404);
            assertThat(gone.code()).isEqualTo("NotFound_Webhook");
            assertThat(f.admin.patch("/v1/webhooks/" + id, "{\"active\": false}").code()).isEqualTo("NotFound_Webhook");
            assertThat(f.admin.delete("/v1/webhooks/" + id).code()).isEqualTo("NotFound_Webhook");
            assertThat(f.admin.post("/v1/webhooks/" + id + "/test", "{\"event\": \"sync_end\"}").code())
                    .isEqualTo("NotFound_Webhook");
            Http.Answer noGroup = f.admin.post("/v1/webhooks/group/nope", body(receiver.url("/x"), ""));
            assertThat(noGroup.status()).isEqualTo(404);
            assertThat(noGroup.code()).isEqualTo("NotFound_Group");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void theTestPostsASignedSampleEventAndReportsWhatTheEndpointDid(StoreKind store) throws Exception {
        try (ServerFixture f = httpAllowed(store, dir); WebhookReceiver receiver = new WebhookReceiver()) {
            String groupId = Connections.group(f, "tested");
            String id = f.admin.post("/v1/webhooks/group/" + groupId, body(receiver.url("/in"),
                    "\"secret\": \"" + SECRET + "\"")).data().path("id").asText();

            String path = "/v1/webhooks/" + id + "/test";
            Http.Answer ok = assertConforms("POST", path, f.admin.post(path, "{\"event\": \"sync_end\"}"));
            assertThat(ok.json().path("message").asText()).isEqualTo("Webhook test completed successfully");
            assertThat(ok.data().path("succeed").asBoolean()).isTrue();
            assertThat(ok.data().path("status").asInt()).isEqualTo(200);
            WebhookReceiver.Delivery sample = receiver.last();
            assertThat(sample.method()).isEqualTo("POST");
            assertThat(sample.header("Content-Type")).startsWith("application/json");
            assertThat(sample.header("X-Fivetran-Signature-256")).isEqualTo(hmac(sample.body(), SECRET));
            JsonNode event = Connections.parse(sample.text());
            assertThat(event.path("event").asText()).isEqualTo("sync_end");
            assertThat(event.path("connector_id").asText()).isEqualTo("_connection_1");
            assertThat(event.path("destination_group_id").asText()).isEqualTo(groupId);
            assertThat(event.path("data").path("status").asText()).isEqualTo("SUCCESSFUL");
            assertThat(event.path("sync_id").asText()).isNotBlank();

            receiver.answer(503);
            Http.Answer refused = assertConforms("POST", path, f.admin.post(path, "{\"event\": \"sync_start\"}"));
            assertThat(refused.status()).isEqualTo(200);
            assertThat(refused.data().path("succeed").asBoolean()).isFalse();
            assertThat(refused.data().path("status").asInt()).isEqualTo(503);
            assertThat(refused.data().path("message").asText()).contains("503");

            // Nothing listens: a failed result, not a 500. Inactive, so creating it sent nothing.
            String deadUrl = "http://127.0.0.1:" + closedPort() + "/gone";
            String dead = f.admin.post("/v1/webhooks/account", body(deadUrl, "\"active\": false")).data().path("id").asText();
            String deadPath = "/v1/webhooks/" + dead + "/test";
            Http.Answer unreachable = assertConforms("POST", deadPath, f.admin.post(deadPath, "{\"event\": \"sync_end\"}"));
            assertThat(unreachable.status()).isEqualTo(200);
            assertThat(unreachable.json().path("message").asText()).isEqualTo("Webhook test failed");
            assertThat(unreachable.data().path("succeed").asBoolean()).isFalse();
            assertThat(unreachable.data().path("status").asInt()).isZero();
            assertThat(unreachable.data().path("message").asText()).startsWith("Could not deliver to " + deadUrl);

            receiver.answer(200);
            String unsigned = f.admin.post("/v1/webhooks/account", body(receiver.url("/plain"), "")).data().path("id").asText();
            f.admin.post("/v1/webhooks/" + unsigned + "/test", "{\"event\": \"create_connector\"}");
            assertThat(receiver.last().header("X-Fivetran-Signature-256")).as("no secret, no signature").isNull();

            for (String bad : List.of("{}", "{\"event\": \"\"}", "{\"event\": \"sync_ended\"}")) {
                Http.Answer invalid = f.admin.post(path, bad);
                assertThat(invalid.status()).as(bad).isEqualTo(400);
                assertThat(invalid.json().path("message").asText()).as(bad).contains("'event'");
            }
            assertThat(f.admin.post(path, "{\"event\": \"sync_ended\"}").json().path("message").asText())
                    .contains("sync_ended");
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void creatingOrActivatingAnUnreachableWebhookIsRejected(StoreKind store) throws Exception {
        try (ServerFixture f = httpAllowed(store, dir); WebhookReceiver receiver = new WebhookReceiver()) {
            String deadUrl = "http://127.0.0.1:" + closedPort() + "/gone";
            Http.Answer dead = f.admin.post("/v1/webhooks/account", body(deadUrl, ""));
            assertThat(dead.status()).isEqualTo(400);
            assertThat(dead.code()).isEqualTo("InvalidInput");
            assertThat(dead.json().path("message").asText()).startsWith("Field 'url'").contains("active");

            receiver.answer(500);
            assertThat(f.admin.post("/v1/webhooks/account", body(receiver.url("/x"), "")).status()).isEqualTo(400);
            assertThat(f.admin.get("/v1/webhooks").data().path("items")).as("nothing was created").isEmpty();

            String id = f.admin.post("/v1/webhooks/account", body(receiver.url("/x"), "\"active\": false")).data()
                    .path("id").asText();
            assertThat(f.admin.patch("/v1/webhooks/" + id, "{\"active\": true}").status()).isEqualTo(400);
            assertThat(f.admin.get("/v1/webhooks/" + id).data().path("active").asBoolean()).isFalse();
            assertThat(f.admin.patch("/v1/webhooks/" + id, "{\"active\": true, \"run_tests\": false}").status())
                    .as("run_tests false skips the check").isEqualTo(200);
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void validationNamesTheFieldAndTheBadValue(StoreKind store) {
        try (ServerFixture f = ServerFixture.start(store, dir)) {
            record Case(String body, String field, String mentions) {
            }
            for (Case c : List.of(
                    new Case("{\"events\": [\"sync_end\"]}", "'url'", "required"),
                    new Case(body("ftp://example.com/x", ""), "'url'", "https://"),
                    new Case(body("not a url", ""), "'url'", ""),
                    new Case(body("https:///nohost", ""), "'url'", "https://"),
                    new Case(body("http://example.com/hook", ""), "'url'", "--allow-http-webhooks"),
                    new Case("{\"url\": \"https://example.com/x\"}", "'events'", "at least one"),
                    new Case("{\"url\": \"https://example.com/x\", \"events\": []}", "'events'", "at least one"),
                    new Case("{\"url\": \"https://example.com/x\", \"events\": [\"sync_end\", \"sync_ended\"]}",
                            "'events'", "'sync_ended'"),
                    new Case("{\"url\": \"https://example.com/x\", \"events\": \"sync_end\"}", "'events'", ""),
                    new Case(body("https://example.com/x", "\"secret\": \"******\""), "'secret'", "mask"))) {
                Http.Answer answer = f.admin.post("/v1/webhooks/account", c.body());
                assertThat(answer.status()).as(c.body()).isEqualTo(400);
                assertThat(answer.code()).isEqualTo("InvalidInput");
                assertThat(answer.json().path("message").asText()).as(c.body()).contains(c.field()).contains(c.mentions());
            }
            // https:// is accepted; inactive, so no test delivery to the (unreachable) host is needed.
            Http.Answer ok = f.admin.post("/v1/webhooks/account", body("https://example.invalid/hook", "\"active\": false"));
            assertThat(ok.status()).isEqualTo(200);
            String id = ok.data().path("id").asText();
            Http.Answer badPatch = f.admin.patch("/v1/webhooks/" + id, "{\"url\": \"http://example.com\"}");
            assertThat(badPatch.status()).isEqualTo(400);
            assertThat(badPatch.json().path("message").asText()).contains("'url'");
            assertThat(f.admin.patch("/v1/webhooks/" + id, "{\"events\": [\"nope\"]}").json().path("message").asText())
                    .contains("'events'").contains("'nope'");
        }
    }

    @Test
    void accountWebhooksNeedTheAccountPermission() {
        try (ServerFixture f = httpAllowed(StoreKind.H2, dir); WebhookReceiver receiver = new WebhookReceiver()) {
            ApiKeys.Credentials key = new ApiKeys(new Jdbc(f.server.database())).create(Role.DESTINATION_ADMINISTRATOR, "t");
            Http destinationAdmin = new Http(f.server.port()).as(key.key(), key.secret());
            String groupId = Connections.group(f, "mine");

            Http.Answer account = destinationAdmin.post("/v1/webhooks/account", body(receiver.url("/a"), ""));
            assertThat(account.status()).isEqualTo(403);
            assertThat(account.code()).isEqualTo("Forbidden");
            Http.Answer group = destinationAdmin.post("/v1/webhooks/group/" + groupId, body(receiver.url("/g"), ""));
            assertThat(group.status()).isEqualTo(200);
            String groupHook = group.data().path("id").asText();
            assertThat(destinationAdmin.patch("/v1/webhooks/" + groupHook, "{\"active\": false}").status()).isEqualTo(200);

            String accountHook = f.admin.post("/v1/webhooks/account", body(receiver.url("/a"), "")).data().path("id").asText();
            assertThat(destinationAdmin.get("/v1/webhooks/" + accountHook).status()).as("reading is allowed").isEqualTo(200);
            assertThat(destinationAdmin.patch("/v1/webhooks/" + accountHook, "{\"active\": false}").status()).isEqualTo(403);
            assertThat(destinationAdmin.post("/v1/webhooks/" + accountHook + "/test", "{\"event\": \"sync_end\"}").status())
                    .isEqualTo(403);
            assertThat(destinationAdmin.delete("/v1/webhooks/" + accountHook).status()).isEqualTo(403);
            assertThat(f.reviewer.post("/v1/webhooks/group/" + groupId, body(receiver.url("/g"), "")).status()).isEqualTo(403);
            assertThat(f.reviewer.delete("/v1/webhooks/" + groupHook).status()).isEqualTo(403);
            assertThat(f.admin.get("/v1/webhooks/" + accountHook).data().path("active").asBoolean()).isTrue();
        }
    }
}
