package io.tributary.sdk.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** A real HTTP server on 127.0.0.1 (JDK HttpServer) with routes by exact path and a log of every call. */
final class TestServer implements AutoCloseable {
    /** One received request. */
    record Call(String method, String path, String rawQuery, Map<String, String> query, Map<String, String> headers,
            String body) {
        String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    @FunctionalInterface
    interface Handler {
        void handle(Call call, Reply reply) throws Exception;
    }

    /** Writes the response of one call. */
    static final class Reply {
        private final HttpExchange exchange;

        Reply(HttpExchange exchange) {
            this.exchange = exchange;
        }

        Reply header(String name, String value) {
            exchange.getResponseHeaders().add(name, value);
            return this;
        }

        void send(int status, String contentType, byte[] body) throws IOException {
            if (contentType != null) {
                exchange.getResponseHeaders().set("Content-Type", contentType);
            }
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }

        void json(int status, String body) throws IOException {
            send(status, "application/json", body.getBytes(StandardCharsets.UTF_8));
        }

        void text(int status, String body) throws IOException {
            send(status, "text/plain; charset=utf-8", body.getBytes(StandardCharsets.UTF_8));
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-server");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Handler> routes = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    TestServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(executor);
        server.createContext("/", this::dispatch);
        server.start();
    }

    String url(String pathAndQuery) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + pathAndQuery;
    }

    TestServer on(String path, Handler handler) {
        routes.put(path, handler);
        return this;
    }

    /** The n-th call to {@code path} gets the n-th handler; the last one repeats. */
    TestServer script(String path, Handler... handlers) {
        AtomicInteger n = new AtomicInteger();
        return on(path, (call, reply) -> handlers[Math.min(n.getAndIncrement(), handlers.length - 1)].handle(call, reply));
    }

    List<Call> calls(String path) {
        List<Call> out = new ArrayList<>();
        for (Call c : calls) {
            if (c.path().equals(path)) {
                out.add(c);
            }
        }
        return out;
    }

    int count(String path) {
        return calls(path).size();
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
            String rawQuery = exchange.getRequestURI().getRawQuery();
            Call call = new Call(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), rawQuery,
                    parse(rawQuery), headers, body);
            calls.add(call);
            Handler h = routes.get(call.path());
            if (h == null) {
                new Reply(exchange).text(404, "no route " + call.path());
                return;
            }
            h.handle(call, new Reply(exchange));
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    static Map<String, String> parse(String rawQuery) {
        Map<String, String> out = new LinkedHashMap<>();
        if (rawQuery == null) {
            return out;
        }
        for (String part : rawQuery.split("&")) {
            int eq = part.indexOf('=');
            String k = eq < 0 ? part : part.substring(0, eq);
            String v = eq < 0 ? "" : part.substring(eq + 1);
            out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
