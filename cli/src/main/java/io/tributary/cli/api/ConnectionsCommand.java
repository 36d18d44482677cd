package io.tributary.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tributary api connections …}: read commands here; the ones that change a connection in ConnectionActions. */
@Command(name = "connections", mixinStandardHelpOptions = true, description = "Connections.",
        subcommands = {ConnectionsCommand.ListConnections.class, ConnectionsCommand.Status.class,
                ConnectionActions.Pause.class, ConnectionActions.Resume.class, ConnectionActions.Delete.class,
                ConnectionActions.Sync.class, ConnectionActions.Resync.class, ConnectionHistory.History.class,
                ConnectionHistory.Logs.class, CreateMany.class,
                CreateConnection.class, UpdateConnection.class, CopyConnection.class})
final class ConnectionsCommand {
    static final List<String> COLUMNS = List.of("id", "schema", "service", "group_id", "paused",
            "status.setup_state", "status.sync_state", "succeeded_at", "failed_at");

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List connections across every page, optionally of one group and in one state.")
    static final class ListConnections implements Callable<Integer> {
        @Mixin
        ApiConnection api;

        @Mixin
        Output output;

        @Option(names = "--group", description = "Only this group's connections (its id).")
        String group;

        @Option(names = "--status", description = "broken, incomplete, connected, paused, syncing, scheduled or rescheduled.")
        String status;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            String path = group == null ? "connections" : "groups/" + group + "/connections";
            List<JsonNode> rows = api.client().list(path).filter(this::matches).toList();
            output.table(spec.commandLine().getOut(), rows, COLUMNS);
            return 0;
        }

        private boolean matches(JsonNode c) {
            if (status == null) {
                return true;
            }
            String s = status.toLowerCase(Locale.ROOT);
            return switch (s) {
                case "paused" -> c.path("paused").asBoolean();
                case "broken", "incomplete", "connected" -> s.equals(c.path("status").path("setup_state").asText());
                default -> s.equals(c.path("status").path("sync_state").asText());
            };
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true, description = "Show a connection's state, tasks and warnings.")
    static final class Status implements Callable<Integer> {
        @Mixin
        ApiConnection api;

        @Mixin
        Output output;

        @Parameters(paramLabel = "CONNECTION_ID")
        String id;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            JsonNode c = api.client().call("GET", "connections/" + id, null).path("data");
            var out = spec.commandLine().getOut();
            if (output.json) {
                output.print(out, c);
                return 0;
            }
            output.table(out, List.of(c), COLUMNS);
            c.path("status").path("tasks").forEach(t -> out.println("  task:    " + t.path("code").asText() + " "
                    + t.path("message").asText()));
            c.path("status").path("warnings").forEach(w -> out.println("  warning: " + w.path("code").asText() + " "
                    + w.path("message").asText()));
            return 0;
        }
    }
}
