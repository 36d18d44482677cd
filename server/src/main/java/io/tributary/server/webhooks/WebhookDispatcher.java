package io.tributary.server.webhooks;

import io.tributary.server.store.WebhookOutbox;
import io.tributary.server.store.WebhookStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox's due events, on every node: each delivery is claimed in the store first, so nodes sharing
 * it do not send an event twice at once. A failed attempt is tried again {@code step} × attempts later (Fivetran:
 * 5 minutes more each time); once {@code giveUpAfter} has passed since the event, it is abandoned and the webhook
 * turned off, as Fivetran does after 24 hours.
 */
public final class WebhookDispatcher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("tributary.webhooks");
    private static final int BATCH = 20;

    /** Retry timing: {@link #FIVETRAN} in production, shorter in tests. */
    public record Retry(Duration step, Duration giveUpAfter) {
        public static final Retry FIVETRAN = new Retry(Duration.ofMinutes(5), Duration.ofHours(24));
    }

    private final WebhookOutbox outbox;
    private final WebhookStore webhooks;
    private final WebhookDelivery delivery;
    private final Retry retry;
    private final Duration claim;
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "webhooks"));
    private final ExecutorService senders = Executors.newFixedThreadPool(2, r -> daemon(r, "webhook-sender"));

    public WebhookDispatcher(WebhookOutbox outbox, WebhookStore webhooks, WebhookDelivery delivery, Retry retry) {
        this.outbox = outbox;
        this.webhooks = webhooks;
        this.delivery = delivery;
        this.retry = retry;
        this.claim = delivery.timeout().multipliedBy(3);
    }

    public WebhookDispatcher start(Duration tick) {
        clock.scheduleWithFixedDelay(this::dispatch, 0, tick.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    private void dispatch() {
        try {
            Instant now = Instant.now();
            for (WebhookOutbox.Delivery d : outbox.claimDue(now, now.plus(claim), BATCH)) {
                senders.execute(() -> send(d));
            }
        } catch (RuntimeException e) {
            LOG.error("webhook dispatch failed; retrying next tick: {}", e.getMessage(), e);
        }
    }

    private void send(WebhookOutbox.Delivery d) {
        try {
            WebhookStore.Row hook = webhooks.find(d.webhookId()).orElse(null);
            if (hook == null) {
                return; // deleted meanwhile: its deliveries went with it
            }
            if (!hook.active()) {
                outbox.failed(d.id(), "the webhook was turned off before delivery", null);
                return;
            }
            WebhookDelivery.Result result = delivery.post(hook.url(), hook.secret(),
                    d.payload().getBytes(StandardCharsets.UTF_8));
            Instant now = Instant.now();
            if (result.succeed()) {
                outbox.delivered(d.id(), now);
                return;
            }
            int attempts = d.attempts() + 1;
            Instant next = now.plus(retry.step().multipliedBy(attempts));
            if (!next.isBefore(d.createdAt().plus(retry.giveUpAfter()))) {
                outbox.failed(d.id(), result.message(), null);
                if (webhooks.deactivate(hook.id())) {
                    LOG.warn("webhook {} turned off: {} was not accepted after {} attempts since {}: {}", hook.id(),
                            d.event(), attempts, d.createdAt(), result.message());
                }
            } else {
                outbox.failed(d.id(), result.message(), next);
                LOG.info("webhook {} did not take {} (attempt {}): {}; next attempt at {}", hook.id(), d.event(),
                        attempts, result.message(), next);
            }
        } catch (RuntimeException e) {
            LOG.error("webhook delivery {} failed; it is retried when its claim expires: {}", d.id(), e.getMessage(), e);
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void close() {
        clock.shutdownNow();
        senders.shutdown();
        try {
            senders.awaitTermination(15, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
