package io.tributary.cli;

import io.tributary.cli.console.ProgressLine;
import io.tributary.cli.project.ConnectorProject;
import io.tributary.cli.project.ProjectFiles;
import io.tributary.cli.project.UserError;
import io.tributary.destination.duckdb.DuckDbDestination;
import io.tributary.runtime.schema.Naming;
import io.tributary.runtime.sync.SyncCounters;
import io.tributary.runtime.sync.SyncOptions;
import io.tributary.runtime.sync.SyncResult;
import io.tributary.runtime.sync.SyncRunner;
import io.tributary.sdk.Configuration;
import io.tributary.sdk.Connector;
import io.tributary.sdk.State;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Runs a connector once, in-process, into {@code files/warehouse.db} (schema {@code tester}). */
@Command(name = "debug", mixinStandardHelpOptions = true,
        description = "Sync a connector project into its local DuckDB warehouse (files/warehouse.db, schema tester).")
final class DebugCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger("tributary");

    @Mixin
    ProjectArgument project;

    @Option(names = "--configuration", paramLabel = "FILE",
            description = "Configuration JSON (default: configuration.json in the project).")
    Path configuration;

    @Option(names = "--naming", defaultValue = "FIVETRAN",
            description = "Destination naming: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Naming naming;


    @Option(names = "--state", paramLabel = "FILE|JSON",
            description = "Start from this state (a file, or a JSON object) instead of the last checkpoint's.")
    String startState;

    @Override
    public Integer call() {
        Path dir = project.dir();
        ProjectFiles files = new ProjectFiles(dir);
        Configuration config = ProjectFiles.readConfiguration(
                configuration != null ? configuration : dir.resolve("configuration.json"));
        String given = startState == null ? null : givenState(startState);
        String stateFromFile = files.readState();
        LOG.info("debugging connector at: {}", dir);
        LOG.info("configuration: {}", config);
        Connector connector = new ConnectorProject(dir).load(project.connectorClass);
        LOG.info("destination: {} (schema=tester)", files.warehouse());

        SyncRunner runner = new SyncRunner(SyncOptions.defaults().withNaming(naming));
        SyncResult result;
        try (DuckDbDestination destination = new DuckDbDestination(files.warehouse(), "tester")) {
            reconcileStateFile(files, destination, stateFromFile);
            if (given != null) {
                // Committed like any checkpoint, so the run starts there and a failed run resumes there.
                destination.commit(given);
                files.writeState(given);
                stateFromFile = given;
                LOG.info("starting from the state given with --state: {}", given);
            }
            try (AutoCloseable progress = ProgressLine.startIfTerminal(runner.counters())) {
                result = runner.run(connector, config, stateFromFile, destination, files::writeState);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        printSummary(result.counters());
        if (result.succeeded()) {
            LOG.info("Sync SUCCEEDED in {} ms", result.duration().toMillis());
            return 0;
        }
        if (result.cause() != null && !(result.cause() instanceof io.tributary.sdk.ConnectorException)) {
            LOG.error("Sync FAILED: {}", result.error(), result.cause());
        } else {
            LOG.error("Sync FAILED: {}", result.error());
        }
        LOG.error("The warehouse and files/state.json are as of the last checkpoint; the next run resumes from it.");
        return 1;
    }

    /** {@code --state}: a JSON object as text, or a file holding one. */
    private static String givenState(String value) {
        if (value.trim().startsWith("{")) {
            try {
                return State.parse(value).toJson();
            } catch (IllegalArgumentException e) {
                throw new UserError("--state: " + e.getMessage() + "; give a JSON object such as {\"cursor\": 1}, "
                        + "or a file holding one");
            }
        }
        Path file = Path.of(value);
        if (!Files.isRegularFile(file)) {
            throw new UserError("--state: " + file.toAbsolutePath() + " is not a file; give a state file, or a JSON "
                    + "object such as {\"cursor\": 1}");
        }
        return ProjectFiles.readStateFile(file);
    }

    /** The warehouse's committed state wins over state.json, which may lag behind it after a crash. */
    private static void reconcileStateFile(ProjectFiles files, DuckDbDestination destination, String fromFile) {
        destination.committedState().ifPresent(committed -> {
            if (!committed.equals(fromFile)) {
                if (fromFile != null) {
                    LOG.warn("files/state.json differs from the warehouse's committed state; resuming from the "
                            + "warehouse and rewriting state.json");
                }
                files.writeState(committed);
            }
        });
    }

    private static void printSummary(SyncCounters c) {
        LOG.info("SYNC PROGRESS:\n"
                + "Operation       | Calls\n"
                + "----------------+------------\n"
                + String.format("Upserts         | %d%n", c.upserts())
                + String.format("Updates         | %d%n", c.updates())
                + String.format("Deletes         | %d%n", c.deletes())
                + String.format("Truncates       | %d%n", c.truncates())
                + String.format("SchemaChanges   | %d%n", c.schemaChanges())
                + String.format("Checkpoints     | %d%n", c.checkpoints()));
    }
}
