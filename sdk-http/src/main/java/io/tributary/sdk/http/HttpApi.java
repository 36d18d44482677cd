package io.tributary.sdk.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A REST API as a connector sees it: a base URL, a {@link RequestPolicy}, an {@link Auth} and default headers,
 * over the JDK {@link HttpClient}. Immutable and thread-safe: share one instance between parallel workers, so
 * they share its rate limits (one per host and port) and its tokens.
 *
 * <pre>{@code
 * HttpApi api = HttpApi.builder()
 *         .baseUrl("https://api.example.com/v1/")
 *         .policy(RequestPolicy.builder().rateLimit(10, 5000).build())
 *         .auth(Auth.bearer(configuration.require("token")))
 *         .build();
 * JsonNode me = api.get("me").json();
 * }</pre>
 *
 * <p>Redirects are followed by this class, not the JDK, so that credentials from {@link Auth} are dropped when a
 * redirect leaves the original host (an export that redirects to a presigned storage URL must not get them).
 */
public final class HttpApi {
    private final URI baseUrl;
    private final RequestPolicy policy;
    private final Auth auth;
    private final Map<String, String> headers;
    private final HttpClient client;
    private final Map<String, RateLimiter> limiters = new ConcurrentHashMap<>();
    private final Sender sender;

    private HttpApi(Builder b) {
        baseUrl = b.baseUrl;
        policy = b.policy;
        auth = b.auth;
        headers = Map.copyOf(b.headers);
        client = b.client != null ? b.client : HttpClient.newBuilder()
                .connectTimeout(policy.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                // HTTP/1.1: the JDK's cleartext HTTP/2 upgrade trips some servers; pooling covers parallelism.
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        sender = new Sender(this);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Request get(String pathOrUrl) {
        return request("GET", pathOrUrl);
    }

    public Request post(String pathOrUrl) {
        return request("POST", pathOrUrl);
    }

    /**
     * A request with this api's default headers. A relative path resolves against the base URL, whose path is
     * treated as a folder: base {@code https://h/v1} and path {@code users} give {@code https://h/v1/users}.
     */
    public Request request(String method, String pathOrUrl) {
        URI target = baseUrl == null ? URI.create(pathOrUrl.trim()) : baseUrl.resolve(pathOrUrl.trim());
        Request r = Request.create(this, method, target);
        for (Map.Entry<String, String> h : headers.entrySet()) {
            r = r.header(h.getKey(), h.getValue());
        }
        return r;
    }

    /**
     * Sends with the policy: rate limit, auth, retries, redirects. Returns responses below 400; throws
     * {@link HttpException} otherwise. The caller closes the response.
     */
    public Response send(Request request) {
        return sender.send(request, false);
    }

    /** Like {@link #send}, with the whole body read inside the retry loop; for whole-body reads. */
    Response sendBuffered(Request request) {
        return sender.send(request, true);
    }

    public RequestPolicy policy() {
        return policy;
    }

    public Auth auth() {
        return auth;
    }

    HttpClient client() {
        return client;
    }

    RateLimiter limiter(URI uri) {
        if (policy.requestsPerSecond() == 0 && policy.requestsPerHour() == 0) {
            return null;
        }
        String key = uri.getHost() + ":" + uri.getPort();
        return limiters.computeIfAbsent(key, k -> new RateLimiter(policy.requestsPerSecond(),
                policy.requestsPerHour(), policy.clock(), policy.sleeper()));
    }

    /** Collects the options; not thread-safe. */
    public static final class Builder {
        private URI baseUrl;
        private RequestPolicy policy = RequestPolicy.defaults();
        private Auth auth = Auth.none();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private HttpClient client;

        private Builder() {
            headers.put("Accept-Encoding", "gzip");
        }

        /** Where relative paths resolve; a trailing slash is added to its path when missing. */
        public Builder baseUrl(String url) {
            String u = url.trim();
            URI uri = URI.create(u.endsWith("/") || u.contains("?") ? u : u + "/");
            if (uri.getScheme() == null || uri.getHost() == null) {
                throw new IllegalArgumentException("the base URL must be absolute, like https://api.example.com/v1/, got " + url);
            }
            baseUrl = uri;
            return this;
        }

        public Builder policy(RequestPolicy value) {
            policy = Objects.requireNonNull(value);
            return this;
        }

        public Builder auth(Auth value) {
            auth = Objects.requireNonNull(value);
            return this;
        }

        /** A header sent with every request (requests can override it); {@code null} removes a default. */
        public Builder header(String name, String value) {
            headers.keySet().removeIf(k -> k.equalsIgnoreCase(name));
            if (value != null) {
                headers.put(name, value);
            }
            return this;
        }

        public Builder userAgent(String value) {
            return header("User-Agent", value);
        }

        /**
         * A client of your own (proxy, TLS, executor). Set it to not follow redirects, or cross-host redirects keep
         * their credentials; its connect timeout replaces the policy's.
         */
        public Builder httpClient(HttpClient value) {
            client = Objects.requireNonNull(value);
            return this;
        }

        public HttpApi build() {
            return new HttpApi(this);
        }
    }
}
