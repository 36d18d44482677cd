package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tributary package}: the zip a server runs, with the connector class named in its manifest. */
class PackageCommandTest {
    @TempDir
    Path dir;

    @Test
    void writesTheManifestTheClassesAndTheResources() throws Exception {
        Path project = Projects.withConnector(dir.resolve("demo"), "Demo", Projects.THREE_ITEMS);
        Files.createDirectories(project.resolve("src/main/resources"));
        Files.writeString(project.resolve("src/main/resources/greetings.txt"), "hi");
        Path zip = dir.resolve("out/demo.zip");

        CliRun run = CliRun.of("package", project.toString(), "--output", zip.toString());

        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out().trim()).isEqualTo(zip.toAbsolutePath().toString());
        assertThat(run.err()).contains("connector demo.Demo, 0 dependency jars");
        Map<String, byte[]> entries = read(zip);
        assertThat(entries.keySet()).containsExactly("tributary-package.json", "classes/demo/Demo.class",
                "classes/greetings.txt");
        assertThat(new ObjectMapper().readTree(entries.get("tributary-package.json")))
                .isEqualTo(new ObjectMapper().readTree("{\"format\": 1, \"connector_class\": \"demo.Demo\"}"));
        assertThat(new String(entries.get("classes/greetings.txt"))).isEqualTo("hi");
    }

    @Test
    void aProjectThatDoesNotCompileWritesNoPackage() throws Exception {
        Path project = Projects.withConnector(dir.resolve("broken"), "Broken", "this is not java;");
        Path zip = dir.resolve("broken.zip");

        CliRun run = CliRun.of("package", project.toString(), "--output", zip.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("the connector does not compile");
        assertThat(zip).doesNotExist();
    }

    private static Map<String, byte[]> read(Path zip) throws Exception {
        Map<String, byte[]> entries = new java.util.LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
