package io.tributary.examples.using_dataframes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.playground.Playground;
import io.tributary.sdk.Configuration;
import io.tributary.sdk.Connector;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import io.tributary.sdk.Table;
import io.tributary.sdk.http.HttpApi;
import io.tributary.sdk.http.RequestPolicy;
import io.tributary.testkit.ConnectorTester;
import io.tributary.testkit.ForwardingOperations;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class UsingDataframesConnectorTest {
    // No truncate: the toolkit does not retry a body cut short (see the README).
    private static final String FAULTS = "429:0.07:0,500:0.05,503:0.04,reset:0.03";
    /** np.random.seed(0); np.random.rand(10, 3) with the original's NaN mask, as NumPy prints it. */
    private static final double[][] NUMPY = {
        {0.5488135039273248, 0.7151893663724195, 0.6027633760716439},
        {0.5448831829968969, Double.NaN, 0.6458941130666561},
        {0.4375872112626925, 0.8917730007820798, 0.9636627605010293},
        {0.3834415188257777, 0.7917250380826646, 0.5288949197529045},
        {0.5680445610939323, Double.NaN, 0.07103605819788694},
        {0.08712929970154071, 0.02021839744032572, 0.832619845547938},
        {0.7781567509498505, 0.8700121482468192, 0.978618342232764},
        {0.7991585642167236, 0.46147936225293185, 0.7805291762864555},
        {0.11827442586893322, 0.6399210213275238, 0.1433532874090464},
        {0.9446689170495839, 0.5218483217500717, 0.4146619399905236},
    };

    private Playground playground;

    @BeforeEach
    void startPlayground() {
        playground = Playground.builder().port(0).start();
    }

    @AfterEach
    void stopPlayground() {
        playground.close();
    }

    @Test
    void eachSyncAddsTwoPeopleToTheThreeTablesAndTheNanTableHoldsNullsNotNan() {
        try (ConnectorTester tester = tester()) {
            tester.sync().assertSucceeded();

            assertPeople(tester, 1, 2);
            assertNanTable(tester);
            assertThat(tester.state().asJsonNode().toString()).isEqualTo(
                    "{\"profile_cursor\":2,\"location_cursor\":2,\"login_cursor\":2,\"table_with_nan_cursor\":30}");

            playground.nextDay();
            tester.sync().assertSucceeded();

            assertPeople(tester, 1, 4);
            assertNanTable(tester);
            State state = tester.state();
            assertThat(state.getInt("profile_cursor", 0)).isEqualTo(4);
            assertThat(state.getInt("location_cursor", 0)).isEqualTo(4);
            assertThat(state.getInt("login_cursor", 0)).isEqualTo(4);
            assertThat(state.getInt("table_with_nan_cursor", 0)).isEqualTo(60);
        }
    }

    @Test
    void injectedFaultsEndInTheSameWarehouseAsACleanRun() {
        Map<String, Object> clean = syncDays(null);
        playground.reset();
        Map<String, Object> faulted = syncDays(FAULTS);
        assertThat(playground.injectedFaults().values().stream().mapToLong(Long::longValue).sum()).isPositive();
        assertThat(faulted).isEqualTo(clean);
    }

    /**
     * Every sync adds two people, so a sync stopped after its last people checkpoint and resumed adds two more:
     * the testkit's replay (one sync = crashed + resumed) does not apply. What must hold at every stop: no person
     * is missing from a table, none twice, and the resumed sync repeats the stopped one's people when it stopped
     * before all three tables were written.
     */
    @Test
    void aSyncStoppedAtAnyCheckpointResumesWithoutLosingAPerson() {
        Map<String, Object> uninterrupted;
        try (ConnectorTester tester = tester()) {
            tester.sync().assertSucceeded();
            uninterrupted = tester.snapshot();
        }
        int checkpoints = 7; // profile: after row 0 and at the end; location; login; three NaN frames
        for (int k = 1; k <= checkpoints; k++) {
            Crashing connector = new Crashing(new UsingDataframesConnector(fastPolicy()));
            try (ConnectorTester tester = ConnectorTester.of(connector).configuration(configuration())) {
                connector.crashAt = k;
                assertThat(tester.sync().succeeded()).isFalse();
                connector.crashAt = 0;
                tester.sync().assertSucceeded();
                if (k <= 4) {
                    // Stopped before the login checkpoint was committed: the same two people again.
                    assertThat(tester.snapshot().get("table profile")).isEqualTo(uninterrupted.get("table profile"));
                    assertThat(tester.snapshot().get("table location")).isEqualTo(uninterrupted.get("table location"));
                    assertThat(tester.snapshot().get("table login")).isEqualTo(uninterrupted.get("table login"));
                    assertPeople(tester, 1, 2);
                } else {
                    assertPeople(tester, 1, 4);
                }
                assertNanTable(tester);
            }
        }
    }

    @Test
    void theRandomUserMappingIsTheOriginals() throws Exception {
        JsonNode data = new com.fasterxml.jackson.databind.ObjectMapper().readTree("""
                {"gender":"female","name":{"title":"Ms","first":"Ada","last":"Byron"},
                 "location":{"street":{"number":12,"name":"Main Road"},"city":"Leeds","state":"Yorkshire",
                   "country":"United Kingdom","postcode":"LS1 4AP"},
                 "email":"ada@example.com","login":{"uuid":"u-1","username":"bluecat","password":"pw"},
                 "dob":{"date":"1990-12-10T14:00:00.000Z","age":34},"cell":"0700","nat":"GB",
                 "picture":{"large":"l.jpg","medium":"m.jpg","thumbnail":"t.jpg"}}""");
        Person p = RandomUserSource.toPerson(7, data);
        assertThat(p.profile()).containsEntry("id", 7).containsEntry("fullName", "Ms Ada Byron")
                .containsEntry("gender", "female").containsEntry("age", 34).containsEntry("date", "1990-12-10T14:00:00.000Z")
                .containsEntry("mobile", "0700").containsEntry("nationality", "GB")
                .containsEntry("picture", Map.of("large", "l.jpg", "medium", "m.jpg", "thumbnail", "t.jpg"));
        assertThat(p.location()).containsEntry("profileId", 7).containsEntry("street", "12 Main Road")
                .containsEntry("postcode", "LS1 4AP").containsEntry("country", "United Kingdom");
        assertThat(p.login()).containsEntry("uuid", "u-1").containsEntry("username", "bluecat").containsEntry("password", "pw");
        // Through a frame and back, the picture is an object again and the id an int.
        Frame frame = Frame.fromRecords("profile", List.of(p.profile()));
        assertThat(frame.toRecords()).singleElement().isEqualTo(p.profile());
        assertThat(frame.rows()).singleElement().isEqualTo(p.profile());
    }

    @Test
    void theThreeNanApproachesGiveTheSameRowsWithNullForNan() {
        tech.tablesaw.api.Table nan = NanFrames.generate();
        List<Map<String, Object>> first = NanFrames.replaceCellByCell(nan);
        assertThat(NanFrames.objectColumns(nan)).isEqualTo(first);
        assertThat(NanFrames.missingSelection(nan)).isEqualTo(first);
        for (int r = 0; r < NUMPY.length; r++) {
            for (int c = 0; c < 3; c++) {
                Object value = first.get(r).get(NanFrames.COLUMNS.get(c));
                assertThat(value).isEqualTo(Double.isNaN(NUMPY[r][c]) ? null : NUMPY[r][c]);
            }
        }
    }

    /** Profiles from..to exist once each, match the playground's users by number, with location and login. */
    private void assertPeople(ConnectorTester tester, int from, int to) {
        int count = to - from + 1;
        Map<Integer, Map<String, Object>> profiles = byId(tester.rows("profile"), "id");
        Map<Integer, Map<String, Object>> locations = byId(tester.rows("location"), "profile_id");
        Map<Integer, Map<String, Object>> logins = byId(tester.rows("login"), "profile_id");
        assertThat(profiles).hasSize(count);
        assertThat(tester.liveRows("profile")).hasSize(count);
        assertThat(locations.keySet()).isEqualTo(profiles.keySet());
        assertThat(logins.keySet()).isEqualTo(profiles.keySet());
        for (int id = from; id <= to; id++) {
            JsonNode user = user(id);
            assertThat(profiles.get(id)).containsEntry("full_name", user.path("name").asText())
                    .containsEntry("email", user.path("email").asText());
            String[] address = user.path("address").asText().split(", ");
            assertThat(locations.get(id)).containsEntry("street", address[0]).containsEntry("city", address[1])
                    .containsEntry("state", address[2]);
            assertThat(logins.get(id)).containsEntry("uuid", user.path("id").asText());
        }
    }

    /** The original's 10 seeded rows, NaN as null; upserted three times, still 10 rows. */
    private static void assertNanTable(ConnectorTester tester) {
        List<Map<String, Object>> rows = tester.rows("table_with_nan");
        assertThat(rows).hasSize(10);
        Map<Double, Map<String, Object>> byId = rows.stream().collect(Collectors.toMap(r -> (Double) r.get("id"), r -> r));
        for (double[] expected : NUMPY) {
            Map<String, Object> row = byId.get(expected[0]);
            assertThat(row).isNotNull();
            assertThat(row.get("column_1")).isEqualTo(Double.isNaN(expected[1]) ? null : expected[1]);
            assertThat(row.get("column_2")).isEqualTo(expected[2]);
        }
        assertThat(rows.stream().filter(r -> r.get("column_1") == null)).hasSize(2);
    }

    private static Map<Integer, Map<String, Object>> byId(List<Map<String, Object>> rows, String key) {
        return rows.stream().collect(Collectors.toMap(r -> ((Number) r.get(key)).intValue(), r -> r));
    }

    /** The playground's n-th user, as it is today. */
    private JsonNode user(int n) {
        return HttpApi.builder().baseUrl(playground.baseUrl()).build().get("incremental/step")
                .query("start_id", n).query("end_id", n).query("fault", "none").json().path("data").get(0);
    }

    private Map<String, Object> syncDays(String faults) {
        playground.setDay(0);
        if (faults != null) {
            playground.setFaults(faults);
        }
        try (ConnectorTester tester = tester()) {
            for (int day = 0; day < 5; day++) {
                playground.setDay(day);
                tester.sync().assertSucceeded();
            }
            return tester.snapshot();
        }
    }

    private ConnectorTester tester() {
        return ConnectorTester.of(new UsingDataframesConnector(fastPolicy())).configuration(configuration());
    }

    private Map<String, String> configuration() {
        return Map.of("source", "playground", "base_url", playground.baseUrl());
    }

    private static RequestPolicy fastPolicy() {
        return RequestPolicy.builder().maxRetries(3).backoff(Duration.ofMillis(1), Duration.ofMillis(20)).build();
    }

    /** Stops the sync at checkpoint {@code crashAt} (1-based), before it is committed; 0 never. */
    private static final class Crashing implements Connector {
        private final Connector delegate;
        volatile int crashAt;

        Crashing(Connector delegate) {
            this.delegate = delegate;
        }

        @Override
        public List<Table> schema(Configuration configuration) throws Exception {
            return delegate.schema(configuration);
        }

        @Override
        public void update(Configuration configuration, State state, Operations operations) throws Exception {
            int[] seen = {0};
            Operations crashing = new ForwardingOperations(operations) {
                @Override
                public void checkpoint(Object s) {
                    if (++seen[0] == crashAt) {
                        throw new IllegalStateException("stopped at checkpoint " + crashAt);
                    }
                    super.checkpoint(s);
                }
            };
            delegate.update(configuration, state, crashing);
        }
    }
}
