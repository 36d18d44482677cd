package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a new user does: init a project, sync it, edit it, sync again. The project is a real Maven project, so
 * its dependencies (tributary-sdk and the testkit) must be in the local Maven repository, as `./tributary`
 * puts them there on first use; this test installs the jars the reactor has just built.
 */
class InitProjectTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void installTributaryArtifacts() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        String version = InitCommand.version();
        List<String> modules = List.of("sdk", "runtime", "destination-duckdb", "sdk-testkit");
        // A partial build (-pl client,cli) has not built these jars: skip rather than install a mix of this
        // checkout's root pom and whatever the local repository holds.
        for (String module : modules) {
            Path jar = root.resolve(module + "/target/tributary-" + module + "-" + version + ".jar");
            Assumptions.assumeTrue(Files.exists(jar), "needs the reactor's " + jar + " (build the whole project)");
        }
        mvn(root, "-Dfile=pom.xml", "-DpomFile=pom.xml", "-Dpackaging=pom");
        for (String module : modules) {
            mvn(root, "-Dfile=" + module + "/target/tributary-" + module + "-" + version + ".jar",
                    "-DpomFile=" + module + "/pom.xml");
        }
    }

    private static void mvn(Path root, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("mvn", "-q", "-B",
                "org.apache.maven.plugins:maven-install-plugin:3.1.4:install-file"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(root.toFile()).inheritIO().start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as("mvn " + String.join(" ", args)).isZero();
    }

    @Test
    void initThenDebugThenEditThenDebug() throws Exception {
        Path project = dir.resolve("my_connector");
        CliRun init = CliRun.of("init", project.toString());
        assertThat(init.exitCode()).as(init.all()).isZero();
        Path source = project.resolve("src/main/java/my_connector/MyConnector.java");
        assertThat(source).exists();
        assertThat(project.resolve("pom.xml")).content().contains("<artifactId>tributary-sdk</artifactId>");
        assertThat(project.resolve("src/test/java/my_connector/MyConnectorTest.java")).exists();

        CliRun first = CliRun.of("debug", project.toString());
        assertThat(first.exitCode()).as(first.all()).isZero();
        assertThat(first.out()).contains("Upserts         | 3", "Sync SUCCEEDED");

        String edited = Files.readString(source).replace("id <= cursor + 3", "id <= cursor + 5")
                .replace("cursor + 3);", "cursor + 5);");
        Files.writeString(source, edited);
        Files.setLastModifiedTime(source, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 2000));
        CliRun second = CliRun.of("debug", project.toString());
        assertThat(second.exitCode()).as(second.all()).isZero();
        assertThat(second.out()).contains("previous state: {\"cursor\":3}", "Upserts         | 5");
        assertThat(CliRun.of("inspect", project.toString(), "greetings").out()).contains("(8 rows)", "hello #8");

        assertThat(CliRun.of("init", project.toString()).err()).contains("already exists and is not empty");
        assertThat(CliRun.of("init", dir.resolve("9lives").toString()).err()).contains("not a usable connector name");
    }
}
