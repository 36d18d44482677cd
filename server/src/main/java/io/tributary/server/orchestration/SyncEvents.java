package io.tributary.server.orchestration;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.api.ApiJson;
import io.tributary.server.http.Json;
import io.tributary.server.store.ConnectionStore;
import io.tributary.server.store.WebhookStore;
import io.tributary.server.webhooks.WebhookDelivery;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@code sync_start} and {@code sync_end} to the webhooks listening to a connection's group, in Fivetran's
 * payload shape, off the sync's thread: a slow endpoint never holds a sync up. Undelivered events are logged.
 */
final class SyncEvents implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("tributary.webhooks");
    private final WebhookStore webhooks;
    private final WebhookDelivery delivery;
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "webhook-sender");
        t.setDaemon(true);
        return t;
    });

    SyncEvents(WebhookStore webhooks, WebhookDelivery delivery) {
        this.webhooks = webhooks;
        this.delivery = delivery;
    }

    void started(ConnectionStore.Row connection, String syncId) {
        send("sync_start", connection, syncId, null, null);
    }

    void ended(ConnectionStore.Row connection, String syncId, boolean succeeded, String reason) {
        send("sync_end", connection, syncId, succeeded ? "SUCCESSFUL" : "FAILED", reason);
    }

    private void send(String event, ConnectionStore.Row connection, String syncId, String status, String reason) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("event", event);
        body.put("created", ApiJson.timestamp(Instant.now()));
        body.put("connector_type", connection.service());
        body.put("connector_id", connection.id());
        body.put("connector_name", connection.schema());
        body.put("sync_id", syncId);
        body.put("destination_group_id", connection.groupId());
        if (status != null) {
            ObjectNode data = body.putObject("data").put("status", status);
            if (reason != null) {
                data.put("reason", reason);
            }
        }
        byte[] payload = body.toString().getBytes(StandardCharsets.UTF_8);
        sender.execute(() -> {
            for (WebhookStore.Row hook : webhooks.listening(connection.groupId())) {
                if (hook.events().contains(event)) {
                    WebhookDelivery.Result result = delivery.post(hook.url(), hook.secret(), payload);
                    if (!result.succeed()) {
                        LOG.warn("webhook {} did not take {} of connection {}: {}", hook.id(), event,
                                connection.id(), result.message());
                    }
                }
            }
        });
    }

    @Override
    public void close() {
        sender.shutdown();
        try {
            sender.awaitTermination(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
