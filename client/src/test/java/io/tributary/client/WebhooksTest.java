package io.tributary.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Webhooks} against a stub. */
class WebhooksTest {
    private static final String WEBHOOK = """
            {"id":"w1","type":"group","url":"https://hooks.example.com/in","events":["sync_start","sync_end"],
             "active":true,"secret":"******","group_id":"g1","created_at":"2026-01-01T00:00:00.000000Z","created_by":"key1"}""";

    private static TributaryClient client(StubServer stub) {
        return TributaryClient.builder().baseUrl(stub.baseUrl()).apiKey("k").apiSecret("s").build();
    }

    @Test
    void createsForAGroupOrTheAccountAndDecodesTheWebhook() throws Exception {
        try (StubServer stub = new StubServer((r, n) -> StubServer.Answer.json(200,
                "{\"code\":\"Success\",\"data\":" + WEBHOOK + "}"))) {
            WebhookRequest request = WebhookRequest.create("https://hooks.example.com/in",
                    List.of("sync_start", "sync_end"), true, "s3cret");
            Webhook webhook = client(stub).webhooks().createForGroup("g1", request);
            assertThat(webhook.groupId()).isEqualTo("g1");
            assertThat(webhook.events()).containsExactly("sync_start", "sync_end");
            assertThat(webhook.secret()).isEqualTo("******");
            client(stub).webhooks().createForAccount(WebhookRequest.create("https://h.example.com", List.of("sync_end"),
                    false, null));
            assertThat(stub.received).extracting(r -> r.method() + " " + r.uri())
                    .containsExactly("POST /v1/webhooks/group/g1", "POST /v1/webhooks/account");
            assertThat(stub.received.get(0).body()).isEqualTo("{\"url\":\"https://hooks.example.com/in\","
                    + "\"events\":[\"sync_start\",\"sync_end\"],\"active\":true,\"secret\":\"s3cret\"}");
            assertThat(stub.received.get(1).body()).contains("\"active\":false").doesNotContain("secret");
        }
    }

    @Test
    void theRequestNeverShowsItsSecret() {
        assertThat(WebhookRequest.create("https://h.example.com", List.of("sync_end"), true, "s3cret").toString())
                .contains("secret=******").doesNotContain("s3cret");
    }

    @Test
    void listsGetsUpdatesDeletesAndTests() throws Exception {
        try (StubServer stub = new StubServer((r, n) -> StubServer.Answer.json(200, switch (r.method()) {
            case "DELETE" -> "{\"code\":\"Success\",\"message\":\"Webhook with id 'w1' has been deleted\"}";
            case "POST" -> "{\"code\":\"Success\",\"message\":\"Webhook test failed\",\"data\":"
                    + "{\"succeed\":false,\"status\":503,\"message\":\"The endpoint answered HTTP 503\"}}";
            default -> r.uri().contains("?") ? "{\"code\":\"Success\",\"data\":{\"items\":[" + WEBHOOK + "]}}"
                    : "{\"code\":\"Success\",\"data\":" + WEBHOOK + "}";
        }))) {
            Webhooks webhooks = client(stub).webhooks();
            assertThat(webhooks.list().map(Webhook::id).toList()).containsExactly("w1");
            assertThat(webhooks.get("w1").url()).isEqualTo("https://hooks.example.com/in");
            webhooks.update("w1", new WebhookRequest(null, null, false, null, null));
            Webhooks.TestResult result = webhooks.test("w1", "sync_end");
            assertThat(result).isEqualTo(new Webhooks.TestResult(false, 503, "The endpoint answered HTTP 503"));
            webhooks.delete("w1");
            assertThat(stub.received).extracting(r -> r.method() + " " + r.uri()).containsExactly(
                    "GET /v1/webhooks?limit=1000", "GET /v1/webhooks/w1", "PATCH /v1/webhooks/w1",
                    "POST /v1/webhooks/w1/test", "DELETE /v1/webhooks/w1");
            assertThat(stub.received.get(2).body()).isEqualTo("{\"active\":false}");
            assertThat(stub.received.get(3).body()).isEqualTo("{\"event\":\"sync_end\"}");
        }
    }
}
