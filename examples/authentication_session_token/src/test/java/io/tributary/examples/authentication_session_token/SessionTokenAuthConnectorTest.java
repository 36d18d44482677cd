package io.tributary.examples.authentication_session_token;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.playground.Playground;
import io.tributary.sdk.http.RequestPolicy;
import io.tributary.testkit.ConnectorTester;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class SessionTokenAuthConnectorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final RequestPolicy FAST = RequestPolicy.builder()
            .maxRetries(4).backoff(Duration.ofMillis(1), Duration.ofMillis(20)).build();
    /** About 30 % of attempts fail, the login's included; at most 2 in a row for one request. */
    private static final String FAULTS = "429:0.1:0,500:0.08,503:0.05,reset:0.04,truncate:0.03";

    @Test
    void everyUserLandsAndTheNextDaysNewAndChangedUsersToo() throws Exception {
        try (Playground playground = Playground.start(0); ConnectorTester tester = newTester(playground, Map.of())) {
            assertThat(tester.sync().assertSucceeded().counters().upserts()).isEqualTo(200);
            List<List<String>> day0 = apiUsers(playground);
            assertThat(day0).hasSize(200);
            assertThat(warehouse(tester)).isEqualTo(day0);
            assertThat(tester.state().isEmpty()).as("the original keeps no state").isTrue();

            playground.nextDay();
            tester.sync().assertSucceeded();
            assertThat(warehouse(tester)).hasSize(210).isEqualTo(apiUsers(playground));
        }
    }

    @Test
    void aSessionThatExpiresMidSyncIsReplacedByLoggingInAgain() throws Exception {
        // Every token issue and check ages the playground's clock by 25 minutes, so a one-hour session is
        // accepted for two pages and refused (token_expired) on the third: the connector must log in again.
        TickingClock clock = new TickingClock(Instant.parse("2025-01-01T00:00:00Z"), Duration.ofMinutes(25));
        Logger connectorLog = (Logger) LoggerFactory.getLogger("connector");
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        connectorLog.addAppender(lines);
        try (Playground playground = Playground.builder().port(0).clock(clock).start();
             ConnectorTester tester = newTester(playground, Map.of())) {
            tester.sync().assertSucceeded();

            List<String> renewals = lines.list.stream().map(ILoggingEvent::getFormattedMessage)
                    .filter(line -> line.contains("HTTP 401 from GET") && line.contains("credentials refreshed"))
                    .toList();
            assertThat(renewals).as("the session expired on page 3 of 4").singleElement()
                    .satisfies(line -> assertThat(line).contains(SessionTokenAuthConnector.DATA_PATH + "?page=3"));
            assertThat(warehouse(tester)).hasSize(200).isEqualTo(apiUsers(playground));
        } finally {
            connectorLog.detachAppender(lines);
        }
    }

    @Test
    void aRefusedLoginFailsNamingTheKeysAndLosesNothing() {
        try (Playground playground = Playground.start(0); ConnectorTester tester = newTester(playground, Map.of())) {
            tester.sync().assertSucceeded();
            Map<String, Object> before = tester.snapshot();

            tester.configuration(config(playground, Map.of("password", "wrong")));
            tester.sync().assertFailedWith("the login was refused (HTTP 401); "
                    + "check username and password in configuration.json");
            assertThat(tester.snapshot()).isEqualTo(before);
        }
    }

    @Test
    void aMissingCredentialIsNamed() {
        try (Playground playground = Playground.start(0)) {
            Map<String, String> config = config(playground, Map.of());
            config.remove("username");
            try (ConnectorTester tester = ConnectorTester.of(new SessionTokenAuthConnector(FAST))
                    .configuration(config)) {
                tester.sync().assertFailedWith("configuration key 'username' is required");
            }
        }
    }

    @Test
    void injectedFaultsEndInTheSameWarehouseAsACleanRun() {
        try (Playground clean = Playground.start(0); Playground faulty = Playground.start(0);
             ConnectorTester expected = newTester(clean, Map.of());
             ConnectorTester actual = newTester(faulty, Map.of())) {
            faulty.setFaults(FAULTS);
            for (int day = 0; day <= 2; day++) {
                clean.setDay(day);
                faulty.setDay(day);
                expected.sync().assertSucceeded();
                actual.sync().assertSucceeded(); // the toolkit retries every injected fault, logins included
                assertThat(actual.snapshot()).isEqualTo(expected.snapshot());
            }
            assertThat(faulty.injectedFaults().values().stream().mapToLong(Long::longValue).sum()).isPositive();
        }
    }

    @Test
    void resumesFromEveryCheckpoint() {
        try (Playground playground = Playground.start(0); ConnectorTester tester = newTester(playground, Map.of())) {
            tester.assertReplayFromEveryCheckpoint();
        }
    }

    private static Map<String, String> config(Playground playground, Map<String, String> overrides) {
        Map<String, String> values = new HashMap<>(Map.of("username", "playground", "password", "playground",
                "base_url", playground.baseUrl()));
        values.putAll(overrides);
        return values;
    }

    private static ConnectorTester newTester(Playground playground, Map<String, String> overrides) {
        return ConnectorTester.of(new SessionTokenAuthConnector(FAST)).configuration(config(playground, overrides));
    }

    /** Today's users as (id, name, email, address, company, job, updatedAt, createdAt), via a login of our own. */
    private static List<List<String>> apiUsers(Playground playground) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String login = "{\"username\":\"playground\",\"password\":\"playground\"}";
        HttpResponse<String> session = http.send(HttpRequest.newBuilder(
                        playground.uri("/auth/session_token/login?fault=none"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(login)).build(), HttpResponse.BodyHandlers.ofString());
        String token = JSON.readTree(session.body()).get("token").asText();
        HttpResponse<String> data = http.send(HttpRequest.newBuilder(
                        playground.uri("/auth/session_token/data?fault=none"))
                .header("Authorization", "Token " + token).build(), HttpResponse.BodyHandlers.ofString());
        List<List<String>> users = new ArrayList<>();
        for (JsonNode u : JSON.readTree(data.body()).get("data")) {
            users.add(List.of(u.get("id").asText(), u.get("name").asText(), u.get("email").asText(),
                    u.get("address").asText(), u.get("company").asText(), u.get("job").asText(),
                    u.get("updatedAt").asText(), u.get("createdAt").asText()));
        }
        users.sort(Comparator.comparing(u -> u.get(0)));
        return users;
    }

    private static List<List<String>> warehouse(ConnectorTester tester) {
        List<List<String>> users = new ArrayList<>();
        String sql = "SELECT * FROM tester.\"user\" WHERE NOT _fivetran_deleted ORDER BY id";
        for (Map<String, Object> r : tester.query(sql)) {
            users.add(List.of((String) r.get("id"), (String) r.get("name"), (String) r.get("email"),
                    (String) r.get("address"), (String) r.get("company"), (String) r.get("job"),
                    ((OffsetDateTime) r.get("updated_at")).toInstant().toString(),
                    ((OffsetDateTime) r.get("created_at")).toInstant().toString()));
        }
        return users;
    }
}
