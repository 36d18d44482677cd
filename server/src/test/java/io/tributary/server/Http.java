package io.tributary.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A plain HTTP client for API tests: raw requests over loopback, JSON answers. */
public final class Http {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String authorization;
    private final String accept;

    /** An answer: status, headers, body as text and as JSON (null when not JSON). */
    public record Answer(int status, java.net.http.HttpHeaders headers, String text, JsonNode json) {
        public String code() {
            return json == null ? null : json.path("code").asText(null);
        }

        public JsonNode data() {
            return json.path("data");
        }
    }

    public Http(int port) {
        this("http://127.0.0.1:" + port, null, "application/json");
    }

    private Http(String base, String authorization, String accept) {
        this.base = base;
        this.authorization = authorization;
        this.accept = accept;
    }

    /** The same client, authenticated with this key. */
    public Http as(String key, String secret) {
        return new Http(base, "Basic " + Base64.getEncoder().encodeToString(
                (key + ":" + secret).getBytes(StandardCharsets.UTF_8)), accept);
    }

    public Http anonymous() {
        return new Http(base, null, accept);
    }

    /** The same client with another Accept header (null sends none). */
    public Http accept(String value) {
        return new Http(base, authorization, value);
    }

    public Answer get(String path) {
        return send("GET", path, null, null);
    }

    public Answer post(String path, String body) {
        return send("POST", path, body, "application/json");
    }

    public Answer patch(String path, String body) {
        return send("PATCH", path, body, "application/json");
    }

    public Answer delete(String path) {
        return send("DELETE", path, null, null);
    }

    public Answer send(String method, String path, String body, String contentType) {
        return exchange(method, path, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8), contentType);
    }

    /** A multipart/form-data request with one file field, as {@code curl -F field=@filename} sends it. */
    public Answer upload(String method, String path, String field, String filename, byte[] content) {
        return upload(method, path, field, filename, content, false);
    }

    /** {@link #upload}, chunked ({@code chunked}: without a Content-Length) or not. */
    public Answer upload(String method, String path, String field, String filename, byte[] content, boolean chunked) {
        String boundary = "----tributary-test-" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\""
                + filename + "\"\r\nContent-Type: application/zip\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes(head);
        body.writeBytes(content);
        body.writeBytes(tail);
        return exchange(method, path, chunked
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(body.toByteArray()))
                : HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()), "multipart/form-data; boundary=" + boundary);
    }

    /** A GET whose answer is read as bytes (a download). */
    public HttpResponse<byte[]> bytes(String path) {
        try {
            return CLIENT.send(request("GET", path, HttpRequest.BodyPublishers.noBody(), null).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new IllegalStateException("GET " + path + " failed: " + e, e);
        }
    }

    private Answer exchange(String method, String path, HttpRequest.BodyPublisher body, String contentType) {
        try {
            HttpResponse<String> response = CLIENT.send(request(method, path, body, contentType).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode json = null;
            try {
                json = response.body().isEmpty() ? null : JSON.readTree(response.body());
            } catch (Exception notJson) {
                // left null: the assertion on the status or body says what went wrong
            }
            return new Answer(response.statusCode(), response.headers(), response.body(), json);
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e, e);
        }
    }

    private HttpRequest.Builder request(String method, String path, HttpRequest.BodyPublisher body,
                                        String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return request;
    }
}
