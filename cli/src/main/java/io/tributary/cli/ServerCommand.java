package io.tributary.cli;

import io.tributary.server.ServerConfig;
import io.tributary.server.TributaryServer;
import io.tributary.server.auth.ApiKeys;
import io.tributary.server.auth.Role;
import io.tributary.server.store.Database;
import io.tributary.server.store.Jdbc;
import io.tributary.server.webhooks.WebhookDispatcher;
import io.tributary.cli.project.UserError;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Runs the management server (Fivetran's REST API v1) until stopped. */
@Command(name = "server", mixinStandardHelpOptions = true, subcommands = ServerCommand.CreateKey.class,
        description = "Run the management server: Fivetran's REST API v1 on 127.0.0.1, over an embedded or PostgreSQL store.")
final class ServerCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "8080", description = "Port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--requests-per-hour", defaultValue = "20000",
            description = "The account's API budget per rolling hour (default: ${DEFAULT-VALUE}).")
    long requestsPerHour;

    @Option(names = "--allow-http-webhooks", description = "Accept http:// webhook URLs (local use only).")
    boolean allowHttpWebhooks;

    @Option(names = "--sync-workers", defaultValue = "2",
            description = "Syncs this node runs at once; 0 serves the API only (default: ${DEFAULT-VALUE}).")
    int syncWorkers;

    @Option(names = "--connector-path", paramLabel = "DIR",
            description = "A directory of connector jars (and the jars they need) that connections name in "
                    + "config.connector_class.")
    Path connectorPath;

    @Option(names = "--sync-lease", defaultValue = "PT60S",
            description = "How long a node may go silent before its syncs are presumed dead and another node (or "
                    + "this one, restarted) takes them over (default: ${DEFAULT-VALUE}).")
    Duration syncLease;

    @Option(names = "--sync-timeout", defaultValue = "PT24H",
            description = "How long a sync may run before it is canceled; it keeps its last checkpoint and the next "
                    + "sync resumes from there (default: ${DEFAULT-VALUE}).")
    Duration syncTimeout;

    @Option(names = "--max-package-mb", defaultValue = "256",
            description = "The largest Connector SDK package upload accepted, in MiB (default: ${DEFAULT-VALUE}).")
    long maxPackageMb;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        if (syncLease.toMillis() < 1_000) {
            throw new UserError("--sync-lease must be at least PT1S, got " + syncLease);
        }
        if (syncTimeout.toMillis() < 1_000) {
            throw new UserError("--sync-timeout must be at least PT1S, got " + syncTimeout);
        }
        if (syncWorkers < 0) {
            throw new UserError("--sync-workers must be 0 or more, got " + syncWorkers);
        }
        if (maxPackageMb < 1 || maxPackageMb > 1024) {
            throw new UserError("--max-package-mb must be from 1 to 1024 (PostgreSQL stores at most 1 GiB in a "
                    + "value), got " + maxPackageMb);
        }
        ServerConfig config = new ServerConfig(host, port, store.dataDir, store.dbUrl, store.dbUser, store.password(),
                requestsPerHour, allowHttpWebhooks, syncWorkers, connectorPath, syncLease,
                WebhookDispatcher.Retry.FIVETRAN).withMaxPackageBytes(maxPackageMb << 20).withSyncTimeout(syncTimeout);
        TributaryServer server = TributaryServer.start(config);
        var out = spec.commandLine().getOut();
        String base = "http://" + host + ":" + server.port();
        out.println("Tributary server listening on " + base + "/v1 (store: " + store.describe() + ")");
        out.println(syncWorkers == 0 ? "Syncs: not run by this node (--sync-workers 0)"
                : "Syncs: up to " + syncWorkers + " at once on this node; connectors from "
                + (connectorPath == null ? "the server's class path" : connectorPath.toAbsolutePath()));
        server.initialKey().ifPresent(k -> {
            out.println("Created the first API key, role " + k.role().title() + ". The secret is shown only now:");
            out.println("  key:    " + k.key());
            out.println("  secret: " + k.secret());
            out.println("  try:    curl -u " + k.key() + ":" + k.secret() + " " + base + "/v1/groups");
        });
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "server-shutdown"));
        stopped.await();
        return 0;
    }

    /** Where the server keeps its metadata; shared by the server and its subcommands. */
    static final class StoreOptions {
        @Option(names = "--data-dir", defaultValue = "tributary-data",
                description = "Directory of the embedded store (default: ${DEFAULT-VALUE}).")
        Path dataDir;

        @Option(names = "--db-url", paramLabel = "JDBC_URL",
                description = "A PostgreSQL JDBC URL for the production store, instead of the embedded one.")
        String dbUrl;

        @Option(names = "--db-user", description = "PostgreSQL user.")
        String dbUser;

        @Option(names = "--db-password", arity = "0..1", interactive = true,
                description = "PostgreSQL password (or the TRIBUTARY_DB_PASSWORD environment variable).")
        char[] dbPassword;

        String password() {
            if (dbPassword != null) {
                String p = new String(dbPassword);
                Arrays.fill(dbPassword, ' ');
                return p;
            }
            return System.getenv("TRIBUTARY_DB_PASSWORD");
        }

        String describe() {
            return dbUrl != null ? dbUrl.replaceAll("password=[^&]*", "password=******") : "embedded, " + dataDir.toAbsolutePath();
        }
    }

    /** Creates another API key, with the role given, directly in the store. */
    @Command(name = "create-key", mixinStandardHelpOptions = true,
            description = "Create an API key with a role; the secret is printed once.")
    static final class CreateKey implements Callable<Integer> {
        @Mixin
        StoreOptions store;

        @Option(names = "--role", required = true,
                description = "Account Administrator, Account Reviewer, Destination Administrator, Manage Connection, View Connection, ...")
        String role;

        @Option(names = "--description", description = "What the key is for.")
        String description;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Role parsed = Role.byTitle(role).orElseThrow(() -> new UserError("unknown role '" + role + "'; use one of "
                    + Arrays.stream(Role.values()).map(Role::title).toList()));
            ServerConfig config = ServerConfig.defaults().withDataDir(store.dataDir)
                    .withDatabase(store.dbUrl, store.dbUser, store.password());
            try (Database database = TributaryServer.openStore(config)) {
                ApiKeys.Credentials k = new ApiKeys(new Jdbc(database)).create(parsed, description);
                var out = spec.commandLine().getOut();
                out.println("Created an API key with role " + parsed.title() + ". The secret is shown only now:");
                out.println("  key:    " + k.key());
                out.println("  secret: " + k.secret());
                return 0;
            }
        }
    }
}
