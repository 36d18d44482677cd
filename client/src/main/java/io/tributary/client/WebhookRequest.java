package io.tributary.client;

import java.util.List;

/**
 * Body of a webhook create or update; null fields are not sent (on update they stay as they are). {@code secret}
 * signs deliveries ("" removes it on update); {@code runTests: false} skips the test delivery the server sends
 * when a webhook is created or activated. {@link #toString} masks the secret so it cannot leak into logs.
 */
public record WebhookRequest(String url, List<String> events, Boolean active, String secret, Boolean runTests) {

    /** A new webhook: active unless {@code active} is false, signed when {@code secret} is not null. */
    public static WebhookRequest create(String url, List<String> events, boolean active, String secret) {
        return new WebhookRequest(url, List.copyOf(events), active, secret, null);
    }

    @Override
    public String toString() {
        return "WebhookRequest[url=" + url + ", events=" + events + ", active=" + active + ", secret="
                + (secret == null ? null : "******") + ", runTests=" + runTests + "]";
    }
}
