package io.tributary.cli;

import io.tributary.api.model.Connection;
import io.tributary.api.model.ConnectorSdkPackage;
import io.tributary.api.model.Group;
import io.tributary.cli.api.ApiConnection;
import io.tributary.cli.api.DryRun;
import io.tributary.cli.console.LogsOnStandardError;
import io.tributary.cli.project.ConnectorPackage;
import io.tributary.cli.project.ConnectorProject;
import io.tributary.cli.project.ProjectFiles;
import io.tributary.cli.project.UserError;
import io.tributary.client.ApiError;
import io.tributary.client.TributaryClient;
import io.tributary.sdk.Configuration;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Fivetran's {@code deploy} for a Tributary server: packages the project, uploads it, and creates its connection
 * (paused) in the named destination, or points the existing one at the new package and configuration.
 */
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = "Package a connector project, upload it and create or update its connection.")
final class DeployCommand implements Callable<Integer> {
    private static final Pattern CONNECTION_NAME = Pattern.compile("^[_a-z][_a-z0-9]*$");

    @Mixin
    ProjectArgument project;

    @Option(names = "--destination", paramLabel = "NAME",
            description = "The destination (group) name to load into; default: env TRIBUTARY_DESTINATION_NAME.")
    String destination;

    @Option(names = "--connection", paramLabel = "NAME",
            description = "The connection's name, its destination schema; default: env TRIBUTARY_CONNECTION_NAME.")
    String connection;

    @Option(names = "--configuration", paramLabel = "FILE",
            description = "Configuration JSON, sent as the connection's secrets (default: configuration.json).")
    Path configuration;

    @Option(names = "--yes", description = "Update an existing connection without asking.")
    boolean yes;

    @Mixin
    ApiConnection api;

    @Mixin
    DryRun dryRun;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try (LogsOnStandardError ignored = LogsOnStandardError.open()) {
            return run();
        }
    }

    private Integer run() {
        Path dir = project.dir();
        String destinationName = required(destination, "TRIBUTARY_DESTINATION_NAME", "--destination");
        String name = required(connection, "TRIBUTARY_CONNECTION_NAME", "--connection");
        if (!CONNECTION_NAME.matcher(name).matches()) {
            throw new UserError("connection name '" + name + "' is not valid: use lower-case letters, digits and "
                    + "underscores, starting with a letter or an underscore");
        }
        Configuration config = ProjectFiles.readConfiguration(
                configuration != null ? configuration : dir.resolve("configuration.json"));
        Path zip = PackageCommand.defaultZip(dir);
        ConnectorProject.Build build = new ConnectorProject(dir).build(project.connectorClass);
        ConnectorPackage.write(build, zip);

        TributaryClient client = api.client();
        Group group = client.groups().list().filter(g -> destinationName.equals(g.name())).findFirst()
                .orElseThrow(() -> new UserError("no destination named '" + destinationName + "'; create it with "
                        + "`tributary api destinations create --group " + destinationName + " --service duckdb "
                        + "--config path=…`, or check the name with `tributary api groups list`"));
        Optional<Connection> existing = client.connections().find(group.id(), name);
        PrintWriter out = spec.commandLine().getOut();
        if (dryRun.enabled()) {
            printRequests(out, zip, group, name, existing, config);
            return 0;
        }
        existing.ifPresent(this::confirmUpdate);

        ConnectorSdkPackage uploaded = client.packages().upload(zip);
        try {
            if (existing.isPresent()) {
                update(client, existing.get(), uploaded, config, out);
            } else {
                create(client, group, name, uploaded, config, out);
            }
        } catch (RuntimeException e) {
            deleteQuietly(client, uploaded.id());
            throw e;
        }
        return 0;
    }

    /** {@code --dry-run}: the requests a deploy would send, secrets masked; nothing is sent. */
    private void printRequests(PrintWriter out, Path zip, Group group, String name, Optional<Connection> existing,
                               Configuration config) {
        long bytes;
        try {
            bytes = Files.size(zip);
        } catch (java.io.IOException e) {
            throw new UserError("cannot read the package " + zip + ": " + e.getMessage());
        }
        out.println("POST connector-sdk/packages (multipart file " + zip + ", " + bytes + " bytes)");
        String uploaded = "<id of the uploaded package>";
        if (existing.isEmpty()) {
            dryRun.print(out, "POST", "connections", createBody(group, name, uploaded, secrets(config, true)));
            return;
        }
        dryRun.print(out, "PATCH", "connections/" + existing.get().id(), updateBody(uploaded, secrets(config, true)));
        previousPackage(existing.get()).ifPresent(id -> dryRun.print(out, "DELETE", "connector-sdk/packages/" + id,
                null));
    }

    private static Map<String, Object> createBody(Group group, String name, String packageId,
                                                  List<Map<String, String>> secrets) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("group_id", group.id());
        body.put("service", "connector_sdk");
        body.put("paused", true);
        body.put("run_setup_tests", true);
        body.put("sync_frequency", 360);
        body.put("config", Map.of("schema", name, "package_id", packageId, "secrets_list", secrets));
        return body;
    }

    private static Map<String, Object> updateBody(String packageId, List<Map<String, String>> secrets) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("run_setup_tests", true);
        body.put("config", Map.of("package_id", packageId, "secrets_list", secrets));
        return body;
    }

    private static Optional<String> previousPackage(Connection current) {
        Object previous = current.config() == null ? null : current.config().get("package_id");
        return Optional.ofNullable(previous).map(Object::toString);
    }

    private void create(TributaryClient client, Group group, String name, ConnectorSdkPackage uploaded,
                        Configuration config, PrintWriter out) {
        Map<String, Object> body = createBody(group, name, uploaded.id(), secrets(config, false));
        String id = client.call("POST", "connections", body).path("data").path("id").asText();
        out.println(id);
        spec.commandLine().getErr().println("deployed " + name + " into destination " + group.name()
                + " as connection " + id + " (package " + uploaded.id() + "); it is paused: start it with "
                + "`tributary api connections resume " + id + "`");
    }

    private void update(TributaryClient client, Connection current, ConnectorSdkPackage uploaded,
                        Configuration config, PrintWriter out) {
        client.call("PATCH", "connections/" + current.id(), updateBody(uploaded.id(), secrets(config, false)));
        previousPackage(current).filter(id -> !id.equals(uploaded.id()))
                .ifPresent(id -> deleteQuietly(client, id)); // the connection no longer uses it
        out.println(current.id());
        spec.commandLine().getErr().println("updated connection " + current.id() + " (" + current.schema()
                + "): its next sync runs package " + uploaded.id());
    }

    private void confirmUpdate(Connection current) {
        if (!"connector_sdk".equals(current.service())) {
            throw new UserError("connection " + current.schema() + " exists and is a " + current.service()
                    + " connection, not connector_sdk; choose another --connection");
        }
        if (yes) {
            return;
        }
        if (System.console() == null) {
            throw new UserError("connection " + current.schema() + " (" + current.id() + ") already exists; pass "
                    + "--yes to replace its code and configuration");
        }
        String answer = System.console().readLine("Connection %s (%s) exists. Replace its code and configuration? "
                + "(y/N) ", current.schema(), current.id());
        if (answer == null || !answer.trim().equalsIgnoreCase("y")) {
            throw new UserError("not deployed: the connection was left as it was");
        }
    }

    private static List<Map<String, String>> secrets(Configuration config, boolean masked) {
        List<Map<String, String>> secrets = new ArrayList<>();
        config.asMap().forEach((key, value) -> {
            Map<String, String> secret = new LinkedHashMap<>();
            secret.put("key", key);
            secret.put("value", masked ? "******" : value);
            secrets.add(secret);
        });
        return secrets;
    }

    private void deleteQuietly(TributaryClient client, String packageId) {
        try {
            client.packages().delete(packageId);
        } catch (ApiError e) {
            spec.commandLine().getErr().println("warning: package " + packageId + " was left on the server: "
                    + e.getMessage());
        }
    }

    private static String required(String flag, String variable, String option) {
        String value = flag != null ? flag : System.getenv(variable);
        if (value == null || value.isBlank()) {
            throw new UserError(option + " is required; give it, or set " + variable);
        }
        return value;
    }
}
