package io.tributary.playground;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A reverse proxy on 127.0.0.1 that puts an unreliable, rate-limited network in front of any HTTP service, for
 * testing and benchmarking clients against a real server. It enforces a requests-per-minute budget (429 with
 * {@code Retry-After} when spent) and injects the faults of a {@link FaultSpec}: 429 and 503 before the request
 * reaches upstream, and 500 <em>after</em> upstream handled it, so that the client cannot tell whether a write
 * happened, the case that duplicates creates in naive scripts. Latency delays; reset and truncate are not
 * supported here (use the playground's own endpoints for those).
 */
public final class FaultProxy implements AutoCloseable {
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "host", "transfer-encoding",
            "keep-alive", "upgrade", "expect");

    private final URI upstream;
    private final FaultSpec faults;
    private final MinuteBudget budget;
    private final SplittableRandom random;
    private final HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(32);
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<FaultSpec.Kind, AtomicLong> injected = new EnumMap<>(FaultSpec.Kind.class);
    private final AtomicLong limited = new AtomicLong();
    private final AtomicLong forwarded = new AtomicLong();

    private FaultProxy(URI upstream, FaultSpec faults, int requestsPerMinute, int port) throws IOException {
        for (FaultSpec.Kind kind : List.of(FaultSpec.Kind.RESET, FaultSpec.Kind.TRUNCATE)) {
            if (faults.rules().stream().anyMatch(r -> r.kind() == kind)) {
                throw new IllegalArgumentException("the proxy does not inject '" + kind.token() + "' faults");
            }
        }
        this.upstream = upstream;
        this.faults = faults;
        this.budget = requestsPerMinute > 0 ? new MinuteBudget(requestsPerMinute) : null;
        this.random = new SplittableRandom(faults.seed().orElse(Playground.DEFAULT_SEED));
        for (FaultSpec.Kind k : FaultSpec.Kind.values()) {
            injected.put(k, new AtomicLong());
        }
        server = HttpServer.create(new InetSocketAddress(Playground.HOST, port), 128);
        server.createContext("/", this::handle);
        server.setExecutor(workers);
        server.start();
    }

    /**
     * Starts a proxy to {@code upstream} on {@code port} (0 picks one). {@code requestsPerMinute} 0 means no
     * budget.
     */
    public static FaultProxy start(URI upstream, FaultSpec faults, int requestsPerMinute, int port) throws IOException {
        return new FaultProxy(upstream, faults, requestsPerMinute, port);
    }

    public URI uri() {
        return URI.create("http://" + Playground.HOST + ":" + server.getAddress().getPort());
    }

    /** Counts of what happened so far: forwarded, rate_limited, and each injected fault kind. */
    public Map<String, Long> counts() {
        Map<String, Long> out = new TreeMap<>();
        out.put("forwarded", forwarded.get());
        out.put("rate_limited", limited.get());
        injected.forEach((k, v) -> {
            if (v.get() > 0) {
                out.put(k.token(), v.get());
            }
        });
        return out;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            if (budget != null) {
                long wait = budget.acquire();
                if (wait > 0) {
                    limited.incrementAndGet();
                    exchange.getResponseHeaders().add("Retry-After", String.valueOf(wait));
                    reply(exchange, 429, "TooManyRequests", "The proxy's budget of " + budget.perMinute
                            + " requests a minute is spent.");
                    return;
                }
            }
            FaultSpec.Rule rule = decide();
            if (rule != null) {
                injected.get(rule.kind()).incrementAndGet();
                switch (rule.kind()) {
                    case LATENCY -> sleep(rule.param() >= 0 ? rule.param() : 200);
                    case TOO_MANY_REQUESTS -> {
                        if (rule.param() >= 0) {
                            exchange.getResponseHeaders().add("Retry-After", String.valueOf(rule.param()));
                        }
                        reply(exchange, 429, "TooManyRequests", "injected by the fault proxy");
                        return;
                    }
                    case UNAVAILABLE -> {
                        reply(exchange, 503, "ServiceUnavailable", "injected by the fault proxy");
                        return;
                    }
                    default -> {
                        // SERVER_ERROR: forward first, then lose the answer
                    }
                }
            }
            HttpResponse<byte[]> response = forward(exchange, body);
            forwarded.incrementAndGet();
            if (rule != null && rule.kind() == FaultSpec.Kind.SERVER_ERROR) {
                reply(exchange, 500, "InternalServerError", "injected by the fault proxy after upstream answered "
                        + response.statusCode());
                return;
            }
            response.headers().map().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(java.util.Locale.ROOT)) && !name.startsWith(":")) {
                    exchange.getResponseHeaders().put(name, values);
                }
            });
            byte[] out = response.body();
            exchange.sendResponseHeaders(response.statusCode(), out.length == 0 ? -1 : out.length);
            if (out.length > 0) {
                try (OutputStream o = exchange.getResponseBody()) {
                    o.write(out);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized FaultSpec.Rule decide() {
        return faults.isNone() ? null : faults.choose(random.nextDouble());
    }

    private HttpResponse<byte[]> forward(HttpExchange exchange, byte[] body) throws IOException, InterruptedException {
        URI target = upstream.resolve(exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()));
        HttpRequest.Builder request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(60))
                .method(exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        exchange.getRequestHeaders().forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                values.forEach(v -> request.header(name, v));
            }
        });
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static void reply(HttpExchange exchange, int status, String code, String message) throws IOException {
        byte[] out = ("{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, out.length);
        try (OutputStream o = exchange.getResponseBody()) {
            o.write(out);
        }
    }

    private static void sleep(long millis) throws InterruptedException {
        Thread.sleep(millis);
    }

    @Override
    public void close() {
        server.stop(0);
        workers.shutdownNow();
    }

    /** A token bucket of {@code perMinute} tokens refilled continuously; answers the seconds to wait, or 0. */
    private static final class MinuteBudget {
        final int perMinute;
        private double tokens;
        private long last = System.nanoTime();

        MinuteBudget(int perMinute) {
            this.perMinute = perMinute;
            this.tokens = perMinute;
        }

        synchronized long acquire() {
            long now = System.nanoTime();
            tokens = Math.min(perMinute, tokens + (now - last) * perMinute / 60e9);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) * 60.0 / perMinute));
        }
    }
}
