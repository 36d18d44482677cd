package io.tributary.playground;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A small JDK HttpClient wrapper for driving the playground over loopback. */
final class Http {
    static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Playground playground;

    Http(Playground playground) {
        this.playground = playground;
    }

    /** A response, or the exception for a reset or truncated one. */
    record Result(int status, HttpResponse<String> response, IOException failure) {
        JsonNode json() {
            try {
                return JSON.readTree(response.body());
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + response.body(), e);
            }
        }

        String body() {
            return response.body();
        }

        String header(String name) {
            return response.headers().firstValue(name).orElse(null);
        }
    }

    Result get(String pathOrUrl, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(pathOrUrl)).timeout(Duration.ofSeconds(30)).GET();
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b.build());
    }

    Result postForm(String path, String form, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return send(b.build());
    }

    Result postJson(String path, Object body) {
        try {
            return send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    Result send(HttpRequest request) {
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Result(r.statusCode(), r, null);
        } catch (IOException e) {
            return new Result(-1, null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** GET and expect 200 with a JSON body. */
    JsonNode json(String pathOrUrl, String... headers) {
        Result r = get(pathOrUrl, headers);
        if (r.status() != 200) {
            throw new AssertionError("GET " + pathOrUrl + " -> " + r.status() + " "
                    + (r.failure() != null ? r.failure() : r.body()));
        }
        return r.json();
    }

    /** Retries 429/5xx and broken connections like a well-behaved connector, up to {@code maxAttempts}. */
    Result getWithRetries(String pathOrUrl, int maxAttempts, Map<String, Integer> seen) {
        Result r = null;
        for (int attempt = 0; attempt < maxAttempts; attempt++) {
            r = get(pathOrUrl);
            String outcome = r.failure() != null ? "io" : String.valueOf(r.status());
            seen.merge(outcome, 1, Integer::sum);
            if (r.failure() == null && r.status() < 429) {
                return r;
            }
        }
        return r;
    }

    private URI uri(String pathOrUrl) {
        return pathOrUrl.startsWith("http") ? URI.create(pathOrUrl) : playground.uri(pathOrUrl);
    }
}
