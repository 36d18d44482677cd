package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationCommandTest {
    @TempDir
    Path dir;

    private Path projectWithForm() throws Exception {
        Path p = dir.resolve("form");
        Path src = p.resolve("src/main/java/demo/FormConnector.java");
        Files.createDirectories(src.getParent());
        Files.writeString(p.resolve("configuration.json"), "{\"api_key\": \"secret\", \"region\": \"mars\"}");
        Files.writeString(src, """
                package demo;
                import io.tributary.sdk.*;
                public class FormConnector implements Connector {
                    public void update(Configuration c, State s, Operations ops) { }
                    public ConfigurationForm configurationForm() {
                        return new ConfigurationForm()
                            .field(FormField.password("api_key", "API key").withRequired())
                            .field(FormField.dropdown("region", "Region", new FormField.Option("eu", "Europe", null)))
                            .test("key", "API key is set", c -> c.require("api_key").isBlank() ? Test.failure("empty") : Test.success())
                            .test("region", "Region is known", c -> c.require("region").equals("eu")
                                    ? Test.success() : Test.failure("unknown region '" + c.require("region") + "'; use eu"))
                            .test("boom", "Test that throws", c -> { throw new IllegalStateException("network down"); });
                    }
                }
                """);
        return p;
    }

    @Test
    void runsEverySetupTestAndReportsEachResult() throws Exception {
        CliRun run = CliRun.of("configuration", projectWithForm().toString(), "--test");
        assertThat(run.exitCode()).as(run.all()).isEqualTo(1);
        assertThat(run.out()).contains("PASSED  API key is set",
                "FAILED  Region is known: unknown region 'mars'; use eu",
                "FAILED  Test that throws: IllegalStateException: network down",
                "2 of 3 setup tests failed.");
    }

    @Test
    void passesWhenTheConfigurationIsRight() throws Exception {
        Path p = projectWithForm();
        Files.writeString(p.resolve("configuration.json"), "{\"api_key\": \"secret\", \"region\": \"eu\"}");
        Files.writeString(p.resolve("src/main/java/demo/FormConnector.java"),
                Files.readString(p.resolve("src/main/java/demo/FormConnector.java")).replace(
                        ".test(\"boom\", \"Test that throws\", c -> { throw new IllegalStateException(\"network down\"); })", ""));
        CliRun run = CliRun.of("configuration", p.toString(), "--test");
        assertThat(run.exitCode()).as(run.all()).isZero();
        assertThat(run.out()).contains("All 2 setup tests passed.");
    }

    @Test
    void promptingNeedsATerminal() throws Exception {
        CliRun run = CliRun.of("configuration", projectWithForm().toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("needs a terminal");
    }
}
