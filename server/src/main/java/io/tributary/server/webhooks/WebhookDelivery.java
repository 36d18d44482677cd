package io.tributary.server.webhooks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sends one webhook event: an HTTP POST of the JSON body, signed when the webhook has a secret with
 * {@code X-Fivetran-Signature-256}, the hex HMAC-SHA256 of the raw body. A failure to connect or a timeout is a
 * result, not an exception: the caller reports it to its client.
 */
public final class WebhookDelivery {
    public static final String SIGNATURE_HEADER = "X-Fivetran-Signature-256";
    private final HttpClient client;
    private final Duration timeout;

    /** What the endpoint did: {@code status} is its HTTP status, or 0 when it gave none. */
    public record Result(boolean succeed, int status, String message) {
    }

    public WebhookDelivery(Duration timeout) {
        this.timeout = timeout;
        // Redirects are not followed: the endpoint's own answer is the result.
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** How long an endpoint may take to answer. */
    public Duration timeout() {
        return timeout;
    }

    public Result post(String url, String secret, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Content-Type", "application/json").header("User-Agent", "Tributary-Webhooks")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (secret != null) {
            request.header(SIGNATURE_HEADER, sign(body, secret));
        }
        try {
            HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            boolean ok = status >= 200 && status < 300;
            return new Result(ok, status, ok ? "The endpoint accepted the event (HTTP " + status + ")"
                    : "The endpoint answered HTTP " + status);
        } catch (HttpTimeoutException e) {
            return new Result(false, 0, "No answer from " + url + " within " + timeout.toSeconds() + " s");
        } catch (IOException e) {
            String cause = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            return new Result(false, 0, "Could not deliver to " + url + ": " + cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(false, 0, "Delivery to " + url + " was interrupted");
        }
    }

    /** The lower-case hex HMAC-SHA256 of the body with the secret (receivers compare it case-insensitively). */
    public static String sign(byte[] body, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
