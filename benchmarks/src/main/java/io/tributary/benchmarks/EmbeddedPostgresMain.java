package io.tributary.benchmarks;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Runs a throwaway PostgreSQL (Maven Central binaries, nothing to install) until the process is stopped, for
 * benchmarking the server on its production store. Prints the JDBC URL, user and password on one line.
 */
public final class EmbeddedPostgresMain {
    public static void main(String[] args) throws Exception {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                postgres.close();
            } catch (Exception ignored) {
                // the process is ending; the data directory is temporary
            }
        }));
        System.out.println("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres postgres postgres");
        System.out.flush();
        Thread.currentThread().join();
    }
}
