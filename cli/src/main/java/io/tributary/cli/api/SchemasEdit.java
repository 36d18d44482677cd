package io.tributary.cli.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tributary.api.ApiJson;
import io.tributary.cli.project.UserError;
import io.tributary.client.SchemaConfig;
import io.tributary.client.SchemaConfigRequest;
import io.tributary.client.TributaryClient;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tributary api schemas edit ID}: api_framework's schema_edit, as one PATCH of the whole config so that
 * every change applies or none does. Names are source names; dotted names are matched against the config, so a
 * table named "a.b" is found as SCHEMA.a.b.
 */
@Command(name = "edit", mixinStandardHelpOptions = true,
        description = "Enable, disable, hash or unhash schemas, tables and columns, and set the schema change "
                + "handling, in one request.")
final class SchemasEdit implements Callable<Integer> {
    private static final ObjectMapper JSON = ApiJson.mapper();

    /** How the config treats objects that appear in the source later. */
    enum Handling { ALLOW_ALL, ALLOW_COLUMNS, BLOCK_ALL }

    @Mixin
    ApiConnection api;

    @Mixin
    DryRun dryRun;

    @Parameters(paramLabel = "CONNECTION_ID")
    String id;

    @Option(names = "--enable", paramLabel = "SCHEMA[.TABLE[.COLUMN]]", description = "Include it; repeat for more.")
    List<String> enable = new ArrayList<>();

    @Option(names = "--disable", paramLabel = "SCHEMA[.TABLE[.COLUMN]]", description = "Exclude it; repeat for more.")
    List<String> disable = new ArrayList<>();

    @Option(names = "--hash", paramLabel = "SCHEMA.TABLE.COLUMN", description = "Hash the column; repeat for more.")
    List<String> hash = new ArrayList<>();

    @Option(names = "--unhash", paramLabel = "SCHEMA.TABLE.COLUMN", description = "Stop hashing the column.")
    List<String> unhash = new ArrayList<>();

    @Option(names = "--schema-change-handling", paramLabel = "ALLOW_ALL|ALLOW_COLUMNS|BLOCK_ALL",
            description = "What happens to new schemas, tables and columns.")
    Handling handling;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (enable.isEmpty() && disable.isEmpty() && hash.isEmpty() && unhash.isEmpty() && handling == null) {
            throw new UserError("nothing to change: pass --enable, --disable, --hash, --unhash or "
                    + "--schema-change-handling");
        }
        TributaryClient client = api.client();
        SchemaConfig current = client.schemas().get(id);
        ObjectNode body = JSON.createObjectNode();
        List<String> changes = new ArrayList<>();
        if (handling != null) {
            body.put("schema_change_handling", handling.name());
            changes.add("schema change handling → " + handling);
        }
        for (String path : enable) {
            set(body, resolve(current, path, false), "enabled", true, changes);
        }
        for (String path : disable) {
            set(body, resolve(current, path, false), "enabled", false, changes);
        }
        for (String path : hash) {
            set(body, resolve(current, path, true), "hashed", true, changes);
        }
        for (String path : unhash) {
            set(body, resolve(current, path, true), "hashed", false, changes);
        }
        PrintWriter out = spec.commandLine().getOut();
        String path = "connections/" + id + "/schemas";
        if (dryRun.print(out, "PATCH", path, body)) {
            return 0;
        }
        client.schemas().patch(id, JSON.treeToValue(body, SchemaConfigRequest.class));
        changes.forEach(c -> out.println("  " + c));
        out.println("Updated the schema config of " + id + " (" + changes.size() + " change"
                + (changes.size() == 1 ? "" : "s") + ")");
        return 0;
    }

    /**
     * The path's schema, table and column names (1 to 3), matched against the config's names longest first; a part
     * the config does not know is split at the next dot and left for the server to refuse with its own message.
     */
    static List<String> resolve(SchemaConfig config, String path, boolean columnRequired) {
        List<String> parts = new ArrayList<>();
        String schema = match(config.schemas(), path);
        parts.add(schema);
        String rest = rest(path, schema);
        if (rest != null) {
            SchemaConfig.Schema s = config.schemas().get(schema);
            String table = match(s == null ? Map.of() : s.tables(), rest);
            parts.add(table);
            String column = rest(rest, table);
            if (column != null) {
                parts.add(column);
            }
        }
        if (parts.stream().anyMatch(String::isEmpty)) {
            throw new UserError("'" + path + "' has an empty name; write SCHEMA[.TABLE[.COLUMN]]");
        }
        if (columnRequired && parts.size() != 3) {
            throw new UserError("hashing applies to columns: write SCHEMA.TABLE.COLUMN, got '" + path + "'");
        }
        return parts;
    }

    private static String match(Map<String, ?> known, String path) {
        String best = null;
        for (String name : known.keySet()) {
            if ((path.equals(name) || path.startsWith(name + ".")) && (best == null || name.length() > best.length())) {
                best = name;
            }
        }
        if (best != null) {
            return best;
        }
        int dot = path.indexOf('.');
        return dot < 0 ? path : path.substring(0, dot);
    }

    private static String rest(String path, String first) {
        return path.length() == first.length() ? null : path.substring(first.length() + 1);
    }

    /** Sets one attribute in the nested PATCH body; the same attribute set both ways is a usage error. */
    private static void set(ObjectNode body, List<String> parts, String attribute, boolean value, List<String> changes) {
        ObjectNode node = body.withObjectProperty("schemas").withObjectProperty(parts.get(0));
        if (parts.size() > 1) {
            node = node.withObjectProperty("tables").withObjectProperty(parts.get(1));
        }
        if (parts.size() > 2) {
            node = node.withObjectProperty("columns").withObjectProperty(parts.get(2));
        }
        String name = String.join(".", parts);
        if (node.has(attribute) && node.get(attribute).booleanValue() != value) {
            throw new UserError("'" + name + "' is both " + verb(attribute, true) + " and " + verb(attribute, false));
        }
        node.put(attribute, value);
        changes.add(verb(attribute, value) + " " + name);
    }

    private static String verb(String attribute, boolean value) {
        return attribute.equals("hashed") ? (value ? "hash" : "unhash") : (value ? "enable" : "disable");
    }
}
