package io.tributary.server.webhooks;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.api.ApiJson;
import io.tributary.server.http.ApiException;
import io.tributary.server.http.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The events a webhook can subscribe to, and the sample payloads sent when one is tested. */
public final class WebhookEvents {
    /** The reference's event list, in its order. */
    public static final Set<String> ALL = new LinkedHashSet<>(List.of("sync_start", "sync_end", "status",
            "dbt_run_start", "dbt_run_succeeded", "dbt_run_failed", "transformation_run_start",
            "transformation_run_succeeded", "transformation_run_failed", "connection_successful", "connection_failure",
            "create_connector", "pause_connector", "resume_connector", "edit_connector", "delete_connector",
            "force_update_connector", "resync_connector", "resync_table"));

    private WebhookEvents() {
    }

    /** The events, de-duplicated in order; 400 naming {@code field} and the first unknown event. */
    public static List<String> check(List<String> events, String field) {
        if (events == null || events.isEmpty()) {
            throw ApiException.invalid("Field '" + field + "' must list at least one event");
        }
        for (String event : events) {
            if (event == null || !ALL.contains(event)) {
                throw ApiException.invalid("Field '" + field + "' has an unknown event '" + event + "'; known events: "
                        + String.join(", ", ALL));
            }
        }
        return new ArrayList<>(new LinkedHashSet<>(events));
    }

    /** The payload checked on create and activation: Fivetran's {@code test_event}. */
    public static byte[] activationPayload() {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("event", "test_event");
        body.put("created", ApiJson.timestamp(Instant.now()));
        body.put("connector_type", "_connector_type");
        body.put("connector_id", "_connector_1");
        body.put("group_id", "_destination_1");
        return body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A sample of {@code event} for the dummy connection {@code _connection_1}, as {@code POST …/test} sends. */
    public static byte[] samplePayload(String event, String groupId) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("event", event);
        body.put("created", ApiJson.timestamp(Instant.now()));
        body.put("connector_type", "_connector_type");
        body.put("connector_id", "_connection_1");
        body.put("connector_name", "_connection_1");
        if (event.startsWith("sync_")) {
            body.put("sync_id", UUID.randomUUID().toString());
        }
        body.put("destination_group_id", groupId != null ? groupId : "_destination_1");
        if (event.equals("sync_end") || event.endsWith("_succeeded")) {
            body.putObject("data").put("status", "SUCCESSFUL");
        } else if (event.endsWith("_failed") || event.equals("connection_failure")) {
            body.putObject("data").put("status", "FAILED").put("reason", "A sample failure sent by a webhook test");
        }
        return body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
