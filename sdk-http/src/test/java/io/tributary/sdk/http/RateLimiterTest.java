package io.tributary.sdk.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
    private final FakeTime time = new FakeTime();
    private final long t0 = time.millis();

    private List<Long> acquire(RateLimiter limiter, int n) throws InterruptedException {
        List<Long> starts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            limiter.acquire();
            starts.add(time.millis() - t0);
        }
        return starts;
    }

    @Test
    void perSecondLimitNeverLetsMoreThanTheLimitStartInAnySecond() throws Exception {
        List<Long> starts = acquire(new RateLimiter(5, 0, time, time), 12);
        assertThat(starts).containsExactly(0L, 0L, 0L, 0L, 0L, 1000L, 1000L, 1000L, 1000L, 1000L, 2000L, 2000L);
        for (int i = 0; i + 5 < starts.size(); i++) {
            assertThat(starts.get(i + 5) - starts.get(i)).isGreaterThanOrEqualTo(1000);
        }
        assertThat(time.sleeps()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
    }

    @Test
    void perHourLimitWaitsForTheOldestStartToLeaveTheHour() throws Exception {
        RateLimiter limiter = new RateLimiter(0, 3, time, time);
        List<Long> starts = acquire(limiter, 3);
        time.advance(Duration.ofMinutes(10));
        starts.addAll(acquire(limiter, 2));
        assertThat(starts).containsExactly(0L, 0L, 0L, 3_600_000L, 3_600_000L);
        assertThat(time.sleeps()).containsExactly(Duration.ofMinutes(50));
    }

    @Test
    void bothLimitsApplyTogether() throws Exception {
        List<Long> starts = acquire(new RateLimiter(2, 3, time, time), 4);
        assertThat(starts).containsExactly(0L, 0L, 1000L, 3_600_000L);
    }

    @Test
    void theApiLimitsEachHostSeparatelyAndCountsEveryRequest() throws Exception {
        List<Long> seenByA = new CopyOnWriteArrayList<>();
        List<Long> seenByB = new CopyOnWriteArrayList<>();
        try (TestServer a = new TestServer(); TestServer b = new TestServer()) {
            a.on("/x", (call, reply) -> {
                seenByA.add(time.millis() - t0);
                reply.json(200, "{}");
            });
            b.on("/y", (call, reply) -> {
                seenByB.add(time.millis() - t0);
                reply.json(200, "{}");
            });
            HttpApi api = HttpApi.builder().policy(time.policy().rateLimit(2, 0).build()).build();
            for (int i = 0; i < 5; i++) {
                api.get(a.url("/x")).json();
            }
            api.get(b.url("/y")).json();
            api.get(b.url("/y")).json();
        }
        assertThat(seenByA).containsExactly(0L, 0L, 1000L, 1000L, 2000L);
        // the other host (another port) has its own budget: no wait although host A's is spent
        assertThat(seenByB).containsExactly(2000L, 2000L);
        assertThat(time.sleeps()).hasSize(2);
    }

    @Test
    void retriesAreRateLimitedToo() throws Exception {
        List<Long> seen = new CopyOnWriteArrayList<>();
        try (TestServer s = new TestServer(); LogCapture log = new LogCapture()) {
            s.script("/x", (call, reply) -> {
                seen.add(time.millis() - t0);
                reply.header("Retry-After", "0").json(503, "{}");
            }, (call, reply) -> {
                seen.add(time.millis() - t0);
                reply.json(200, "{}");
            });
            HttpApi api = HttpApi.builder().policy(time.policy().rateLimit(1, 0).build()).build();
            api.get(s.url("/x")).json();
            assertThat(log.containing("retry 1/5")).hasSize(1);
        }
        assertThat(seen).containsExactly(0L, 1000L);
    }
}
