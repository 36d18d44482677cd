package io.tributary.cli.api;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The settings {@code connections create} and {@code update} share; flags override a {@code --json} body. */
final class ConnectionFlags {
    @Option(names = "--json", paramLabel = "FILE", description = "A whole request body as JSON; the flags override its fields.")
    Path body;

    @Option(names = "--config", paramLabel = "KEY=VALUE",
            description = "A config value; KEY:=JSON for numbers, booleans and lists; secrets_list.NAME=VALUE for a "
                    + "Connector SDK secret. Repeat for more.")
    List<String> config = new ArrayList<>();

    @Option(names = "--paused", arity = "0..1", fallbackValue = "true", paramLabel = "true|false",
            description = "Pause the connection (--paused=false resumes it).")
    Boolean paused;

    @Option(names = "--sync-frequency", paramLabel = "MINUTES",
            description = "Minutes between syncs: 1, 5, 15, 30, 60, 120, 180, 360, 480, 720 or 1440.")
    Integer syncFrequency;

    /** The request body: the file's (or an empty one), with the flags applied. */
    ObjectNode request(String what) {
        ObjectNode request = body == null ? JsonNodeFactory.instance.objectNode() : ConfigValues.readObject(body, what);
        if (paused != null) {
            request.put("paused", paused);
        }
        if (syncFrequency != null) {
            request.put("sync_frequency", syncFrequency);
        }
        if (!config.isEmpty()) {
            ObjectNode merged = request.path("config").isObject() ? (ObjectNode) request.get("config")
                    : request.putObject("config");
            ConfigValues.apply(merged, ConfigValues.parse(config));
        }
        return request;
    }
}
