package io.tributary.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.client.TributaryClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tributary api destinations …}. */
@Command(name = "destinations", mixinStandardHelpOptions = true, description = "Destinations.",
        subcommands = DestinationsCommand.Create.class)
final class DestinationsCommand {

    /** Creates a group, then its destination: api_framework's two-step create in one command. */
    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a group and its destination, and run the destination's setup tests.")
    static final class Create implements Callable<Integer> {
        @Mixin
        ApiConnection api;

        @Mixin
        Output output;

        @Mixin
        DryRun dryRun;

        @Option(names = "--group", required = true, description = "Name of the new group.")
        String group;

        @Option(names = "--service", required = true, description = "Destination service, e.g. duckdb, postgres_warehouse, snowflake.")
        String service;

        @Option(names = "--time-zone-offset", defaultValue = "0", description = "Sync schedule time zone, -11 to +12 (default: 0).")
        String timeZoneOffset;

        @Option(names = "--config", paramLabel = "KEY=VALUE", description = "A config value; repeat for each.")
        Map<String, String> config = new LinkedHashMap<>();

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            var out = spec.commandLine().getOut();
            Map<String, Object> groupBody = Map.of("name", group);
            Map<String, Object> destinationBody = new LinkedHashMap<>();
            destinationBody.put("group_id", "<id of the new group>");
            destinationBody.put("service", service);
            destinationBody.put("time_zone_offset", timeZoneOffset);
            destinationBody.put("run_setup_tests", true);
            destinationBody.put("config", config);
            if (dryRun.print(out, "POST", "groups", groupBody)) {
                dryRun.print(out, "POST", "destinations", destinationBody);
                return 0;
            }
            TributaryClient client = api.client();
            String groupId = client.call("POST", "groups", groupBody).path("data").path("id").asText();
            destinationBody.put("group_id", groupId);
            JsonNode destination = client.callSlow("POST", "destinations", destinationBody).path("data");
            output.table(out, java.util.List.of(destination), java.util.List.of("id", "service", "setup_status"));
            destination.path("setup_tests").forEach(t -> out.println("  " + t.path("status").asText() + "  "
                    + t.path("title").asText() + (t.path("message").asText().isEmpty() ? "" : ": " + t.path("message").asText())));
            boolean connected = "CONNECTED".equalsIgnoreCase(destination.path("setup_status").asText());
            output.done(out, "Created group " + group + " (" + groupId + ") and its " + service + " destination"
                    + (connected ? "" : "; its setup tests did not all pass"));
            return connected ? 0 : 1;
        }
    }
}
