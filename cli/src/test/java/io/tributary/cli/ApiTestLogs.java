package io.tributary.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The `tributary api` log is set up once per JVM, in the directory TRIBUTARY_LOG_DIR names when the first API
 * command runs (ApiLog). Every test that runs API commands points it here, so the log is in the same place
 * whichever test class happens to run first.
 */
final class ApiTestLogs {
    static final Path DIR = create();

    private ApiTestLogs() {
    }

    static void use() {
        System.setProperty("TRIBUTARY_LOG_DIR", DIR.toString());
    }

    static Path file() {
        return DIR.resolve("tributary-api.log");
    }

    private static Path create() {
        try {
            Path dir = Files.createTempDirectory("tributary-api-logs");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
