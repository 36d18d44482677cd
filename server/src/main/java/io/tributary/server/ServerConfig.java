package io.tributary.server;

import io.tributary.server.webhooks.WebhookDispatcher;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How the server runs.
 *
 * @param dbUrl            a PostgreSQL JDBC URL for the production store, or null for the embedded H2 store in
 *                         {@code dataDir}
 * @param requestsPerHour  the account's API budget (Fivetran's is 20,000)
 * @param syncWorkers      syncs this node runs at once; 0 serves the API without running syncs
 * @param connectorPath    a directory of connector jars, or null for the server's own class path
 * @param syncLease        how long a node may go silent before its syncs are presumed dead and taken over
 * @param webhookRetry     when failed webhook deliveries are tried again, and when given up
 * @param maxPackageBytes  the largest Connector SDK package zip the API accepts
 * @param syncTimeout      how long a sync may run before it is canceled (it keeps its last checkpoint)
 */
public record ServerConfig(String host, int port, Path dataDir, String dbUrl, String dbUser, String dbPassword,
                           long requestsPerHour, boolean allowHttpWebhooks, int syncWorkers, Path connectorPath,
                           Duration syncLease, WebhookDispatcher.Retry webhookRetry, long maxPackageBytes,
                           Duration syncTimeout) {
    public static final long DEFAULT_MAX_PACKAGE_BYTES = 256L << 20;
    public static final Duration DEFAULT_SYNC_TIMEOUT = Duration.ofHours(24);

    /** A configuration with the default package size cap and sync timeout. */
    public ServerConfig(String host, int port, Path dataDir, String dbUrl, String dbUser, String dbPassword,
                        long requestsPerHour, boolean allowHttpWebhooks, int syncWorkers, Path connectorPath,
                        Duration syncLease, WebhookDispatcher.Retry webhookRetry) {
        this(host, port, dataDir, dbUrl, dbUser, dbPassword, requestsPerHour, allowHttpWebhooks, syncWorkers,
                connectorPath, syncLease, webhookRetry, DEFAULT_MAX_PACKAGE_BYTES, DEFAULT_SYNC_TIMEOUT);
    }

    /** The API alone on 127.0.0.1:8080 with the embedded store; no syncs run until {@link #withSyncWorkers}. */
    public static ServerConfig defaults() {
        return new ServerConfig("127.0.0.1", 8080, Path.of("tributary-data"), null, null, null, 20_000, false, 0,
                null, Duration.ofSeconds(60), WebhookDispatcher.Retry.FIVETRAN, DEFAULT_MAX_PACKAGE_BYTES,
                DEFAULT_SYNC_TIMEOUT);
    }

    public ServerConfig withSyncWorkers(int workers, Path connectors) {
        return new ServerConfig(host, port, dataDir, dbUrl, dbUser, dbPassword, requestsPerHour, allowHttpWebhooks,
                workers, connectors, syncLease, webhookRetry, maxPackageBytes, syncTimeout);
    }

    public ServerConfig withSyncLease(Duration lease) {
        return new ServerConfig(host, port, dataDir, dbUrl, dbUser, dbPassword, requestsPerHour, allowHttpWebhooks,
                syncWorkers, connectorPath, lease, webhookRetry, maxPackageBytes, syncTimeout);
    }

    public ServerConfig withWebhookRetry(WebhookDispatcher.Retry retry) {
        return new ServerConfig(host, port, dataDir, dbUrl, dbUser, dbPassword, requestsPerHour, allowHttpWebhooks,
                syncWorkers, connectorPath, syncLease, retry, maxPackageBytes, syncTimeout);
    }

    public ServerConfig withPort(int p) {
        return new ServerConfig(host, p, dataDir, dbUrl, dbUser, dbPassword, requestsPerHour, allowHttpWebhooks,
                syncWorkers, connectorPath, syncLease, webhookRetry, maxPackageBytes, syncTimeout);
    }

    public ServerConfig withDataDir(Path dir) {
        return new ServerConfig(host, port, dir, dbUrl, dbUser, dbPassword, requestsPerHour, allowHttpWebhooks,
                syncWorkers, connectorPath, syncLease, webhookRetry, maxPackageBytes, syncTimeout);
    }

    public ServerConfig withDatabase(String url, String user, String password) {
        return new ServerConfig(host, port, dataDir, url, user, password, requestsPerHour, allowHttpWebhooks,
                syncWorkers, connectorPath, syncLease, webhookRetry, maxPackageBytes, syncTimeout);
    }

    public ServerConfig withRequestsPerHour(long budget) {
        return new ServerConfig(host, port, dataDir, dbUrl, dbUser, dbPassword, budget, allowHttpWebhooks,
                syncWorkers, connectorPath, syncLease, webhookRetry, maxPackageBytes, syncTimeout);
    }

    public ServerConfig withAllowHttpWebhooks(boolean allow) {
        return new ServerConfig(host, port, dataDir, dbUrl, dbUser, dbPassword, requestsPerHour, allow,
                syncWorkers, connectorPath, syncLease, webhookRetry, maxPackageBytes, syncTimeout);
    }

    public ServerConfig withMaxPackageBytes(long bytes) {
        return new ServerConfig(host, port, dataDir, dbUrl, dbUser, dbPassword, requestsPerHour, allowHttpWebhooks,
                syncWorkers, connectorPath, syncLease, webhookRetry, bytes, syncTimeout);
    }

    public ServerConfig withSyncTimeout(Duration timeout) {
        return new ServerConfig(host, port, dataDir, dbUrl, dbUser, dbPassword, requestsPerHour, allowHttpWebhooks,
                syncWorkers, connectorPath, syncLease, webhookRetry, maxPackageBytes, timeout);
    }
}
