package io.tributary.cli.api;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.api.model.Connection;
import io.tributary.cli.project.UserError;
import io.tributary.client.ApiError;
import io.tributary.client.SchemaConfig;
import io.tributary.client.SchemaConfigRequest;
import io.tributary.client.TributaryClient;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tributary api connections copy ID --to-groups g1,g2}: api_framework's one_connector_in_many_destinations
 * and copy_connector. Each copy is created paused, with the source's service, schedule and config (secrets, which
 * the API shows masked, given with --config), and then gets the source's schema config. Every group is reported;
 * a copy whose schema config failed is reported with its id, as it exists but is not a full copy.
 */
@Command(name = "copy", mixinStandardHelpOptions = true,
        description = "Copy a connection and its schema config into other groups, paused; exit 1 if any copy failed.")
final class CopyConnection implements Callable<Integer> {
    private static final ObjectMapper JSON = io.tributary.api.ApiJson.mapper(); // snake_case, like the API

    @Mixin
    ApiConnection api;

    @Mixin
    DryRun dryRun;

    @Mixin
    Output output;

    @Parameters(paramLabel = "CONNECTION_ID", description = "The connection to copy.")
    String id;

    @Option(names = "--to-groups", required = true, split = ",", paramLabel = "GROUP_ID",
            description = "The groups to copy into, comma-separated.")
    List<String> groups;

    @Option(names = "--config", paramLabel = "KEY=VALUE",
            description = "A config value for the copies: each masked secret of the source (KEY or "
                    + "secrets_list.NAME), or a value to change such as schema=NAME. KEY:=JSON for typed values.")
    List<String> config = new ArrayList<>();

    @Spec
    CommandSpec spec;

    /** What happened in one group: copied, failed (nothing created) or half_copied (created, no schema config). */
    enum Result {
        COPIED, FAILED, HALF_COPIED;

        @JsonValue
        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What happened in one group. */
    record Outcome(String groupId, Result outcome, String connectionId, String error) {
    }

    @Override
    public Integer call() {
        TributaryClient client = api.client();
        ObjectNode overrides = ConfigValues.parse(config);
        Connection source = client.connections().get(id);
        ObjectNode sourceConfig = JSON.valueToTree(source.config() == null ? Map.of() : source.config());
        List<String> masked = ConfigValues.masked(sourceConfig);
        List<String> missing = masked.stream()
                .filter(name -> !ConfigValues.sets(overrides, name)).toList();
        if (!missing.isEmpty()) {
            throw new UserError("connection " + id + " has secrets the API shows masked (" + ConfigValues.MASK
                    + "), which cannot be copied; give them with --config: "
                    + String.join(", ", missing.stream().map(ConfigValues::flagFor).toList()));
        }
        ObjectNode copyConfig = sourceConfig.deepCopy();
        ConfigValues.apply(copyConfig, overrides);
        Optional<SchemaConfig> schemaConfig = client.schemas().find(id);
        Optional<SchemaConfigRequest> schemaCopy = schemaConfig.map(SchemaConfigCopy::of);
        PrintWriter out = spec.commandLine().getOut();
        List<Outcome> outcomes = new ArrayList<>();
        for (String group : groups) {
            ObjectNode request = createRequest(source, group, copyConfig);
            // a dry run shows the secrets given for the copy as masked, as the API would
            if (dryRun.print(out, "POST", "connections", ConfigValues.hide(request, masked))) {
                schemaCopy.ifPresent(c -> dryRun.print(out, "POST", "connections/<id of the copy in " + group
                        + ">/schemas", JSON.valueToTree(c)));
                continue;
            }
            outcomes.add(copyInto(client, group, request, schemaCopy));
        }
        if (dryRun.enabled) {
            return 0;
        }
        report(out, outcomes, schemaConfig.isPresent());
        return outcomes.stream().allMatch(o -> o.outcome() == Result.COPIED) ? 0 : 1;
    }

    private ObjectNode createRequest(Connection source, String group, ObjectNode config) {
        ObjectNode request = JSON.createObjectNode();
        request.put("group_id", group);
        request.put("service", source.service());
        request.put("paused", true);
        request.put("sync_frequency", source.syncFrequency());
        if (source.scheduleType() != null) {
            request.put("schedule_type", source.scheduleType());
        }
        if (source.dailySyncTime() != null) {
            request.put("daily_sync_time", source.dailySyncTime());
        }
        if (source.destinationSchemaNames() != null) {
            request.put("destination_schema_names", source.destinationSchemaNames());
        }
        request.set("config", config);
        return request;
    }

    private static Outcome copyInto(TributaryClient client, String group, JsonNode request,
                                    Optional<SchemaConfigRequest> schemaCopy) {
        String copyId;
        try {
            copyId = client.connections().create(request).id();
        } catch (ApiError e) {
            return new Outcome(group, Result.FAILED, null, e.getMessage());
        }
        try {
            schemaCopy.ifPresent(c -> SchemaConfigCopy.apply(client, copyId, c));
            return new Outcome(group, Result.COPIED, copyId, null);
        } catch (ApiError e) {
            return new Outcome(group, Result.HALF_COPIED, copyId, e.getMessage());
        }
    }

    private void report(PrintWriter out, List<Outcome> outcomes, boolean hadSchemaConfig) {
        if (output.json) {
            output.print(out, JSON.valueToTree(outcomes));
            return;
        }
        PrintWriter err = spec.commandLine().getErr();
        for (Outcome o : outcomes) {
            switch (o.outcome()) {
                case COPIED -> out.println("copied into " + o.groupId() + ": " + o.connectionId() + " (paused"
                        + (hadSchemaConfig ? ", schema config copied)" : "; the source has no schema config yet)"));
                case FAILED -> err.println("FAILED in " + o.groupId() + ": nothing created: " + o.error());
                case HALF_COPIED -> err.println("HALF-COPIED in " + o.groupId() + ": connection " + o.connectionId()
                        + " was created (paused) but its schema config was not copied: " + o.error()
                        + "\n  finish it with `tributary api schemas edit " + o.connectionId() + " …`, or remove it "
                        + "with `tributary api connections delete " + o.connectionId() + " --yes`");
            }
        }
        long copied = outcomes.stream().filter(o -> o.outcome() == Result.COPIED).count();
        out.println("copied " + id + " into " + copied + " of " + outcomes.size() + " groups");
    }
}
