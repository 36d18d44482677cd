package io.tributary.server;

import java.nio.file.Path;

/**
 * How the server runs.
 *
 * @param dbUrl            a PostgreSQL JDBC URL for the production store, or null for the embedded H2 store in
 *                         {@code dataDir}
 * @param requestsPerHour  the account's API budget (Fivetran's is 20,000)
 */
public record ServerConfig(String host, int port, Path dataDir, String dbUrl, String dbUser, String dbPassword,
                           long requestsPerHour, boolean allowHttpWebhooks) {

    public static ServerConfig defaults() {
        return new ServerConfig("127.0.0.1", 8080, Path.of("tributary-data"), null, null, null, 20_000, false);
    }

    public ServerConfig withPort(int p) {
        return new ServerConfig(host, p, dataDir, dbUrl, dbUser, dbPassword, requestsPerHour, allowHttpWebhooks);
    }

    public ServerConfig withDataDir(Path dir) {
        return new ServerConfig(host, port, dir, dbUrl, dbUser, dbPassword, requestsPerHour, allowHttpWebhooks);
    }

    public ServerConfig withDatabase(String url, String user, String password) {
        return new ServerConfig(host, port, dataDir, url, user, password, requestsPerHour, allowHttpWebhooks);
    }

    public ServerConfig withRequestsPerHour(long budget) {
        return new ServerConfig(host, port, dataDir, dbUrl, dbUser, dbPassword, budget, allowHttpWebhooks);
    }

    public ServerConfig withAllowHttpWebhooks(boolean allow) {
        return new ServerConfig(host, port, dataDir, dbUrl, dbUser, dbPassword, requestsPerHour, allow);
    }
}
