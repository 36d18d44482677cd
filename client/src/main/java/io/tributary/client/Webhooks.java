package io.tributary.client;

import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code /v1/webhooks}: account and group webhooks. Creating or activating one makes the server POST a test event
 * to it first, and fail with 400 when the endpoint does not accept it.
 */
public final class Webhooks {
    private final TributaryClient client;

    /** What a test delivery did: {@code status} is the endpoint's HTTP status, 0 when it gave none. */
    public record TestResult(boolean succeed, int status, String message) {
    }

    Webhooks(TributaryClient client) {
        this.client = client;
    }

    public Stream<Webhook> list() {
        return client.list("webhooks", Webhook.class);
    }

    public Webhook get(String id) {
        return Envelopes.data(client, "GET", one(id), null, Webhook.class);
    }

    /** A webhook for events of every group in the account. */
    public Webhook createForAccount(WebhookRequest webhook) {
        return Envelopes.data(client, "POST", "webhooks/account", webhook, Webhook.class);
    }

    /** A webhook for events of one group's connections. */
    public Webhook createForGroup(String groupId, WebhookRequest webhook) {
        return Envelopes.data(client, "POST", "webhooks/group/" + TributaryClient.segment(groupId), webhook,
                Webhook.class);
    }

    public Webhook update(String id, WebhookRequest changes) {
        return Envelopes.data(client, "PATCH", one(id), changes, Webhook.class);
    }

    public void delete(String id) {
        client.call("DELETE", one(id), null);
    }

    /**
     * Has the server POST a sample {@code event} (e.g. "sync_end") to the webhook now. An endpoint that refuses it
     * is a result ({@code succeed} false), not an error.
     */
    public TestResult test(String id, String event) {
        return Envelopes.data(client, "POST", one(id) + "/test", Map.of("event", event), TestResult.class);
    }

    private static String one(String id) {
        return "webhooks/" + TributaryClient.segment(id);
    }
}
