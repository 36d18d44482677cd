package io.tributary.server.webhooks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.api.ApiJson;
import io.tributary.server.http.Json;
import io.tributary.server.store.WebhookOutbox;
import io.tributary.server.store.WebhookStore;
import java.time.Instant;
import java.util.function.Consumer;

/**
 * Turns what happens to connections and transformations into webhook events in Fivetran's payload shape, queued in
 * the outbox for each active webhook of the group (or account) that subscribed to the event; the
 * {@link WebhookDispatcher} delivers them.
 */
public final class EventPublisher {
    private final WebhookStore webhooks;
    private final WebhookOutbox outbox;

    public EventPublisher(WebhookStore webhooks, WebhookOutbox outbox) {
        this.webhooks = webhooks;
        this.outbox = outbox;
    }

    /** What an event is about: a connection (or a transformation, with {@code service} "transformation"). */
    public record Subject(String id, String name, String service, String groupId) {
    }

    /** Queues {@code event}; {@code body} adds fields (sync_id, data) to the common ones. */
    public void publish(String event, Subject subject, Consumer<ObjectNode> body) {
        ObjectNode payload = Json.MAPPER.createObjectNode();
        payload.put("event", event);
        payload.put("created", ApiJson.timestamp(Instant.now()));
        payload.put("connector_type", subject.service());
        payload.put("connector_id", subject.id());
        payload.put("connector_name", subject.name());
        payload.put("destination_group_id", subject.groupId());
        body.accept(payload);
        String text = payload.toString();
        Instant now = Instant.now();
        for (WebhookStore.Row hook : webhooks.listening(subject.groupId())) {
            if (hook.events().contains(event)) {
                outbox.enqueue(hook.id(), event, text, now);
            }
        }
    }

    public void publish(String event, Subject subject) {
        publish(event, subject, payload -> { });
    }
}
