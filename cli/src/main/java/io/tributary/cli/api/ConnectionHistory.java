package io.tributary.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.api.ApiJson;
import io.tributary.api.model.SyncLogLine;
import io.tributary.api.model.SyncRun;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code connections history} and {@code connections logs}: what a Tributary server's syncs did. */
final class ConnectionHistory {
    static final List<String> COLUMNS = List.of("id", "status", "trigger", "started_at", "duration_ms", "upserts",
            "updates", "deletes", "checkpoints", "error");

    private ConnectionHistory() {
    }

    @Command(name = "history", mixinStandardHelpOptions = true,
            description = "List a connection's syncs, newest first: outcome, trigger, duration, counts and error "
                    + "(Tributary server).")
    static final class History implements Callable<Integer> {
        @Mixin
        ApiConnection api;

        @Mixin
        Output output;

        @Parameters(paramLabel = "CONNECTION_ID")
        String id;

        @Option(names = "--limit", defaultValue = "20", description = "At most this many syncs (default: ${DEFAULT-VALUE}).")
        int limit;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            List<JsonNode> rows = api.client().connections().history(id).limit(limit)
                    .<JsonNode>map(run -> ApiJson.mapper().valueToTree(run)).toList();
            output.table(spec.commandLine().getOut(), rows, COLUMNS);
            return 0;
        }
    }

    @Command(name = "logs", mixinStandardHelpOptions = true,
            description = "Print what a sync logged (the latest one unless --sync is given); --follow keeps printing "
                    + "until the sync ends (Tributary server).")
    static final class Logs implements Callable<Integer> {
        private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
                .withZone(ZoneId.of("UTC"));

        @Mixin
        ApiConnection api;

        @Mixin
        Output output;

        @Parameters(paramLabel = "CONNECTION_ID")
        String id;

        @Option(names = "--sync", paramLabel = "SYNC_ID", description = "The sync (from `connections history`).")
        String syncId;

        @Option(names = "--follow", description = "Keep printing new lines until the sync has ended.")
        boolean follow;

        @Option(names = "--poll", defaultValue = "PT2S", description = "How often --follow asks (default: ${DEFAULT-VALUE}).")
        Duration poll;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws InterruptedException {
            PrintWriter out = spec.commandLine().getOut();
            String sync = syncId != null ? syncId
                    : api.client().connections().history(id).findFirst().map(SyncRun::id).orElse(null);
            if (sync == null) {
                if (!output.json) {
                    out.println("Connection " + id + " has not synced yet.");
                } else {
                    output.print(out, ApiJson.mapper().createArrayNode());
                }
                return 0;
            }
            if (output.json) {
                output.print(out, ApiJson.mapper().valueToTree(api.client().connections().logs(id, sync).toList()));
                return 0;
            }
            int printed = 0;
            while (true) {
                boolean running = follow && "RUNNING".equals(status(sync));
                for (SyncLogLine line : api.client().connections().logs(id, sync).skip(printed).toList()) {
                    out.println(format(line));
                    printed++;
                }
                out.flush();
                if (!running) {
                    return 0;
                }
                Thread.sleep(poll.toMillis());
            }
        }

        private String status(String sync) {
            return api.client().call("GET", "connections/" + id + "/sync-history/" + sync, null).path("data")
                    .path("status").asText();
        }

        private static String format(SyncLogLine line) {
            String level = switch (line.level()) {
                case "ERROR" -> "@|red " + line.level() + "|@";
                case "WARN" -> "@|yellow " + line.level() + "|@";
                default -> line.level();
            };
            return TIME.format(line.time()) + " " + Ansi.AUTO.string(level) + " "
                    + line.logger() + " " + line.message();
        }
    }
}
