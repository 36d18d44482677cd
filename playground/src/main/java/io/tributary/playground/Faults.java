package io.tributary.playground;

import io.javalin.http.Context;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.io.EndPoint;

/**
 * Injects faults before a request reaches its API. The decision for an attempt depends only on the seed, the
 * request (method, path, query without the fault parameters, body) and the attempt number of that request, so
 * a run is reproducible; and no request fails more than {@code max} times in a row, so a client that retries
 * always gets the clean answer in the end.
 */
final class Faults {
    static final String QUERY_PARAM = "fault";
    static final String HEADER = "X-Playground-Fault";
    static final String TRUNCATE_ATTRIBUTE = "playground.truncate";

    private final PlaygroundState state;
    private final Map<String, Attempts> attempts = new ConcurrentHashMap<>();
    private final Map<FaultSpec.Kind, AtomicLong> injected = new EnumMap<>(FaultSpec.Kind.class);

    private static final class Attempts {
        int count;
        int consecutiveFailures;
    }

    Faults(PlaygroundState state) {
        this.state = state;
        for (FaultSpec.Kind k : FaultSpec.Kind.values()) {
            injected.put(k, new AtomicLong());
        }
    }

    /** Before-handler: maybe delay, fail, reset or mark the response for truncation. */
    void before(Context ctx) throws Exception {
        if (ctx.path().startsWith(AdminApi.PREFIX)) {
            return; // the test harness must always be able to reach the admin endpoints
        }
        FaultSpec spec = specFor(ctx);
        if (spec.isNone()) {
            return;
        }
        FaultSpec.Rule rule = decide(spec, requestKey(ctx));
        if (rule == null) {
            return;
        }
        injected.get(rule.kind()).incrementAndGet();
        switch (rule.kind()) {
            case LATENCY:
                Thread.sleep(rule.param() >= 0 ? rule.param() : 200);
                break;
            case TOO_MANY_REQUESTS:
                ctx.header("Retry-After", String.valueOf(rule.param() >= 0 ? rule.param() : 1));
                fail(ctx, 429, "Too Many Requests");
                break;
            case SERVER_ERROR:
                fail(ctx, 500, "Internal Server Error");
                break;
            case UNAVAILABLE:
                if (rule.param() >= 0) {
                    ctx.header("Retry-After", String.valueOf(rule.param()));
                }
                fail(ctx, 503, "Service Unavailable");
                break;
            case RESET:
                resetConnection(ctx);
                ctx.skipRemainingHandlers();
                break;
            case TRUNCATE:
                ctx.attribute(TRUNCATE_ATTRIBUTE, Boolean.TRUE);
                break;
            default:
                throw new IllegalStateException(rule.kind().name());
        }
    }

    /** The fault for the next attempt of {@code key}, or null for a clean one. */
    FaultSpec.Rule decide(FaultSpec spec, String key) {
        long seed = spec.seed().orElse(state.seed);
        Attempts a = attempts.computeIfAbsent(key, k -> new Attempts());
        synchronized (a) {
            int attempt = a.count++;
            FaultSpec.Rule rule = spec.choose(Seeded.unit(seed, "fault", key, attempt));
            if (rule != null && rule.kind().failing()) {
                if (a.consecutiveFailures >= spec.maxConsecutive()) {
                    a.consecutiveFailures = 0;
                    return null;
                }
                a.consecutiveFailures++;
            } else {
                a.consecutiveFailures = 0;
            }
            return rule;
        }
    }

    Map<String, Long> injectedCounts() {
        Map<String, Long> out = new TreeMap<>();
        injected.forEach((k, v) -> out.put(k.token(), v.get()));
        return out;
    }

    /** Forgets attempt numbers and counts, so the next run sees the same faults as a fresh playground. */
    void resetCounters() {
        attempts.clear();
        injected.values().forEach(c -> c.set(0));
    }

    private FaultSpec specFor(Context ctx) {
        String text = ctx.queryParam(QUERY_PARAM);
        if (text == null) {
            text = ctx.header(HEADER);
        }
        if (text == null) {
            return state.faults();
        }
        try {
            return FaultSpec.parse(text);
        } catch (IllegalArgumentException e) {
            throw new ApiError(400, Map.of("error", "bad_fault_spec", "message", e.getMessage()));
        }
    }

    /** Identifies "the same request" across retries: everything but the fault parameters themselves. */
    static String requestKey(Context ctx) {
        StringBuilder sb = new StringBuilder(ctx.method().name()).append(' ').append(ctx.path());
        new TreeMap<>(ctx.queryParamMap()).forEach((name, values) -> {
            if (!name.equals(QUERY_PARAM)) {
                sb.append('&').append(name).append('=').append(String.join("|", values));
            }
        });
        if (!ctx.method().name().equals("GET")) {
            sb.append(" body:").append(Seeded.hex(0, ctx.body()));
        }
        return sb.toString();
    }

    private static void fail(Context ctx, int status, String message) {
        ctx.skipRemainingHandlers();
        Responder.json(ctx, status, Map.of("error", message, "injected_fault", status));
    }

    /** Writes the headers with the full length, half the body, then drops the connection. */
    static void writeTruncated(Context ctx, String contentType, byte[] body) throws IOException {
        HttpServletResponse res = ctx.res();
        res.setContentType(contentType);
        res.setContentLengthLong(body.length);
        ServletOutputStream out = res.getOutputStream();
        out.write(body, 0, body.length / 2);
        out.flush();
        abort(ctx, false);
    }

    /** Closes the connection with SO_LINGER 0, which makes the kernel send a TCP RST. */
    static void resetConnection(Context ctx) {
        abort(ctx, true);
    }

    private static void abort(Context ctx, boolean reset) {
        EndPoint endPoint = ServletContextRequest.getServletContextRequest(ctx.req())
                .getConnectionMetaData().getConnection().getEndPoint();
        if (reset && endPoint.getTransport() instanceof SocketChannel) {
            try {
                ((SocketChannel) endPoint.getTransport()).setOption(StandardSocketOptions.SO_LINGER, 0);
            } catch (IOException ignored) {
                // the close below still drops the connection, only without the RST
            }
        }
        endPoint.close();
    }
}
