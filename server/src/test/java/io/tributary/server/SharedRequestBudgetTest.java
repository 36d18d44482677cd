package io.tributary.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.server.http.RequestBudget;
import io.tributary.server.http.SharedRateLimiter;
import io.tributary.server.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Nodes sharing a store share the account's hourly budget: together they never grant more than it holds. */
class SharedRequestBudgetTest {
    @TempDir
    Path dir;

    private static Database open(ServerConfig config) {
        return config.dbUrl() == null ? Database.embedded(config.dataDir())
                : Database.open(config.dbUrl(), config.dbUser(), config.dbPassword());
    }

    @ParameterizedTest
    @EnumSource(StoreKind.class)
    void twoNodesTogetherGrantTheBudgetOnceAndThenSayWhenToComeBack(StoreKind kind) {
        ServerConfig config = kind.fresh(dir);
        try (Database first = open(config)) {
            Database second = kind == StoreKind.H2 ? first : open(config); // H2's file takes one process
            try {
                Instant start = Instant.now();
                Clock still = Clock.fixed(start, ZoneOffset.UTC);
                List<RequestBudget> nodes = List.of(new SharedRateLimiter(2_000, first, still),
                        new SharedRateLimiter(2_000, second, still));
                int[] granted = new int[2];
                RequestBudget.Decision last = null;
                for (int i = 0; i < 2_200; i++) {
                    last = nodes.get(i % 2).acquire();
                    if (last.allowed()) {
                        granted[i % 2]++;
                    }
                }
                assertThat(granted[0] + granted[1]).as("granted by both nodes").isEqualTo(2_000);
                assertThat(granted[0]).isEqualTo(1_000);
                assertThat(last.allowed()).isFalse();
                assertThat(last.retryAfterSeconds()).as("one token comes back every 1.8 s").isEqualTo(2);

                // Ten seconds later the bucket has refilled by 5.5 tokens, whichever node asks.
                Clock later = Clock.fixed(start.plus(Duration.ofSeconds(10)), ZoneOffset.UTC);
                RequestBudget third = new SharedRateLimiter(2_000, first, later);
                int more = 0;
                while (third.acquire().allowed()) {
                    more++;
                }
                assertThat(more).isEqualTo(5);
            } finally {
                if (second != first) {
                    second.close();
                }
            }
        }
    }
}
