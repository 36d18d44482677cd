package io.tributary.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends one API request with the retry policy, the rate budget and error decoding. Thread-safe. */
final class Transport {
    private static final Logger LOG = LoggerFactory.getLogger("tributary.client");
    /** One line per answered request: an audit trail, usually routed to a file only. */
    private static final Logger REQUESTS = LoggerFactory.getLogger("tributary.client.requests");
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD", "PUT", "PATCH", "DELETE");
    /**
     * A 429 that says when to come back is flow control, not a failure: under a busy shared budget one request
     * may meet several in a row. Those waits count against this many times the retry limit, not the limit.
     */
    private static final int RATE_LIMIT_PATIENCE = 10;

    private final HttpClient http;
    private final String base;
    private final String authorization;
    private final String userAgent;
    private final Duration readTimeout;
    private final RetryPolicy policy;
    private final Sleeper sleeper;
    private final ObjectMapper json;
    private final RateBudget budget = new RateBudget();

    Transport(String baseUrl, String key, String secret, String userAgent, Duration connectTimeout,
              Duration readTimeout, RetryPolicy policy, Sleeper sleeper, ObjectMapper json) {
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
        this.base = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((key + ":" + secret)
                .getBytes(StandardCharsets.UTF_8));
        this.userAgent = userAgent;
        this.readTimeout = readTimeout;
        this.policy = policy;
        this.sleeper = sleeper;
        this.json = json;
    }

    /** The response's JSON (the whole envelope), or an {@link ApiError}. {@code timeout} overrides the read timeout. */
    JsonNode send(String method, String path, Object body, Duration timeout) {
        String relative = path.startsWith("/") ? path.substring(1) : path;
        URI uri = URI.create(base + relative);
        Body payload = body == null ? null : body instanceof FileUpload upload ? upload.encode()
                : new Body(HttpRequest.BodyPublishers.ofByteArray(bytes(body)), "application/json");
        int failures = 0; // attempts that failed; a 429 that says when to come back is not one
        int rateLimited = 0;
        while (true) {
            pause(budget.pause(), method, path);
            HttpResponse<String> response;
            long started = System.nanoTime();
            try {
                response = http.send(request(method, uri, payload, timeout), HttpResponse.BodyHandlers.ofString());
                REQUESTS.info("{} {} → {} in {} ms", method, path, response.statusCode(),
                        (System.nanoTime() - started) / 1_000_000);
            } catch (IOException e) {
                // A POST that never reached the server is safe to send again; one that may have, is not.
                boolean safe = IDEMPOTENT.contains(method) || e instanceof ConnectException;
                if (!safe || failures >= policy.maxRetries()) {
                    throw new ApiError(method, path, 0, null, e.toString(), null, e);
                }
                retry(method, path, failures, backoff(failures), e.toString());
                failures++;
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ApiError(method, path, 0, null, "interrupted", null, e);
            }
            budget.observe(response.headers());
            int status = response.statusCode();
            if (status < 400) {
                return parse(method, path, response);
            }
            java.util.Optional<Duration> retryAfter = status == 429 ? retryAfter(response) : java.util.Optional.empty();
            if (retryAfter.isPresent() && rateLimited < policy.maxRetries() * RATE_LIMIT_PATIENCE) {
                rateLimited++;
                LOG.warn("HTTP 429 for {} {} ({} in a row); retrying in {} ms as Retry-After says", method, path,
                        rateLimited, retryAfter.get().toMillis());
                pause(retryAfter.get(), method, path);
                continue;
            }
            boolean retryable = status == 429 || (status >= 500 && status != 501 && IDEMPOTENT.contains(method));
            if (retryable && failures < policy.maxRetries()) {
                retry(method, path, failures, backoff(failures), "HTTP " + status);
                failures++;
                continue;
            }
            throw error(method, path, response);
        }
    }

    /** A request body and its Content-Type; the publisher can be sent again on a retry. */
    record Body(HttpRequest.BodyPublisher publisher, String contentType) {
    }

    private HttpRequest request(String method, URI uri, Body payload, Duration timeout) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .timeout(timeout != null ? timeout : readTimeout)
                .header("Authorization", authorization)
                .header("Accept", "application/json;version=2")
                .header("User-Agent", userAgent)
                .method(method, payload == null ? HttpRequest.BodyPublishers.noBody() : payload.publisher());
        if (payload != null) {
            b.header("Content-Type", payload.contentType());
        }
        return b.build();
    }

    private void retry(String method, String path, int attempt, Duration wait, String reason) {
        LOG.warn("retry {}/{} of {} {} in {} ms: {}", attempt + 1, policy.maxRetries(), method, path, wait.toMillis(), reason);
        pause(wait, method, path);
    }

    private void pause(Duration wait, String method, String path) {
        if (wait.isZero()) {
            return;
        }
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ApiError(method, path, 0, null, "interrupted while waiting to retry", null, e);
        }
    }

    /** Exponential backoff with full jitter: a random wait up to base·2^attempt, capped. */
    private Duration backoff(int attempt) {
        long cap = Math.min(policy.maxBackoff().toMillis(), policy.baseBackoff().toMillis() << Math.min(attempt, 20));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(cap + 1));
    }

    private java.util.Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(String::trim).flatMap(v -> {
            try {
                return java.util.Optional.of(Duration.ofSeconds(Long.parseLong(v)));
            } catch (NumberFormatException notSeconds) {
                try {
                    ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
                    return java.util.Optional.of(Duration.between(ZonedDateTime.now(at.getZone()), at));
                } catch (DateTimeParseException notADate) {
                    return java.util.Optional.empty();
                }
            }
        }).map(d -> d.isNegative() ? Duration.ZERO : d.compareTo(policy.maxRetryAfter()) > 0 ? policy.maxRetryAfter() : d);
    }

    private JsonNode parse(String method, String path, HttpResponse<String> response) {
        String text = response.body();
        if (text == null || text.isBlank()) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new ApiError(method, path, response.statusCode(), null, "the answer is not JSON: "
                    + abbreviate(text), requestId(response), e);
        }
    }

    private ApiError error(String method, String path, HttpResponse<String> response) {
        String code = null;
        String message = abbreviate(response.body());
        try {
            JsonNode body = json.readTree(response.body());
            if (body != null && body.isObject()) {
                code = body.path("code").asText(null);
                message = body.path("message").asText(message);
            }
        } catch (IOException notJson) {
            // the raw body stands as the message
        }
        return new ApiError(method, path, response.statusCode(), code, message, requestId(response), null);
    }

    private static String requestId(HttpResponse<?> response) {
        return response.headers().firstValue("X-Request-Id").orElse(response.headers().firstValue("Request-Id").orElse(null));
    }

    private byte[] bytes(Object body) {
        try {
            return body instanceof String s ? s.getBytes(StandardCharsets.UTF_8) : json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write the request body as JSON: " + e.getMessage(), e);
        }
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return null;
        }
        return text.length() > 500 ? text.substring(0, 500) + "…" : text;
    }
}
