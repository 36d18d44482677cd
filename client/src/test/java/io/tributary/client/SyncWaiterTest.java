package io.tributary.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SyncWaiterTest {
    private static String connection(String syncState, String scheduleType, String succeeded, String failed, String rescheduledFor) {
        return "{\"code\":\"Success\",\"data\":{\"id\":\"c\",\"paused\":false,\"schedule_type\":\"" + scheduleType + "\""
                + (succeeded == null ? "" : ",\"succeeded_at\":\"" + succeeded + "\"")
                + (failed == null ? "" : ",\"failed_at\":\"" + failed + "\"")
                + ",\"status\":{\"sync_state\":\"" + syncState + "\""
                + (rescheduledFor == null ? "" : ",\"rescheduled_for\":\"" + rescheduledFor + "\"") + "}}}";
    }

    private static TributaryClient client(StubServer stub) {
        return TributaryClient.builder().baseUrl(stub.baseUrl()).apiKey("k").apiSecret("s").sleeper(d -> { }).build();
    }

    @Test
    void waitsThroughSyncingAndRescheduledUntilSucceededRetriggeringManualSchedules() throws Exception {
        String old = "2024-01-01T00:00:00.000000Z";
        AtomicInteger gets = new AtomicInteger();
        List<String> states = List.of(
                connection("scheduled", "manual", old, null, null),
                connection("syncing", "manual", old, null, null),
                connection("rescheduled", "manual", old, null, "2020-01-01T00:00:00.000000Z"),
                connection("syncing", "manual", old, null, null),
                connection("scheduled", "manual", "2024-01-02T00:00:00.000000Z", null, null));
        try (StubServer stub = new StubServer((r, n) -> r.method().equals("GET")
                ? StubServer.Answer.json(200, states.get(Math.min(gets.getAndIncrement(), states.size() - 1)))
                : StubServer.Answer.json(200, "{\"code\":\"Success\",\"message\":\"Sync has been successfully triggered\"}"))) {
            SyncWaiter.Result result = client(stub).syncWaiter().syncAndWait("c", false, Duration.ofMinutes(1));
            assertThat(result.outcome()).isEqualTo(SyncWaiter.Outcome.SUCCEEDED);
            assertThat(result.at()).hasToString("2024-01-02T00:00:00Z");
            assertThat(stub.received.stream().filter(r -> r.method().equals("POST")).map(StubServer.Received::uri))
                    .as("triggered, then re-triggered once after rescheduled_for passed")
                    .containsExactly("/v1/connections/c/sync", "/v1/connections/c/sync");
            assertThat(stub.received.get(1).body()).isEqualTo("{\"force\":false}");
        }
    }

    @Test
    void aFailedAtPastTheBaselineIsAFailure() throws Exception {
        AtomicInteger gets = new AtomicInteger();
        try (StubServer stub = new StubServer((r, n) -> r.method().equals("GET")
                ? StubServer.Answer.json(200, gets.getAndIncrement() < 2
                        ? connection("syncing", "auto", "2024-01-01T00:00:00.000000Z", "2023-12-01T00:00:00.000000Z", null)
                        : connection("scheduled", "auto", "2024-01-01T00:00:00.000000Z", "2024-01-03T00:00:00.000000Z", null))
                : StubServer.Answer.json(200, "{\"code\":\"Success\"}"))) {
            SyncWaiter.Result result = client(stub).syncWaiter().syncAndWait("c", true, Duration.ofMinutes(1));
            assertThat(result.outcome()).isEqualTo(SyncWaiter.Outcome.FAILED);
            assertThat(stub.received.get(1).body()).isEqualTo("{\"force\":true}");
        }
    }

    @Test
    void aPausedConnectionAndATimeoutAreReported() throws Exception {
        try (StubServer stub = new StubServer((r, n) -> StubServer.Answer.json(200,
                "{\"code\":\"Success\",\"data\":{\"id\":\"c\",\"paused\":true,\"status\":{}}}"))) {
            assertThatThrownBy(() -> client(stub).syncWaiter().syncAndWait("c", false, Duration.ofMinutes(1)))
                    .hasMessageContaining("is paused");
        }
        try (StubServer stub = new StubServer((r, n) -> StubServer.Answer.json(200, connection("syncing", "auto", null, null, null)))) {
            TributaryClient c = TributaryClient.builder().baseUrl(stub.baseUrl()).apiKey("k").apiSecret("s").build();
            assertThatThrownBy(() -> c.syncWaiter().pollEvery(Duration.ofMillis(10)).syncAndWait("c", false, Duration.ofMillis(100)))
                    .isInstanceOf(SyncWaiter.TimeoutException.class);
        }
    }
}
