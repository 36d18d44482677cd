package io.tributary.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.api.ApiJson;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A client of Fivetran's REST API v1, for Fivetran's cloud (the default base URL) or a Tributary server.
 * Sends Basic auth, {@code Accept: application/json;version=2} and a User-Agent; retries as {@link RetryPolicy}
 * says; follows the server's rate-limit headers. Thread-safe.
 *
 * <pre>{@code
 * TributaryClient client = TributaryClient.builder().apiKey(key).apiSecret(secret).build();
 * client.groups().list().forEach(g -> System.out.println(g.name()));
 * }</pre>
 */
public final class TributaryClient {
    public static final String FIVETRAN_CLOUD = "https://api.fivetran.com/v1";
    /** The largest page the API serves; lists use it to make as few requests as they can. */
    public static final int MAX_PAGE_SIZE = 1000;
    private final Transport transport;
    private final ObjectMapper json;
    private final Duration slowTimeout;
    private final Sleeper sleeper;

    private TributaryClient(Builder b) {
        this.json = ApiJson.mapper();
        this.transport = new Transport(b.baseUrl, Objects.requireNonNull(b.apiKey, "apiKey"),
                Objects.requireNonNull(b.apiSecret, "apiSecret"), b.userAgent, b.connectTimeout, b.readTimeout,
                b.retryPolicy, b.sleeper, json);
        this.slowTimeout = b.slowTimeout;
        this.sleeper = b.sleeper;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Any endpoint: the whole envelope as JSON. {@code path} is relative to the base URL, e.g. "groups". */
    public JsonNode call(String method, String path, Object body) {
        return transport.send(method, path, body, null);
    }

    /** Like {@link #call}, with the longer timeout for slow operations (schema reload, setup tests). */
    public JsonNode callSlow(String method, String path, Object body) {
        return transport.send(method, path, body, slowTimeout);
    }

    /** Every item of a list endpoint, fetched lazily page by page. */
    public Stream<JsonNode> list(String path) {
        return Pager.stream(transport, path, MAX_PAGE_SIZE, item -> item);
    }

    public Groups groups() {
        return new Groups(this);
    }

    public Destinations destinations() {
        return new Destinations(this);
    }

    public Users users() {
        return new Users(this);
    }

    public Teams teams() {
        return new Teams(this);
    }

    public Webhooks webhooks() {
        return new Webhooks(this);
    }

    public Connections connections() {
        return new Connections(this);
    }

    /** The approved certificates and fingerprints of a connection. */
    public Certificates connectionCertificates(String connectionId) {
        return new Certificates(this, "connections/" + segment(connectionId));
    }

    /** The approved certificates and fingerprints of a destination (whose id is its group's). */
    public Certificates destinationCertificates(String destinationId) {
        return new Certificates(this, "destinations/" + segment(destinationId));
    }

    public Transformations transformations() {
        return new Transformations(this, sleeper);
    }

    /** Connector SDK packages: the code of {@code connector_sdk} connections. */
    public Packages packages() {
        return new Packages(this);
    }

    /** Connections' schema configs. */
    public Schemas schemas() {
        return new Schemas(this);
    }

    /** Triggers syncs and waits for them the way orchestrators must (see {@link SyncWaiter}). */
    public SyncWaiter syncWaiter() {
        return new SyncWaiter(this, sleeper);
    }

    <T> T read(JsonNode node, Class<T> type) {
        return json.convertValue(node, type);
    }

    <T> Stream<T> list(String path, Class<T> type) {
        return list(path, type, MAX_PAGE_SIZE);
    }

    /** Like {@link #list(String, Class)} with pages of {@code pageSize} (1 to 1000) items. */
    <T> Stream<T> list(String path, Class<T> type, int pageSize) {
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("the page size must be 1 to 1000, got " + pageSize);
        }
        return Pager.stream(transport, path, pageSize, item -> read(item, type));
    }

    /** A path segment from an id, encoded so that odd ids cannot change the path. */
    static String segment(String id) {
        return URLEncoder.encode(Objects.requireNonNull(id, "id"), StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** How to reach and treat the API. */
    public static final class Builder {
        private String baseUrl = FIVETRAN_CLOUD;
        private String apiKey;
        private String apiSecret;
        private String userAgent = "tributary-client/0.1";
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration readTimeout = Duration.ofSeconds(60);
        private Duration slowTimeout = Duration.ofMinutes(5);
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private Sleeper sleeper = Sleeper.REAL;

        public Builder baseUrl(String url) {
            this.baseUrl = url;
            return this;
        }

        public Builder apiKey(String key) {
            this.apiKey = key;
            return this;
        }

        public Builder apiSecret(String secret) {
            this.apiSecret = secret;
            return this;
        }

        public Builder userAgent(String agent) {
            this.userAgent = agent;
            return this;
        }

        public Builder connectTimeout(Duration d) {
            this.connectTimeout = d;
            return this;
        }

        public Builder readTimeout(Duration d) {
            this.readTimeout = d;
            return this;
        }

        /** The timeout of slow operations such as schema reloads and setup tests. */
        public Builder slowTimeout(Duration d) {
            this.slowTimeout = d;
            return this;
        }

        public Builder retryPolicy(RetryPolicy p) {
            this.retryPolicy = p;
            return this;
        }

        /** How waits happen; tests pass one that records instead of sleeping. */
        public Builder sleeper(Sleeper s) {
            this.sleeper = s;
            return this;
        }

        public TributaryClient build() {
            return new TributaryClient(this);
        }
    }
}
