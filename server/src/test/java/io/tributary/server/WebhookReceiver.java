package io.tributary.server;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A webhook endpoint on loopback that records every delivery and answers with a chosen status. */
final class WebhookReceiver implements AutoCloseable {
    private final HttpServer server;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private volatile int status = 200;

    /** One request as received: raw body bytes and headers (names lower-cased). */
    record Delivery(String method, String path, byte[] body, Map<String, String> headers) {
        String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }

        String text() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
            deliveries.add(new Delivery(exchange.getRequestMethod(), exchange.getRequestURI().getPath(), body, headers));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    void answer(int newStatus) {
        status = newStatus;
    }

    List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    Delivery last() {
        return deliveries.get(deliveries.size() - 1);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
