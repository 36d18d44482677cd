package io.tributary.cli.api;

import io.tributary.api.model.SyncRun;
import io.tributary.cli.project.UserError;
import io.tributary.client.ApiError;
import io.tributary.client.SyncWaiter;
import io.tributary.client.TributaryClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The {@code tributary api connections} commands that change a connection; each takes {@code --dry-run}. */
final class ConnectionActions {
    private ConnectionActions() {
    }

    /** Shared by the action commands: the API, the output, dry runs, and the connection. */
    abstract static class Action implements Callable<Integer> {
        @Mixin
        ApiConnection api;

        @Mixin
        Output output;

        @Mixin
        DryRun dryRun;

        @Parameters(paramLabel = "CONNECTION_ID")
        String id;

        @Spec
        CommandSpec spec;

        /** Sends one request, or prints it with --dry-run; returns the envelope, or null on a dry run. */
        com.fasterxml.jackson.databind.JsonNode send(String method, String path, Object body) {
            if (dryRun.print(spec.commandLine().getOut(), method, path, body)) {
                return null;
            }
            return api.client().call(method, path, body);
        }
    }

    @Command(name = "pause", mixinStandardHelpOptions = true, description = "Pause a connection.")
    static final class Pause extends Action {
        @Override
        public Integer call() {
            if (send("PATCH", "connections/" + id, Map.of("paused", true)) != null) {
                output.done(spec.commandLine().getOut(), "Paused " + id);
            }
            return 0;
        }
    }

    @Command(name = "resume", mixinStandardHelpOptions = true, description = "Resume a paused connection.")
    static final class Resume extends Action {
        @Override
        public Integer call() {
            if (send("PATCH", "connections/" + id, Map.of("paused", false)) != null) {
                output.done(spec.commandLine().getOut(), "Resumed " + id);
            }
            return 0;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a connection and its state.")
    static final class Delete extends Action {
        @Option(names = "--yes", description = "Confirm: deleting cannot be undone.")
        boolean yes;

        @Override
        public Integer call() {
            if (!yes && !dryRun.enabled) {
                throw new UserError("deleting connection " + id + " cannot be undone; pass --yes to confirm");
            }
            if (send("DELETE", "connections/" + id, null) != null) {
                output.done(spec.commandLine().getOut(), "Deleted " + id);
            }
            return 0;
        }
    }

    @Command(name = "sync", mixinStandardHelpOptions = true,
            description = "Trigger a sync; with --wait, wait for it to end (exit 0 succeeded, 1 failed, 3 timed out).")
    static final class Sync extends Action {
        @Option(names = "--force", description = "Stop a running sync and start again.")
        boolean force;

        @Option(names = "--wait", description = "Wait until the sync ends.")
        boolean await;

        @Option(names = "--timeout", defaultValue = "PT1H", description = "How long --wait waits, e.g. PT30M (default: ${DEFAULT-VALUE}).")
        Duration timeout;

        @Option(names = "--poll", defaultValue = "PT15S", description = "How often --wait polls (default: ${DEFAULT-VALUE}).")
        Duration poll;

        @Override
        public Integer call() {
            var out = spec.commandLine().getOut();
            if (!await) {
                if (send("POST", "connections/" + id + "/sync", Map.of("force", force)) != null) {
                    output.done(out, "Sync triggered for " + id);
                }
                return 0;
            }
            if (dryRun.print(out, "POST", "connections/" + id + "/sync", Map.of("force", force))) {
                return 0;
            }
            TributaryClient client = api.client();
            try {
                SyncWaiter.Result result = client.syncWaiter().pollEvery(poll).syncAndWait(id, force, timeout);
                output.done(out, "Sync of " + id + " " + result.outcome().name().toLowerCase() + " at " + result.at());
                if (output.json) {
                    output.print(out, result.connection());
                }
                if (result.outcome() == SyncWaiter.Outcome.SUCCEEDED) {
                    return 0;
                }
                whyFailed(client).ifPresent(reason -> spec.commandLine().getErr().println("reason: " + reason
                        + "\nsee: tributary api connections logs " + id));
                return 1;
            } catch (SyncWaiter.TimeoutException e) {
                spec.commandLine().getErr().println("error: " + e.getMessage());
                return 3;
            } catch (IllegalStateException e) {
                throw new UserError(e.getMessage());
            }
        }

        /** The latest sync's error, from a Tributary server's sync history (Fivetran's cloud has none). */
        private Optional<String> whyFailed(TributaryClient client) {
            try {
                return client.connections().history(id).findFirst().map(SyncRun::error);
            } catch (ApiError e) {
                return Optional.empty();
            }
        }
    }

    @Command(name = "resync", mixinStandardHelpOptions = true,
            description = "Re-sync the whole connection, or only the tables given.")
    static final class Resync extends Action {
        @Option(names = "--table", paramLabel = "SCHEMA.TABLE", description = "A table to re-sync; repeat for more.")
        List<String> tables = new ArrayList<>();

        @Override
        public Integer call() {
            Map<String, List<String>> scope = new LinkedHashMap<>();
            for (String t : tables) {
                int dot = t.indexOf('.');
                if (dot <= 0 || dot == t.length() - 1) {
                    throw new UserError("--table takes SCHEMA.TABLE, got '" + t + "'");
                }
                scope.computeIfAbsent(t.substring(0, dot), s -> new ArrayList<>()).add(t.substring(dot + 1));
            }
            Object body = scope.isEmpty() ? Map.of() : Map.of("scope", scope);
            if (send("POST", "connections/" + id + "/resync", body) != null) {
                output.done(spec.commandLine().getOut(), scope.isEmpty() ? "Full re-sync triggered for " + id
                        : "Re-sync of " + tables + " triggered for " + id);
            }
            return 0;
        }
    }
}
