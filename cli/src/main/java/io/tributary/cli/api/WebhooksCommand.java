package io.tributary.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.client.Webhooks;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tributary api webhooks …}: list and test here, create in {@link CreateWebhook}. */
@Command(name = "webhooks", mixinStandardHelpOptions = true, description = "Account and group webhooks.",
        subcommands = {WebhooksCommand.ListWebhooks.class, CreateWebhook.class, WebhooksCommand.Test.class})
final class WebhooksCommand {
    static final List<String> COLUMNS = List.of("id", "type", "group_id", "url", "events", "active", "secret");
    static final String MASK = "******";

    /** A webhook or request body fit to print: a secret, whatever the server sent back, shows as the mask. */
    static JsonNode masked(Object webhookOrRequest) {
        JsonNode node = ApiBodies.json(webhookOrRequest);
        if (node instanceof ObjectNode o && !o.path("secret").asText("").isEmpty()) {
            o.put("secret", MASK);
        }
        return node;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List every webhook, across all pages.")
    static final class ListWebhooks implements Callable<Integer> {
        @Mixin
        ApiConnection api;

        @Mixin
        Output output;

        @Option(names = "--group", description = "Only this group's webhooks (its id).")
        String group;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            List<JsonNode> rows = api.client().webhooks().list()
                    .filter(w -> group == null || group.equals(w.groupId()))
                    .map(WebhooksCommand::masked).toList();
            output.table(spec.commandLine().getOut(), rows, COLUMNS);
            return 0;
        }
    }

    /** Has the server deliver a sample event now; exit 1 when the endpoint does not accept it. */
    @Command(name = "test", mixinStandardHelpOptions = true,
            description = "Send a sample event to a webhook's endpoint (exit 1 if the endpoint does not accept it).")
    static final class Test implements Callable<Integer> {
        @Mixin
        ApiConnection api;

        @Mixin
        Output output;

        @Mixin
        DryRun dryRun;

        @Parameters(paramLabel = "WEBHOOK_ID")
        String id;

        @Option(names = "--event", defaultValue = "sync_start",
                description = "The event to send, e.g. sync_start, sync_end (default: ${DEFAULT-VALUE}).")
        String event;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            var out = spec.commandLine().getOut();
            if (dryRun.print(out, "POST", "webhooks/" + id + "/test", Map.of("event", event))) {
                return 0;
            }
            Webhooks.TestResult result = api.client().webhooks().test(id, event);
            if (output.json) {
                output.print(out, ApiBodies.json(result));
            }
            if (!result.succeed()) {
                spec.commandLine().getErr().println(spec.commandLine().getColorScheme().errorText(
                        "error: the endpoint did not accept " + event + ": " + result.message()));
                return 1;
            }
            output.done(out, "Delivered " + event + " to webhook " + id + ": " + result.message());
            return 0;
        }
    }
}
