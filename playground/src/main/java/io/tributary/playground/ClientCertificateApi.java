package io.tributary.playground;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Users behind a client certificate (mutual TLS). An HTTPS server on 127.0.0.1, on a port of its own, accepts only
 * clients whose certificate the playground's test CA signed ({@code mtls/} in the resources, made by
 * {@code generate.sh}) and hands each request on to {@code GET /auth/certificate} of the playground itself, so
 * days and faults apply as everywhere else. That route refuses requests that did not come through the TLS front.
 */
final class ClientCertificateApi implements AutoCloseable {
    /** The HTTPS port is the playground's port plus this (5001 gives 5443); a random one when the port is 0. */
    static final int PORT_OFFSET = 442;
    static final String PASSWORD = "playground";
    private static final String SECRET_HEADER = "X-Playground-Mtls-Secret";
    private static final String SUBJECT_HEADER = "X-Playground-Client-Subject";
    private static final Logger LOG = LoggerFactory.getLogger(ClientCertificateApi.class);

    private final UserStore users;
    private final String secret = HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
    private final HttpClient upstream = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private HttpsServer server;
    private ExecutorService executor;

    ClientCertificateApi(UserStore users) {
        this.users = users;
    }

    void register(RoutesConfig routes) {
        routes.get("/auth/certificate", this::data);
    }

    private void data(Context ctx) {
        if (!secret.equals(ctx.header(SECRET_HEADER))) {
            throw new ApiError(401, Map.of("error", "client_certificate_required", "message",
                    "this endpoint is served over HTTPS with a client certificate: use the playground's "
                            + "certificate port (" + (server == null ? "not running" : "https://127.0.0.1:"
                            + server.getAddress().getPort() + "/auth/certificate") + ")"));
        }
        List<Map<String, Object>> data = new ArrayList<>();
        users.current().forEach(u -> data.add(u.fields()));
        Responder.json(ctx, Map.of("client", ctx.header(SUBJECT_HEADER), "data", data));
    }

    /** Starts the TLS front on {@code port} (0: any free port), passing requests to {@code upstreamBaseUrl}. */
    void start(int port, String upstreamBaseUrl) throws IOException, GeneralSecurityException {
        HttpsServer https = HttpsServer.create(new InetSocketAddress(Playground.HOST, port), 0);
        SSLContext tls = serverContext();
        https.setHttpsConfigurator(new HttpsConfigurator(tls) {
            @Override
            public void configure(HttpsParameters params) {
                SSLParameters p = tls.getDefaultSSLParameters();
                p.setNeedClientAuth(true); // no certificate signed by the CA, no handshake
                // TLS 1.2: a refused certificate then fails the handshake itself, with an alert the client reports.
                // Under TLS 1.3 the JDK client only sees the connection dropped after a handshake it thinks passed.
                p.setProtocols(new String[] {"TLSv1.2"});
                params.setSSLParameters(p);
            }
        });
        executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "playground-mtls");
            t.setDaemon(true);
            return t;
        });
        https.setExecutor(executor);
        https.createContext("/", exchange -> forward(exchange, upstreamBaseUrl));
        https.start();
        server = https;
    }

    int port() {
        if (server == null) {
            throw new IllegalStateException("the client-certificate server is not running (its port was busy)");
        }
        return server.getAddress().getPort();
    }

    private void forward(HttpExchange exchange, String upstreamBaseUrl) throws IOException {
        try (exchange) {
            X509Certificate client = (X509Certificate) ((HttpsExchange) exchange).getSSLSession()
                    .getPeerCertificates()[0];
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(upstreamBaseUrl
                            + exchange.getRequestURI().getRawPath()
                            + (exchange.getRequestURI().getRawQuery() == null ? ""
                            : "?" + exchange.getRequestURI().getRawQuery())))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.noBody())
                    .header(SECRET_HEADER, secret)
                    .header(SUBJECT_HEADER, client.getSubjectX500Principal().getName());
            String fault = exchange.getRequestHeaders().getFirst(Faults.HEADER);
            if (fault != null) {
                request.header(Faults.HEADER, fault);
            }
            HttpResponse<byte[]> response = upstream.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            for (String name : List.of("Content-Type", "Retry-After")) {
                response.headers().firstValue(name).ifPresent(v -> exchange.getResponseHeaders().set(name, v));
            }
            byte[] body = response.body();
            exchange.sendResponseHeaders(response.statusCode(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (IOException e) {
            // An injected reset or truncated body upstream: the client's connection is dropped in turn.
            LOG.debug("client-certificate request {} dropped: {}", exchange.getRequestURI(), e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static SSLContext serverContext() throws IOException, GeneralSecurityException {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = resource("server.p12")) {
            keys.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, PASSWORD.toCharArray());
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        try (InputStream in = resource("ca.pem")) {
            trusted.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trusted);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), tmf.getTrustManagers(), new SecureRandom());
        return tls;
    }

    static InputStream resource(String name) throws IOException {
        InputStream in = ClientCertificateApi.class.getResourceAsStream("mtls/" + name);
        if (in == null) {
            throw new IOException("playground resource mtls/" + name + " is missing");
        }
        return in;
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
        }
    }
}
