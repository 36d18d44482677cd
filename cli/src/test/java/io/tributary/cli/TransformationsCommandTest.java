package io.tributary.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.client.TransformationRequest;
import io.tributary.client.TransformationSchedule;
import io.tributary.client.TributaryClient;
import io.tributary.server.ServerConfig;
import io.tributary.server.TributaryServer;
import io.tributary.server.auth.ApiKeys;
import io.tributary.server.store.Jdbc;
import io.tributary.server.store.TransformationStore;
import io.tributary.server.store.TransformationStore.RunStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `tributary api transformations …` against the real server. The server only records runs; the test plays the
 * orchestrator through the store ({@link TransformationStore#started}, {@link TransformationStore#ended}).
 */
class TransformationsCommandTest {
    @TempDir
    Path dir;

    private TributaryServer server;
    private TransformationStore store;
    private TributaryClient client;
    private String[] auth;
    private String groupId;
    private String transformationId;

    @BeforeEach
    void start() {
        ApiTestLogs.use();
        server = TributaryServer.start(ServerConfig.defaults().withPort(0).withDataDir(dir.resolve("server")));
        store = new TransformationStore(new Jdbc(server.database()));
        ApiKeys.Credentials k = server.initialKey().orElseThrow();
        String url = "http://127.0.0.1:" + server.port() + "/v1";
        auth = new String[] {"--url", url, "--key", k.key(), "--secret", k.secret()};
        client = TributaryClient.builder().baseUrl(url).apiKey(k.key()).apiSecret(k.secret()).build();
        groupId = client.groups().create("Analytics").id();
        transformationId = client.transformations().create(TransformationRequest.sql(groupId, "daily_revenue",
                "create or replace table revenue as select 1 as total", TransformationSchedule.everyMinutes(60))).id();
        String otherGroup = client.groups().create("Other").id();
        client.transformations().create(TransformationRequest.sql(otherGroup, "elsewhere", "select 1",
                TransformationSchedule.cron("0 * * * *")));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private CliRun api(String... args) {
        List<String> all = new ArrayList<>(List.of("api", "transformations"));
        all.addAll(List.of(args));
        all.addAll(List.of(auth));
        return CliRun.of(all.toArray(String[]::new));
    }

    private CompletableFuture<CliRun> runAndWait(String... extra) {
        List<String> args = new ArrayList<>(List.of("run", transformationId, "--wait", "--poll", "PT0.05S", "--timeout", "PT30S"));
        args.addAll(List.of(extra));
        return CompletableFuture.supplyAsync(() -> api(args.toArray(String[]::new)));
    }

    /** Plays the orchestrator: waits for the CLI's run request, runs it, and ends it with {@code outcome}. */
    private TransformationStore.Run execute(RunStatus outcome, String message) throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            var pending = store.pendingRuns();
            if (!pending.isEmpty()) {
                TransformationStore.Run run = pending.get(0);
                Instant now = Instant.now();
                store.started(run.id(), now);
                store.ended(run.id(), outcome, now.plusMillis(10), message);
                return store.findRun(run.id()).orElseThrow();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the run was never requested");
    }

    @Test
    void listShowsEveryTransformationOrOneGroups() throws Exception {
        JsonNode all = new ObjectMapper().readTree(api("list", "--json").out());
        assertThat(all).extracting(t -> t.path("transformation_config").path("name").asText())
                .containsExactly("daily_revenue", "elsewhere");
        JsonNode mine = new ObjectMapper().readTree(api("list", "--group", groupId, "--json").out());
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).path("id").asText()).isEqualTo(transformationId);
        assertThat(mine.get(0).path("schedule").path("interval").asInt()).isEqualTo(60);
        assertThat(api("list", "--group", groupId).out()).contains("NAME", "daily_revenue", "INTERVAL", "NEW", "(1 row)")
                .doesNotContain("elsewhere");
        CliRun unknown = api("list", "--group", "nobody", "--json");
        assertThat(unknown.exitCode()).isZero();
        assertThat(new ObjectMapper().readTree(unknown.out())).isEmpty();
    }

    @Test
    void runWaitExits0WhenTheRunSucceeds1WhenItFailsAnd3OnTimeout() throws Exception {
        CompletableFuture<CliRun> waiting = runAndWait("--full-refresh");
        TransformationStore.Run first = execute(RunStatus.SUCCEEDED, null);
        CliRun succeeded = waiting.get(30, TimeUnit.SECONDS);
        assertThat(succeeded.exitCode()).as(succeeded.all()).isZero();
        assertThat(succeeded.out()).contains("Run of transformation " + transformationId + " succeeded");
        assertThat(first.fullRefresh()).as("--full-refresh reached the server").isTrue();
        assertThat(first.status()).isEqualTo(RunStatus.SUCCEEDED);

        CompletableFuture<CliRun> failing = runAndWait("--json");
        execute(RunStatus.FAILED, "relation revenue is locked");
        CliRun failed = failing.get(30, TimeUnit.SECONDS);
        assertThat(failed.exitCode()).as(failed.all()).isEqualTo(1);
        JsonNode shown = new ObjectMapper().readTree(failed.out());
        assertThat(shown.path("status").asText()).isEqualTo("FAILED");
        assertThat(shown.path("id").asText()).isEqualTo(transformationId);
        assertThat(store.find(transformationId).orElseThrow().status()).isEqualTo("FAILED");

        CliRun timedOut = api("run", transformationId, "--wait", "--poll", "PT0.05S", "--timeout", "PT0.3S");
        assertThat(timedOut.exitCode()).as(timedOut.all()).isEqualTo(3);
        assertThat(timedOut.err()).contains("did not end within");
        assertThat(store.pendingRuns()).as("the run goes on after the wait gives up").hasSize(1);
    }

    @Test
    void aRunGoingOnWhenAskedIsNotMistakenForTheNewOne() throws Exception {
        CliRun queued = api("run", transformationId);
        assertThat(queued.exitCode()).as(queued.all()).isZero();
        TransformationStore.Run going = store.pendingRuns().get(0);
        store.started(going.id(), Instant.now());

        CompletableFuture<CliRun> waiting = runAndWait();
        for (int i = 0; i < 500 && store.pendingRuns().isEmpty(); i++) {
            Thread.sleep(20);
        }
        store.ended(going.id(), RunStatus.SUCCEEDED, Instant.now(), null); // leaves the new run queued: SCHEDULING
        Thread.sleep(300);
        assertThat(waiting).as("still waiting for its own run").isNotDone();
        execute(RunStatus.FAILED, "boom");
        assertThat(waiting.get(30, TimeUnit.SECONDS).exitCode()).isEqualTo(1);
    }

    @Test
    void cancelingTheQueuedRunEndsTheWaitWithExit1() throws Exception {
        CompletableFuture<CliRun> waiting = runAndWait();
        for (int i = 0; i < 500 && store.pendingRuns().isEmpty(); i++) {
            Thread.sleep(20);
        }
        client.transformations().cancel(transformationId); // not the CLI: CliRun runs one command at a time
        CliRun canceled = waiting.get(30, TimeUnit.SECONDS);
        assertThat(canceled.exitCode()).as(canceled.all()).isEqualTo(1);
        assertThat(canceled.out()).contains("Run of transformation " + transformationId + " canceled");
    }

    @Test
    void dryRunsSendNothingAndCancelEndsAQueuedRun() {
        CliRun dry = api("run", transformationId, "--wait", "--dry-run");
        assertThat(dry.exitCode()).isZero();
        assertThat(dry.out()).contains("POST transformations/" + transformationId + "/run {\"full_refresh\":false}");
        assertThat(store.pendingRuns()).as("a dry run asks for no run").isEmpty();

        assertThat(api("run", transformationId).exitCode()).isZero();
        String runId = store.pendingRuns().get(0).id();
        assertThat(api("cancel", transformationId, "--dry-run").out()).contains("POST transformations/" + transformationId + "/cancel");
        assertThat(store.findRun(runId).orElseThrow().status()).isEqualTo(RunStatus.PENDING);
        CliRun cancel = api("cancel", transformationId);
        assertThat(cancel.exitCode()).as(cancel.all()).isZero();
        assertThat(store.findRun(runId).orElseThrow().status()).isEqualTo(RunStatus.CANCELED);
        assertThat(store.find(transformationId).orElseThrow().status()).isEqualTo("CANCELED");

        CliRun nothing = api("cancel", transformationId);
        assertThat(nothing.exitCode()).isEqualTo(1);
        assertThat(nothing.err()).contains("409", "has no pending or running run to cancel");
    }

    @Test
    void anUnknownTransformationIsAnApiFailureAndBadDurationsAreUsageErrors() {
        CliRun missing = api("run", "no_such", "--wait", "--poll", "PT0.05S");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("404", "NotFound_Transformation", "no_such");
        assertThat(store.pendingRuns()).isEmpty();

        CliRun badDuration = api("run", transformationId, "--wait", "--timeout", "soon");
        assertThat(badDuration.exitCode()).isEqualTo(2);
        assertThat(badDuration.err()).contains("--timeout");
        CliRun zeroPoll = api("run", transformationId, "--wait", "--poll", "PT0S");
        assertThat(zeroPoll.exitCode()).isEqualTo(2);
        assertThat(zeroPoll.err()).contains("--poll must be positive");
        assertThat(store.pendingRuns()).as("refused before sending").isEmpty();

        CliRun help = CliRun.of("api", "transformations", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("list", "run", "cancel");
    }
}
