package io.tributary.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.tributary.api.model.Connection;
import io.tributary.cli.project.UserError;
import io.tributary.client.ApiError;
import io.tributary.client.TributaryClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Creates one connection per CSV row from a JSON template whose {@code {{column}}} placeholders the row fills.
 * Re-runs skip the schemas that exist; a create answered with a server error is looked up by schema before it
 * is sent again, so retries never duplicate. Bounded concurrency; the client paces itself by the rate limit.
 */
@Command(name = "create-many", mixinStandardHelpOptions = true,
        description = "Create many connections from a CSV and a JSON template; exit 1 if any failed.")
final class CreateMany implements Callable<Integer> {
    @Mixin
    ApiConnection api;

    @Mixin
    DryRun dryRun;

    @Option(names = "--csv", required = true, description = "CSV with a header row; each row fills the template.")
    Path csv;

    @Option(names = "--template", required = true,
            description = "JSON body of one create, with {{column}} placeholders, e.g. \"schema\": \"{{schema}}\".")
    Path template;

    @Option(names = "--concurrency", defaultValue = "4", description = "Creates in flight at once (default: ${DEFAULT-VALUE}).")
    int concurrency;

    @Option(names = "--log-dir", defaultValue = ".", description = "Where connection_creation_<time>.log goes (default: .).")
    Path logDir;

    @Spec
    CommandSpec spec;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_CREATE_ATTEMPTS = 6;

    @Override
    public Integer call() throws Exception {
        JsonNode body = readTemplate();
        List<JsonNode> requests = new ArrayList<>();
        List<Map<String, String>> rows = readCsv();
        for (int i = 0; i < rows.size(); i++) {
            try {
                JsonNode request = fill(body, rows.get(i));
                groupOf(request);
                schemaOf(request);
                requests.add(request); // every row checked before the first request is sent
            } catch (UserError e) {
                // Line numbers count the header as line 1.
                throw new UserError(csv + " line " + (i + 2) + ": " + e.getMessage());
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (dryRun.enabled) {
            for (JsonNode request : requests) {
                dryRun.print(out, "POST", "connections", request);
            }
            return 0;
        }
        TributaryClient client = api.client();
        Files.createDirectories(logDir);
        Path log = logDir.resolve("connection_creation_"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss_SSS")) + ".log");
        AtomicInteger created = new AtomicInteger();
        AtomicInteger skipped = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        Set<String> existing = existingSchemas(client, requests);
        try (PrintWriter logFile = new PrintWriter(Files.newBufferedWriter(log, java.nio.file.StandardOpenOption.CREATE_NEW))) {
            ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, concurrency));
            List<Future<?>> futures = new ArrayList<>();
            for (JsonNode request : requests) {
                String schema = schemaOf(request);
                futures.add(pool.submit(() -> {
                    String line;
                    if (existing.contains(groupOf(request) + "/" + schema)) {
                        skipped.incrementAndGet();
                        line = "SKIPPED " + schema + ": exists";
                    } else {
                        try {
                            String id = createOnce(client, request);
                            if (id == null) {
                                skipped.incrementAndGet();
                                line = "SKIPPED " + schema + ": created meanwhile by someone else (409)";
                            } else {
                                created.incrementAndGet();
                                line = "CREATED " + schema + " " + id;
                            }
                        } catch (ApiError e) {
                            failed.incrementAndGet();
                            line = "FAILED  " + schema + ": " + e.getMessage();
                        }
                    }
                    synchronized (logFile) {
                        logFile.println(LocalDateTime.now() + " " + line);
                        logFile.flush();
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            pool.shutdown();
        }
        out.printf("created %d, skipped %d, failed %d (log: %s)%n", created.get(), skipped.get(), failed.get(), log);
        return failed.get() == 0 ? 0 : 1;
    }

    /**
     * POSTs the create and answers the new id, or null when the schema already exists (409). After a server error
     * the outcome is unknown, so it first asks whether the connection exists before sending the create again.
     */
    private static String createOnce(TributaryClient client, JsonNode request) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return client.connections().create(request).id();
            } catch (ApiError e) {
                if (e.status() == 409) {
                    return null;
                }
                boolean unknownOutcome = e.status() >= 500 || e.status() == 0;
                if (!unknownOutcome || attempt == MAX_CREATE_ATTEMPTS) {
                    throw e;
                }
                Optional<Connection> made = client.connections().find(groupOf(request), schemaOf(request));
                if (made.isPresent()) {
                    return made.get().id();
                }
                Thread.sleep(Math.min(10_000, 250L << attempt));
            }
        }
    }

    private static Set<String> existingSchemas(TributaryClient client, List<JsonNode> requests) {
        Set<String> groups = new HashSet<>();
        requests.forEach(r -> groups.add(groupOf(r)));
        Set<String> out = new HashSet<>();
        for (String g : groups) {
            client.connections().inGroup(g).forEach(c -> out.add(g + "/" + c.schema()));
        }
        return out;
    }

    static JsonNode fill(JsonNode template, Map<String, String> row) {
        JsonNode copy = template.deepCopy();
        replace(copy, row);
        return copy;
    }

    private static void replace(JsonNode node, Map<String, String> row) {
        if (node instanceof ObjectNode object) {
            object.fieldNames().forEachRemaining(name -> {
                JsonNode child = object.get(name);
                if (child.isTextual()) {
                    object.set(name, TextNode.valueOf(substitute(child.asText(), row)));
                } else {
                    replace(child, row);
                }
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode child = node.get(i);
                if (child.isTextual()) {
                    ((com.fasterxml.jackson.databind.node.ArrayNode) node).set(i, TextNode.valueOf(substitute(child.asText(), row)));
                } else {
                    replace(child, row);
                }
            }
        }
    }

    private static String substitute(String text, Map<String, String> row) {
        String out = text;
        for (var e : row.entrySet()) {
            out = out.replace("{{" + e.getKey() + "}}", e.getValue());
        }
        if (out.contains("{{")) {
            throw new UserError("the template's '" + text + "' names a column the CSV does not have: " + row.keySet());
        }
        return out;
    }

    private static String schemaOf(JsonNode request) {
        String schema = request.path("config").path("schema").asText(request.path("config").path("schema_prefix").asText(""));
        if (schema.isEmpty()) {
            throw new UserError("each connection needs config.schema (or config.schema_prefix) in the template");
        }
        return schema;
    }

    private static String groupOf(JsonNode request) {
        String group = request.path("group_id").asText("");
        if (group.isEmpty()) {
            throw new UserError("the template needs \"group_id\" (a value or a {{column}})");
        }
        return group;
    }

    private List<Map<String, String>> readCsv() {
        try (var it = new CsvMapper().readerForMapOf(String.class).with(CsvSchema.emptySchema().withHeader())
                .<Map<String, String>>readValues(csv.toFile())) {
            return it.readAll();
        } catch (IOException e) {
            throw new UserError("cannot read " + csv + ": " + e.getMessage());
        }
    }

    private JsonNode readTemplate() {
        try {
            JsonNode node = JSON.readTree(template.toFile());
            if (node == null || !node.isObject()) {
                throw new UserError(template + " must hold one JSON object: the body of a create");
            }
            return node;
        } catch (IOException e) {
            throw new UserError(template + " is not valid JSON: " + e.getMessage());
        }
    }
}
