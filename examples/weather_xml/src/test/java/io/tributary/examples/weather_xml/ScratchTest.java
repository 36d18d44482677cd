package io.tributary.examples.weather_xml;

import io.tributary.playground.Playground;
import io.tributary.testkit.ConnectorTester;
import org.junit.jupiter.api.Test;

class ScratchTest {
    @Test
    void seeds() {
        for (int seed = 1; seed <= 30; seed++) {
            try (Playground faulty = Playground.start(0); ConnectorTester actual = WeatherXmlConnectorTest.newTester(faulty, "KOAK,KJFK,KLAX,KSFO,KORD,KSEA")) {
                faulty.setFaults("429:0.06:0,500:0.04,503:0.03,reset:0.02,truncate:0.02,seed:" + seed);
                for (int day = 0; day <= 4; day++) {
                    faulty.setDay(day);
                    FaultySyncs.syncUntilSucceeded(actual, faulty);
                }
                System.out.println("SCRATCH seed " + seed + " " + faulty.injectedFaults());
            }
        }
    }
}
