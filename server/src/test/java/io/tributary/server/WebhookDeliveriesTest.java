package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.server.store.Jdbc;
import io.tributary.server.store.WebhookOutbox;
import io.tributary.server.webhooks.WebhookDispatcher;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Events of the API's actions reach webhooks through the outbox, which retries failures and gives up like Fivetran. */
class WebhookDeliveriesTest {
    private static final Pattern EVENT = Pattern.compile("\"event\":\"([a-z_]+)\"");
    private static final String ALL_CONNECTION_EVENTS = "[\"create_connector\", \"edit_connector\", "
            + "\"pause_connector\", \"resume_connector\", \"force_update_connector\", \"resync_connector\", "
            + "\"resync_table\", \"delete_connector\", \"connection_successful\", \"connection_failure\"]";

    @TempDir
    Path dir;

    private static ServerFixture start(StoreKind kind, Path dir, Duration step, Duration giveUpAfter) {
        return ServerFixture.start(kind, dir, c -> c.withAllowHttpWebhooks(true)
                .withWebhookRetry(new WebhookDispatcher.Retry(step, giveUpAfter)));
    }

    private static String webhook(ServerFixture f, String group, WebhookReceiver receiver, String events) {
        Http.Answer created = f.admin.post("/v1/webhooks/group/" + group, "{\"url\": \"" + receiver.url("/hook")
                + "\", \"events\": " + events + ", \"active\": true}");
        assertThat(created.status()).as(created.text()).isEqualTo(200);
        return created.data().path("id").asText();
    }

    private static List<String> events(WebhookReceiver receiver) {
        return receiver.deliveries().stream().map(d -> {
            Matcher m = EVENT.matcher(d.text());
            return m.find() ? m.group(1) : "?";
        }).filter(e -> !e.equals("test_event")).toList();
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void everyConnectionActionReachesTheGroupsWebhookAsItsFivetranEvent(StoreKind kind) {
        try (ServerFixture f = start(kind, dir, Duration.ofMinutes(5), Duration.ofHours(24));
             WebhookReceiver receiver = new WebhookReceiver()) {
            String group = Connections.groupWithDestination(f, "events", dir);
            webhook(f, group, receiver, ALL_CONNECTION_EVENTS);

            String id = Connections.create(f, group, "shop");
            f.admin.patch("/v1/connections/" + id, "{\"paused\": true}");
            f.admin.patch("/v1/connections/" + id, "{\"paused\": false}");
            f.admin.patch("/v1/connections/" + id, "{\"sync_frequency\": 60}");
            f.admin.post("/v1/connections/" + id + "/sync", "{}");
            f.admin.post("/v1/connections/" + id + "/resync", "{}");
            f.admin.post("/v1/connections/" + id + "/resync", "{\"scope\": {\"shop\": [\"orders\"]}}");
            f.admin.delete("/v1/connections/" + id);

            await(() -> events(receiver).contains("delete_connector"));
            assertThat(events(receiver)).containsExactlyInAnyOrder("create_connector", "connection_successful",
                    "pause_connector", "resume_connector", "edit_connector", "force_update_connector",
                    "resync_connector", "resync_table", "delete_connector");
            assertThat(receiver.deliveries()).filteredOn(d -> !d.text().contains("test_event"))
                    .allSatisfy(d -> assertThat(d.text()).contains("\"connector_id\":\"" + id + "\"",
                            "\"destination_group_id\":\"" + group + "\"", "\"connector_name\":\"shop\""));
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void aRefusedEventIsTriedAgainUntilTheEndpointTakesIt(StoreKind kind) {
        try (ServerFixture f = start(kind, dir, Duration.ofMillis(200), Duration.ofMinutes(10));
             WebhookReceiver receiver = new WebhookReceiver()) {
            String group = Connections.groupWithDestination(f, "retries", dir);
            String hook = webhook(f, group, receiver, "[\"create_connector\"]");
            receiver.answer(503);

            Connections.create(f, group, "shop");
            await(() -> events(receiver).size() >= 3);
            receiver.answer(200);
            WebhookOutbox outbox = new WebhookOutbox(new Jdbc(f.server.database()));
            await(() -> outbox.ofWebhook(hook).get(0).status() == WebhookOutbox.Status.DELIVERED);

            WebhookOutbox.Delivery delivered = outbox.ofWebhook(hook).get(0);
            assertThat(delivered.attempts()).isEqualTo(events(receiver).size()).isGreaterThanOrEqualTo(4);
            assertThat(events(receiver)).containsOnly("create_connector");
            assertThat(f.admin.get("/v1/webhooks/" + hook).data().path("active").asBoolean()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void anEndpointThatKeepsRefusingPastTheRetryWindowHasItsWebhookTurnedOff(StoreKind kind) {
        // The dispatcher looks for due deliveries every second, so the window allows two or three attempts.
        try (ServerFixture f = start(kind, dir, Duration.ofMillis(100), Duration.ofMillis(2_500));
             WebhookReceiver receiver = new WebhookReceiver()) {
            String group = Connections.groupWithDestination(f, "giving_up", dir);
            String hook = webhook(f, group, receiver, "[\"create_connector\"]");
            receiver.answer(500);

            Connections.create(f, group, "shop");
            await(() -> !f.admin.get("/v1/webhooks/" + hook).data().path("active").asBoolean());

            WebhookOutbox.Delivery abandoned = new WebhookOutbox(new Jdbc(f.server.database())).ofWebhook(hook).get(0);
            assertThat(abandoned.status()).isEqualTo(WebhookOutbox.Status.ABANDONED);
            assertThat(abandoned.lastError()).contains("HTTP 500");
            assertThat(abandoned.attempts()).isGreaterThanOrEqualTo(2);
        }
    }

    private static void await(BooleanSupplier condition) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("reached within 30 s").isBefore(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }
}
