package io.tributary.examples.backoff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.sdk.ConnectorException;
import io.tributary.sdk.Log;
import io.tributary.sdk.http.Sleeper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * GETs JSON with a retry loop of its own, to show the strategies; connectors normally let {@code HttpApi}'s
 * {@code RequestPolicy} do this. Retried: I/O errors, 429 and 5xx. Any other 4xx fails at once: sending it again
 * cannot help.
 */
final class RetryingClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final BackoffStrategy strategy;
    private final int maxAttempts;
    private final Sleeper sleeper;
    private final DoubleSupplier random;

    RetryingClient(BackoffStrategy strategy, int maxAttempts, Sleeper sleeper, DoubleSupplier random) {
        this.strategy = strategy;
        this.maxAttempts = maxAttempts;
        this.sleeper = sleeper;
        this.random = random;
    }

    JsonNode getJson(URI uri) throws InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build();
        for (int attempt = 1; ; attempt++) {
            String failure;
            Duration retryAfter = null;
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status == 200) {
                    return JSON.readTree(response.body());
                }
                if (status != 429 && status < 500) {
                    throw new ConnectorException("GET " + uri + " answered HTTP " + status
                            + ", which retrying cannot fix: " + response.body());
                }
                failure = "HTTP " + status;
                retryAfter = response.headers().firstValue("Retry-After").map(RetryingClient::seconds).orElse(null);
            } catch (IOException e) {
                failure = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
            if (attempt == maxAttempts) {
                throw new ConnectorException("GET " + uri + " failed after " + maxAttempts + " attempts with backoff '"
                        + strategy.configName() + "'; the last answer: " + failure);
            }
            Duration delay = strategy.delay(attempt, retryAfter, random);
            Log.warning(failure + " from GET " + uri + " (attempt " + attempt + "/" + maxAttempts + "); backoff '"
                    + strategy.configName() + "' waits " + delay.toMillis() + " ms"
                    + (retryAfter != null ? " (Retry-After: " + retryAfter.toSeconds() + " s)" : ""));
            sleeper.sleep(delay);
        }
    }

    private static Duration seconds(String header) {
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
        } catch (NumberFormatException e) {
            return null; // an HTTP date: treated as absent in this example
        }
    }
}
