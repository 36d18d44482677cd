package io.tributary.cli;

import java.nio.file.Path;

/**
 * The directory of the `tributary api` log for every test in this JVM. The log is configured once per JVM, by
 * the first API command that runs, so each test class setting a directory of its own would make the log land
 * wherever the first class to run said, and a class reading the log fail depending on the test order.
 */
final class ApiTestLogs {
    static final Path DIR = Path.of("target", "api-test-logs").toAbsolutePath();

    private ApiTestLogs() {
    }

    /** Points the API log at {@link #DIR}; call before running an API command. */
    static void use() {
        System.setProperty("TRIBUTARY_LOG_DIR", DIR.toString());
    }
}
