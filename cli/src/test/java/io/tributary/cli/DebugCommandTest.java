package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DebugCommandTest {
    @TempDir
    Path dir;

    private Path project() throws Exception {
        return Projects.withConnector(dir.resolve("demo"), "Demo", Projects.THREE_ITEMS);
    }

    @Test
    void syncsIntoTheWarehouseAndPrintsTheSummary() throws Exception {
        Path p = project();
        CliRun run = CliRun.of("debug", p.toString());
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).contains("SYNC PROGRESS:", "Upserts         | 3", "Checkpoints     | 1",
                "SchemaChanges   | 1", "Sync SUCCEEDED", "Checkpoint: {\"cursor\":3}");
        assertThat(run.out()).as("secrets stay out of the log").contains("api_key=******").doesNotContain("s3cr3t");
        assertThat(Files.readString(p.resolve("files/state.json"))).isEqualTo("{\"cursor\":3}");

        CliRun again = CliRun.of("debug", p.toString());
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("previous state: {\"cursor\":3}", "SchemaChanges   | 0");
        CliRun inspect = CliRun.of("inspect", p.toString(), "items", "--json");
        assertThat(inspect.out()).contains("\"id\" : 6", "\"greeting\" : \"hi\"");
    }

    @Test
    void stateGivenWithStateIsWhereTheRunStartsAndBadStateIsRefused() throws Exception {
        Path p = project();
        assertThat(CliRun.of("debug", p.toString()).exitCode()).isZero();

        CliRun inline = CliRun.of("debug", p.toString(), "--state", "{\"cursor\": 100}");
        assertThat(inline.exitCode()).as(inline.all()).isZero();
        assertThat(inline.out()).contains("starting from the state given with --state: {\"cursor\":100}");
        assertThat(Files.readString(p.resolve("files/state.json"))).isEqualTo("{\"cursor\":103}");
        Path file = Files.writeString(dir.resolve("start.json"), "{\"cursor\": 10}");
        assertThat(CliRun.of("debug", p.toString(), "--state", file.toString()).exitCode()).isZero();
        assertThat(CliRun.of("inspect", p.toString(), "items").out()).contains("(9 rows)"); // 1..3, 101..103, 11..13

        CliRun broken = CliRun.of("debug", p.toString(), "--state", "{\"cursor\": ");
        assertThat(broken.exitCode()).isEqualTo(2);
        assertThat(broken.err()).contains("--state: state is not valid JSON");
        CliRun missing = CliRun.of("debug", p.toString(), "--state", dir.resolve("nope.json").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.json is not a file");
        assertThat(Files.readString(p.resolve("files/state.json"))).as("untouched by refused runs")
                .isEqualTo("{\"cursor\":13}");
    }

    @Test
    void editingTheConnectorRecompilesIt() throws Exception {
        Path p = project();
        assertThat(CliRun.of("debug", p.toString()).exitCode()).isZero();
        Projects.addSource(p, "Demo", "ops.upsert(\"items\", Map.of(\"id\", 100L, \"greeting\", \"edited\"));");
        assertThat(CliRun.of("debug", p.toString()).exitCode()).isZero();
        assertThat(CliRun.of("inspect", p.toString(), "items").out()).contains("edited").contains("(4 rows)");
    }

    @Test
    void aFailingConnectorExitsNonZeroAndKeepsTheLastCheckpoint() throws Exception {
        Path p = project();
        assertThat(CliRun.of("debug", p.toString()).exitCode()).isZero();
        Projects.addSource(p, "Demo", "ops.upsert(\"items\", Map.of(\"id\", 50L));\n"
                + "ops.checkpoint(Map.of(\"cursor\", 50));\n"
                + "ops.upsert(\"items\", Map.of(\"id\", 51L));\n"
                + "throw new java.io.IOException(\"connection reset by source\");");
        CliRun run = CliRun.of("debug", p.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("Sync FAILED: update() threw java.io.IOException: connection reset by source");
        assertThat(Files.readString(p.resolve("files/state.json"))).isEqualTo("{\"cursor\":50}");
        assertThat(CliRun.of("inspect", p.toString(), "items").out()).contains("(4 rows)").doesNotContain("| 51 ");
    }

    @Test
    void aMissingConfigurationFileIsExplained() throws Exception {
        Path p = project();
        Files.delete(p.resolve("configuration.json"));
        CliRun run = CliRun.of("debug", p.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("configuration.json not found", "use {} when the connector needs no configuration");
        assertThat(p.resolve("files")).doesNotExist();
    }

    @Test
    void malformedConfigurationIsExplainedWithTheKey() throws Exception {
        Path p = project();
        Files.writeString(p.resolve("configuration.json"), "{\"greeting\": \"hi\",");
        assertThat(CliRun.of("debug", p.toString()).err()).contains("is not valid JSON", "line 1");
        Files.writeString(p.resolve("configuration.json"), "[\"a\"]");
        assertThat(CliRun.of("debug", p.toString()).err()).contains("must be a JSON object of string values");
        Files.writeString(p.resolve("configuration.json"), "{\"greeting\": \"hi\", \"port\": 5432}");
        CliRun nonString = CliRun.of("debug", p.toString());
        assertThat(nonString.exitCode()).isEqualTo(2);
        assertThat(nonString.err()).contains("the value of key 'port' is number", "\"port\": \"5432\"");
        String tooMany = IntStream.range(0, 101).mapToObj(i -> "\"k" + i + "\": \"v\"").collect(Collectors.joining(",", "{", "}"));
        Files.writeString(p.resolve("configuration.json"), tooMany);
        assertThat(CliRun.of("debug", p.toString()).err()).contains("has 101 keys; at most 100 are allowed");
        assertThat(p.resolve("files")).doesNotExist();
    }

    @Test
    void aConfigurationKeyTheConnectorRequiresIsNamed() throws Exception {
        Path p = project();
        Files.writeString(p.resolve("configuration.json"), "{}");
        CliRun run = CliRun.of("debug", p.toString());
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("configuration key 'greeting' is required; add it to configuration.json");
    }

    @Test
    void aMalformedStateFileStopsBeforeAnythingRuns() throws Exception {
        Path p = project();
        assertThat(CliRun.of("debug", p.toString()).exitCode()).isZero();
        Files.writeString(p.resolve("files/state.json"), "{\"cursor\": 3");
        CliRun run = CliRun.of("debug", p.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("state.json: state is not valid JSON", "delete it to resume from the warehouse");
        assertThat(Files.readString(p.resolve("files/state.json"))).isEqualTo("{\"cursor\": 3");
        assertThat(CliRun.of("inspect", p.toString(), "items").out()).contains("(3 rows)");
    }

    @Test
    void aStateFileBehindTheWarehouseIsRewrittenFromIt() throws Exception {
        Path p = project();
        assertThat(CliRun.of("debug", p.toString()).exitCode()).isZero();
        Files.writeString(p.resolve("files/state.json"), "{\"cursor\":0}"); // as if killed before the file was replaced
        CliRun run = CliRun.of("debug", p.toString());
        assertThat(run.out()).contains("differs from the warehouse's committed state", "previous state: {\"cursor\":3}");
        assertThat(Files.readString(p.resolve("files/state.json"))).isEqualTo("{\"cursor\":6}");
    }

    @Test
    void connectorDiscoveryErrorsAreClear() throws Exception {
        Path none = dir.resolve("none");
        Files.createDirectories(none.resolve("src/main/java/demo"));
        Files.writeString(none.resolve("configuration.json"), "{}");
        Files.writeString(none.resolve("src/main/java/demo/Util.java"), "package demo; public class Util {}");
        assertThat(CliRun.of("debug", none.toString()).err()).contains("no connector found");

        Path two = project();
        Projects.addSource(two, "Other", Projects.THREE_ITEMS);
        CliRun ambiguous = CliRun.of("debug", two.toString());
        assertThat(ambiguous.exitCode()).isEqualTo(2);
        assertThat(ambiguous.err()).contains("more than one connector found: [demo.Demo, demo.Other]", "--connector CLASS");
        assertThat(CliRun.of("debug", two.toString(), "--connector", "demo.Other").exitCode()).isZero();
        assertThat(CliRun.of("debug", two.toString(), "--connector", "demo.Missing").err())
                .contains("connector class demo.Missing not found");

        Path broken = Projects.withConnector(dir.resolve("broken"), "Broken", "this does not compile");
        CliRun compile = CliRun.of("debug", broken.toString());
        assertThat(compile.exitCode()).isEqualTo(2);
        assertThat(compile.err()).contains("does not compile", "Broken.java");

        assertThat(CliRun.of("debug", dir.resolve("nowhere").toString()).err()).contains("does not exist");
    }

    @Test
    void sourceNamingKeepsNames() throws Exception {
        Path p = Projects.withConnector(dir.resolve("naming"), "Naming",
                "ops.upsert(\"items\", Map.of(\"id\", 1L, \"userName\", \"ada\"));");
        assertThat(CliRun.of("debug", p.toString(), "--naming", "SOURCE").exitCode()).isZero();
        assertThat(CliRun.of("inspect", p.toString(), "items").out()).contains("userName");
    }
}
