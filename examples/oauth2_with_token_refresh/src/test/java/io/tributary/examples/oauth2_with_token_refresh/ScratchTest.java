package io.tributary.examples.oauth2_with_token_refresh;

import io.tributary.playground.Playground;
import io.tributary.testkit.ConnectorTester;
import org.junit.jupiter.api.Test;

class ScratchTest {
    @Test
    void seeds() {
        for (int seed = 1; seed <= 40; seed++) {
            try (Playground faulty = Playground.start(0); ConnectorTester actual = OAuth2WithTokenRefreshConnectorTest.newTester(faulty)) {
                faulty.setFaults(OAuth2WithTokenRefreshConnectorTest.FAULTS + ",seed:" + seed);
                for (int day = 0; day <= 3; day++) {
                    faulty.setDay(day);
                    FaultySyncs.syncUntilSucceeded(actual, faulty);
                }
                System.out.println("SCRATCH seed " + seed + " " + faulty.injectedFaults());
            }
        }
    }
}
