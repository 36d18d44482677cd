package io.tributary.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TransformationsTest {
    private static final String T0 = "2024-01-01T00:00:00.000000Z";
    private static final String T1 = "2024-01-02T00:00:00.000000Z";
    private static final String T2 = "2024-01-03T00:00:00.000000Z";

    /** The transformation object. */
    private static String item(String status, String lastEndedAt) {
        return "{\"id\":\"t\",\"status\":\"" + status + "\",\"type\":\"SQL\",\"paused\":false,"
                + "\"created_at\":\"" + T0 + "\",\"created_by_id\":\"k\","
                + "\"schedule\":{\"schedule_type\":\"INTERVAL\",\"interval\":60},"
                + (lastEndedAt == null ? "" : "\"last_ended_at\":\"" + lastEndedAt + "\",")
                + "\"transformation_config\":{\"group_id\":\"g\",\"name\":\"daily\",\"sql\":\"select 1\"}}";
    }

    /** The transformation in a details envelope. */
    private static String transformation(String status, String lastEndedAt) {
        return "{\"code\":\"Success\",\"data\":" + item(status, lastEndedAt) + "}";
    }

    private static TributaryClient client(StubServer stub) {
        return TributaryClient.builder().baseUrl(stub.baseUrl()).apiKey("k").apiSecret("s").sleeper(d -> { }).build();
    }

    private static StubServer.Answer ok() {
        return StubServer.Answer.json(200, "{\"code\":\"Success\",\"message\":\"done\"}");
    }

    @Test
    void crudRunAndCancelSendTheApisBodies() throws Exception {
        try (StubServer stub = new StubServer((r, n) -> switch (r.method()) {
            case "GET" -> StubServer.Answer.json(200, r.uri().contains("?")
                    ? "{\"code\":\"Success\",\"data\":{\"items\":[" + item("NEW", null) + "]}}"
                    : transformation("NEW", null));
            case "POST" -> r.uri().endsWith("/transformations") ? StubServer.Answer.json(201, transformation("NEW", null)) : ok();
            case "PATCH" -> StubServer.Answer.json(200, transformation("NEW", null));
            default -> ok();
        })) {
            Transformations transformations = client(stub).transformations();
            Transformation created = transformations.create(TransformationRequest.sql("g", "daily", "select 1",
                    TransformationSchedule.everyMinutes(60)));
            assertThat(created.name()).isEqualTo("daily");
            assertThat(created.schedule().interval()).isEqualTo(60);
            assertThat(created.createdAt()).isEqualTo(Instant.parse(T0));
            assertThat(created.lastEndedAt()).isNull();
            assertThat(transformations.inGroup("g").map(Transformation::id).toList()).containsExactly("t");
            assertThat(transformations.get("t").status()).isEqualTo("NEW");
            transformations.update("t", TransformationRequest.paused(true));
            transformations.run("t", true);
            transformations.cancel("t");
            transformations.delete("t");
            assertThat(stub.received).extracting(r -> r.method() + " " + r.uri()).containsExactly(
                    "POST /v1/transformations", "GET /v1/transformations?group_id=g&limit=1000", "GET /v1/transformations/t",
                    "PATCH /v1/transformations/t", "POST /v1/transformations/t/run", "POST /v1/transformations/t/cancel",
                    "DELETE /v1/transformations/t");
            assertThat(stub.received.get(0).body()).contains("\"type\":\"SQL\"", "\"schedule_type\":\"INTERVAL\"",
                    "\"transformation_config\":{\"group_id\":\"g\",\"name\":\"daily\",\"sql\":\"select 1\"}")
                    .as("fields that do not apply are not sent").doesNotContain("cron", "null");
            assertThat(stub.received.get(3).body()).isEqualTo("{\"paused\":true}");
            assertThat(stub.received.get(4).body()).isEqualTo("{\"full_refresh\":true}");
        }
    }

    @Test
    void theWaiterWaitsForItsOwnRunNotTheOneThatWasGoing() throws Exception {
        AtomicInteger gets = new AtomicInteger();
        List<String> states = List.of(
                transformation("RUNNING", T0),     // the baseline: another run is going
                transformation("RUNNING", T0),
                transformation("SCHEDULING", T1),  // that run ended; ours is queued
                transformation("RUNNING", T1),
                transformation("FAILED", T2));
        try (StubServer stub = new StubServer((r, n) -> r.method().equals("GET")
                ? StubServer.Answer.json(200, states.get(Math.min(gets.getAndIncrement(), states.size() - 1))) : ok())) {
            RecordingSleeper sleeper = new RecordingSleeper();
            TributaryClient client = TributaryClient.builder().baseUrl(stub.baseUrl()).apiKey("k").apiSecret("s")
                    .sleeper(sleeper).build();
            TransformationWaiter.Result result = client.transformations().waiter().pollEvery(Duration.ofSeconds(7))
                    .runAndWait("t", false, Duration.ofMinutes(1));
            assertThat(result.outcome()).isEqualTo(TransformationWaiter.Outcome.FAILED);
            assertThat(result.endedAt()).isEqualTo(Instant.parse(T2));
            assertThat(result.transformation().status()).isEqualTo("FAILED");
            assertThat(stub.received).extracting(r -> r.method() + " " + r.uri()).startsWith(
                    "GET /v1/transformations/t", "POST /v1/transformations/t/run").hasSize(6);
            assertThat(sleeper.waits).containsOnly(Duration.ofSeconds(7)).hasSize(4);
        }
    }

    @Test
    void aFirstRunSucceedsAndACanceledOneIsReported() throws Exception {
        AtomicInteger gets = new AtomicInteger();
        try (StubServer stub = new StubServer((r, n) -> r.method().equals("GET")
                ? StubServer.Answer.json(200, gets.getAndIncrement() < 2 ? transformation("SCHEDULING", null)
                        : transformation("SUCCEEDED", T1)) : ok())) {
            TransformationWaiter.Result result = client(stub).transformations().waiter()
                    .runAndWait("t", false, Duration.ofMinutes(1));
            assertThat(result.outcome()).isEqualTo(TransformationWaiter.Outcome.SUCCEEDED);
        }
        try (StubServer stub = new StubServer((r, n) -> r.method().equals("GET")
                ? StubServer.Answer.json(200, n == 1 ? transformation("SUCCEEDED", T0) : transformation("CANCELED", T1)) : ok())) {
            assertThat(client(stub).transformations().waiter().runAndWait("t", false, Duration.ofMinutes(1)).outcome())
                    .isEqualTo(TransformationWaiter.Outcome.CANCELED);
        }
    }

    @Test
    void aRunCanceledBeforeItStartedEndsTheWaitThoughNoEndTimeMoved() throws Exception {
        AtomicInteger gets = new AtomicInteger();
        List<String> states = List.of(transformation("CANCELED", T0), transformation("SCHEDULING", T0),
                transformation("CANCELED", T0));
        try (StubServer stub = new StubServer((r, n) -> r.method().equals("GET")
                ? StubServer.Answer.json(200, states.get(Math.min(gets.getAndIncrement(), states.size() - 1))) : ok())) {
            TransformationWaiter.Result result = client(stub).transformations().waiter()
                    .runAndWait("t", false, Duration.ofMinutes(1));
            assertThat(result.outcome()).isEqualTo(TransformationWaiter.Outcome.CANCELED);
            assertThat(result.transformation().lastEndedAt()).isEqualTo(Instant.parse(T0));
            assertThat(gets).as("the old CANCELED was not taken for the run's").hasValue(3);
        }
        AtomicInteger polls = new AtomicInteger();
        try (StubServer stub = new StubServer((r, n) -> r.method().equals("GET") ? StubServer.Answer.json(200,
                polls.getAndIncrement() == 0 ? transformation("SUCCEEDED", T0) : transformation("CANCELED", T0)) : ok())) {
            assertThat(client(stub).transformations().waiter().runAndWait("t", false, Duration.ofMinutes(1)).outcome())
                    .as("canceled before the waiter saw it queued").isEqualTo(TransformationWaiter.Outcome.CANCELED);
        }
    }

    @Test
    void anOldEndIsNotTheRunsEndAndTheWaitTimesOut() throws Exception {
        try (StubServer stub = new StubServer((r, n) -> r.method().equals("GET")
                ? StubServer.Answer.json(200, transformation("SUCCEEDED", T0)) : ok())) {
            TributaryClient c = TributaryClient.builder().baseUrl(stub.baseUrl()).apiKey("k").apiSecret("s").build();
            assertThatThrownBy(() -> c.transformations().waiter().pollEvery(Duration.ofMillis(10))
                    .runAndWait("t", false, Duration.ofMillis(150)))
                    .isInstanceOf(TransformationWaiter.TimeoutException.class).hasMessageContaining("did not end within");
        }
    }

    @Test
    void runningAMissingTransformationIsAnApiErrorBeforeAnyRun() throws Exception {
        try (StubServer stub = new StubServer((r, n) -> StubServer.Answer.json(404,
                "{\"code\":\"NotFound_Transformation\",\"message\":\"Transformation with id 'x' not found\"}"))) {
            assertThatThrownBy(() -> client(stub).transformations().waiter().runAndWait("x", false, Duration.ofMinutes(1)))
                    .isInstanceOfSatisfying(ApiError.class, e -> assertThat(e.status()).isEqualTo(404));
            assertThat(stub.received).extracting(StubServer.Received::method).containsExactly("GET");
        }
    }

    @Test
    void updatesSendOnlyWhatChanges() throws Exception {
        try (StubServer stub = new StubServer((r, n) -> StubServer.Answer.json(200, transformation("NEW", null)))) {
            client(stub).transformations().update("t", TransformationRequest.config(Map.of("sql", "select 2")));
            client(stub).transformations().update("t", TransformationRequest.schedule(TransformationSchedule.cron("0 * * * *")));
            assertThat(stub.received.get(0).body()).isEqualTo("{\"transformation_config\":{\"sql\":\"select 2\"}}");
            assertThat(stub.received.get(1).body()).isEqualTo("{\"schedule\":{\"schedule_type\":\"CRON\",\"cron\":[\"0 * * * *\"]}}");
        }
    }
}
