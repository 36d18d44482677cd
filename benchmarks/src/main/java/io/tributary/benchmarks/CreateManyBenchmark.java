package io.tributary.benchmarks;

import io.tributary.cli.Tributary;
import io.tributary.client.TributaryClient;
import io.tributary.playground.FaultProxy;
import io.tributary.playground.FaultSpec;
import io.tributary.server.ServerConfig;
import io.tributary.server.TributaryServer;
import io.tributary.server.auth.ApiKeys;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

/**
 * {@code tributary api connections create-many} of N connections against the real server behind a proxy that
 * allows R requests a minute and injects 10 % 429s (half with Retry-After) and 5 % 500s (after the server created
 * the connection). Prints the wall time next to the least time the limit allows for the requests actually sent,
 * and checks the server holds each connection exactly once.
 *
 * <p>Usage: {@code CreateManyBenchmark [connections] [requestsPerMinute] [concurrency]}.
 */
public final class CreateManyBenchmark {
    public static void main(String[] args) throws Exception {
        int connections = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int perMinute = args.length > 1 ? Integer.parseInt(args[1]) : 600;
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        Path dir = Files.createTempDirectory("tributary-create-many-");
        try (TributaryServer server = TributaryServer.start(ServerConfig.defaults().withPort(0)
                .withDataDir(dir.resolve("server")))) {
            ApiKeys.Credentials key = server.initialKey().orElseThrow();
            String direct = "http://127.0.0.1:" + server.port();
            String group = TributaryClient.builder().baseUrl(direct + "/v1").apiKey(key.key()).apiSecret(key.secret())
                    .build().groups().create("Bulk").id();
            StringBuilder csv = new StringBuilder("schema\n");
            for (int i = 0; i < connections; i++) {
                csv.append("shop_").append(i).append('\n');
            }
            Files.writeString(dir.resolve("schemas.csv"), csv);
            Files.writeString(dir.resolve("template.json"), """
                    {"group_id": "%s", "service": "connector_sdk", "paused": true,
                     "config": {"schema": "{{schema}}", "connector_class": "com.example.Shop"}}""".formatted(group));
            try (FaultProxy proxy = FaultProxy.start(URI.create(direct),
                    FaultSpec.parse("429:0.05:1,429:0.05,500:0.05,seed:11"), perMinute, 0)) {
                long started = System.nanoTime();
                int exit = Tributary.run("api", "connections", "create-many", "--csv", dir.resolve("schemas.csv").toString(),
                        "--template", dir.resolve("template.json").toString(), "--concurrency", String.valueOf(concurrency),
                        "--log-dir", dir.toString(), "--url", proxy.uri() + "/v1", "--key", key.key(),
                        "--secret", key.secret());
                double seconds = (System.nanoTime() - started) / 1e9;
                Map<String, Long> counts = proxy.counts();
                // Injected 500s were forwarded first, so they are among the forwarded already.
                long sent = counts.getOrDefault("forwarded", 0L) + counts.getOrDefault("429", 0L)
                        + counts.getOrDefault("503", 0L) + counts.getOrDefault("rate_limited", 0L);
                // Requests the budget turned away did not spend it; the rest did.
                long spent = sent - counts.getOrDefault("rate_limited", 0L);
                double allowed = Math.max(0, spent - perMinute) * 60.0 / perMinute;
                System.out.printf("connections=%,d limit=%d req/min concurrency=%d exit=%d%n", connections, perMinute,
                        concurrency, exit);
                System.out.printf("proxy saw: %s (%,d requests)%n", counts, sent);
                System.out.printf("wall %.1f s; the limit lets %,d budget-spending requests through in no less than %.1f s"
                        + " (a full bucket of %d first); ratio %.2f%n", seconds, spent, allowed, perMinute, allowed / seconds);
                System.out.printf("connections on the server: %,d (distinct schemas %,d)%n", count(server, "*"),
                        count(server, "DISTINCT schema_name"));
            }
        }
    }

    private static long count(TributaryServer server, String what) throws Exception {
        try (Connection c = server.database().connection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(" + what + ") FROM connections")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
