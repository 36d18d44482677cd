package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.client.TributaryClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `tributary server` killed with SIGKILL in the middle of a sync: the warehouse holds exactly what the last
 * checkpoint committed, the restarted server fails the abandoned sync once its lease runs out, and the next sync
 * resumes from that checkpoint with nothing lost or duplicated.
 */
class ServerCrashTest {
    private static final Pattern LISTENING = Pattern.compile("listening on (http://\\S+/v1)");
    private static final Pattern KEY = Pattern.compile("key: +(\\S+)");
    private static final Pattern SECRET = Pattern.compile("secret: +(\\S+)");

    @TempDir
    Path dir;

    /** A server child process and what it printed on start. */
    private record Server(Process process, String url) {
    }

    /** Starts a server child process; every line it prints is appended to {@code printed} as it comes. */
    private Server start(List<String> printed) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Tributary.class.getName(), "server", "--port", "0",
                "--data-dir", dir.resolve("store").toString(), "--sync-lease", "PT3S")
                .redirectErrorStream(true).start();
        Thread reader = new Thread(() -> new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8)).lines().forEach(printed::add));
        reader.setDaemon(true);
        reader.start();
        await(() -> printed.stream().anyMatch(l -> LISTENING.matcher(l).find()) || !p.isAlive());
        return new Server(p, first(printed, LISTENING));
    }

    private static String first(List<String> lines, Pattern pattern) {
        for (String line : lines) {
            Matcher m = pattern.matcher(line);
            if (m.find()) {
                return m.group(1);
            }
        }
        throw new AssertionError("not printed: " + pattern + " in " + lines);
    }

    @Test
    void aKilledServersSyncKeepsItsLastCheckpointAndTheNextSyncResumesFromIt() throws Exception {
        List<String> printed = new java.util.concurrent.CopyOnWriteArrayList<>();
        Server first = start(printed);
        try {
            crashMidSyncAndResume(first, printed);
        } finally {
            first.process().destroyForcibly(); // already dead unless an assertion failed before the kill
        }
    }

    private void crashMidSyncAndResume(Server first, List<String> printed) throws Exception {
        await(() -> printed.stream().anyMatch(l -> SECRET.matcher(l).find()));
        TributaryClient client = TributaryClient.builder().baseUrl(first.url()).apiKey(first(printed, KEY))
                .apiSecret(first(printed, SECRET)).build();
        String group = client.groups().create("crash").id();
        Path warehouse = dir.resolve("warehouse.db");
        client.call("POST", "destinations", Map.of("group_id", group, "service", "duckdb", "time_zone_offset", "0",
                "config", Map.of("path", warehouse.toString())));
        String id = client.call("POST", "connections", Map.of("group_id", group, "service", "connector_sdk",
                "schedule_type", "manual", "config", Map.of("schema", "clock", "connector_class",
                        TickingConnector.class.getName()))).path("data").path("id").asText();
        client.connections().sync(id, false);
        await(() -> checkpoints(client, id) >= 20);

        first.process().destroyForcibly(); // SIGKILL
        first.process().waitFor();

        long committed = committedNext(warehouse);
        assertThat(committed).isGreaterThanOrEqualTo(20);
        assertThat(ids(warehouse)).as("rows are exactly the committed checkpoints").hasSize((int) committed)
                .allSatisfy(i -> assertThat(i).isBetween(1L, committed));

        Server second = start(new java.util.concurrent.CopyOnWriteArrayList<>());
        try {
            TributaryClient again = TributaryClient.builder().baseUrl(second.url()).apiKey(first(printed, KEY))
                    .apiSecret(first(printed, SECRET)).build();
            await(() -> !latest(again, id).path("status").asText().equals("RUNNING"));
            JsonNode abandoned = latest(again, id);
            assertThat(abandoned.path("status").asText()).isEqualTo("FAILED");
            assertThat(abandoned.path("error").asText()).contains("stopped renewing its lease");
            assertThat(again.connections().get(id).failedAt()).isNotNull();

            again.connections().sync(id, false);
            await(() -> latest(again, id).path("status").asText().equals("RUNNING")
                    && latest(again, id).path("checkpoints").asLong() >= 5);
        } finally {
            second.process().destroy(); // SIGTERM: the shutdown hook cancels the sync at its next operation
            second.process().waitFor();
        }
        long resumedTo = committedNext(warehouse);
        assertThat(resumedTo).isGreaterThanOrEqualTo(committed + 5);
        List<Long> ids = ids(warehouse);
        assertThat(ids).as("nothing lost or duplicated across the crash").hasSize((int) resumedTo)
                .doesNotHaveDuplicates().allSatisfy(i -> assertThat(i).isBetween(1L, resumedTo));
    }

    private static long checkpoints(TributaryClient client, String id) {
        JsonNode run = latest(client, id);
        return run == null ? 0 : run.path("checkpoints").asLong();
    }

    private static JsonNode latest(TributaryClient client, String id) {
        JsonNode items = client.call("GET", "connections/" + id + "/sync-history?limit=1", null).path("data")
                .path("items");
        return items.isEmpty() ? null : items.get(0);
    }

    private static long committedNext(Path warehouse) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + warehouse);
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT state FROM _tributary.states WHERE schema_name = 'clock'")) {
            assertThat(rs.next()).as("a committed state").isTrue();
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(rs.getString(1)).path("next").asLong();
        }
    }

    private static List<Long> ids(Path warehouse) throws Exception {
        List<Long> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + warehouse);
             ResultSet rs = c.createStatement().executeQuery("SELECT id FROM clock.ticks ORDER BY id")) {
            while (rs.next()) {
                out.add(rs.getLong(1));
            }
        }
        return out;
    }

    private static void await(BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("reached within 60 s").isBefore(deadline);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }
}
