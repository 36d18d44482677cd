package io.tributary.examples.oauth2_with_token_refresh;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.playground.Playground;
import io.tributary.sdk.http.RequestPolicy;
import io.tributary.testkit.ConnectorTester;
import io.tributary.testkit.SyncOutcome;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class OAuth2WithTokenRefreshConnectorTest {
    /** Short backoffs; more retries than the playground's 2 consecutive faults per request. */
    static final RequestPolicy FAST = RequestPolicy.builder()
            .backoff(Duration.ofMillis(1), Duration.ofMillis(20)).maxRetries(4).build();
    /**
     * 17 % of attempts fail. A sync makes only four requests, so the decision seed is one under which these four
     * days of syncs meet a 429, a 500, a connection reset and a truncated body.
     */
    static final String FAULTS = "429:0.06:0,500:0.04,503:0.03,reset:0.02,truncate:0.02,seed:2";

    @Test
    void firstSyncLoadsEverythingAndTheNextDaySyncUpsertsOnlyWhatChanged() throws Exception {
        try (Playground playground = Playground.start(0); ConnectorTester tester = newTester(playground)) {
            HubSpotSource source = new HubSpotSource(playground);
            tester.sync().assertSucceeded();

            assertThat(tester.rows("contacts")).hasSize(120).allSatisfy(row -> assertThat(row)
                    .containsEntry("_fivetran_deleted", false));
            assertThat(tester.rows("companies")).hasSize(60);
            assertThat(contact(tester, 1001)).containsEntry("firstname", "Aisha")
                    .containsEntry("company", "Hooli Systems")
                    .containsEntry("lastmodifieddate", "1730506645000")
                    .containsEntry("email", "aisha.garcia1001@example.com");
            assertThat(warehouseContacts(tester)).isEqualTo(expectedContacts(source.contacts()));
            assertThat(warehouseCompanies(tester)).isEqualTo(expectedCompanies(source.companies()));
            Instant dayZeroCursor = latestChange(source);
            assertThat(dayZeroCursor).isBefore(playground.now());
            assertThat(tester.state().getString("last_updated_at")).isEqualTo(dayZeroCursor.toString());

            playground.nextDay();
            long changed = changedAfter(source.contacts(), dayZeroCursor, HubSpotRecords::contactModifiedAt)
                    + changedAfter(source.companies(), dayZeroCursor, HubSpotRecords::companyModifiedAt);
            SyncOutcome second = tester.sync().assertSucceeded();

            // 5 new and 8 updated contacts, 2 new and 3 updated companies: only those are written again.
            assertThat(changed).isEqualTo(18);
            assertThat(second.counters().upserts()).isEqualTo(changed);
            assertThat(tester.rows("contacts")).hasSize(125);
            assertThat(tester.rows("companies")).hasSize(62);
            assertThat(warehouseContacts(tester)).isEqualTo(expectedContacts(source.contacts()));
            assertThat(warehouseCompanies(tester)).isEqualTo(expectedCompanies(source.companies()));
            Instant dayOneCursor = latestChange(source);
            assertThat(dayOneCursor).isAfter(dayZeroCursor).isBefore(playground.now());
            assertThat(tester.state().getString("last_updated_at")).isEqualTo(dayOneCursor.toString());

            // Nothing changed since: nothing is written, the cursor stays.
            assertThat(tester.sync().assertSucceeded().counters().upserts()).isZero();
            assertThat(tester.state().getString("last_updated_at")).isEqualTo(dayOneCursor.toString());
        }
    }

    @Test
    void injectedFaultsEndInTheSameWarehouseAsACleanRun() {
        try (Playground clean = Playground.start(0); Playground faulty = Playground.start(0);
             ConnectorTester expected = newTester(clean); ConnectorTester actual = newTester(faulty)) {
            faulty.setFaults(FAULTS);
            for (int day = 0; day <= 3; day++) {
                clean.setDay(day);
                faulty.setDay(day);
                expected.sync().assertSucceeded();
                actual.sync().assertSucceeded(); // the toolkit retries every injected fault
                assertThat(actual.snapshot()).isEqualTo(expected.snapshot());
            }
            assertThat(faulty.injectedFaults()).containsEntry("429", 1L).containsEntry("500", 3L)
                    .containsEntry("reset", 1L).containsEntry("truncate", 1L);
        }
    }

    @Test
    void resumesFromEveryCheckpoint() {
        try (Playground playground = Playground.start(0); ConnectorTester tester = newTester(playground)) {
            tester.assertReplayFromEveryCheckpoint();
        }
    }

    @Test
    void anAccessTokenThatExpiresMidSyncIsRenewedAndTheRequestSentAgain() {
        // Every request ages the playground's clock by 25 minutes: the first token (1 hour) is valid for the two
        // contact pages and expired when the companies are read.
        TickingClock clock = new TickingClock(Instant.parse("2025-01-01T00:00:00Z"), Duration.ofMinutes(25));
        Logger connectorLog = (Logger) LoggerFactory.getLogger("connector");
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        connectorLog.addAppender(lines);
        try (Playground playground = Playground.builder().port(0).clock(clock).start();
             ConnectorTester tester = newTester(playground)) {
            tester.sync().assertSucceeded();

            assertThat(lines.list).map(ILoggingEvent::getFormattedMessage)
                    .anySatisfy(line -> assertThat(line).contains("HTTP 401 from GET")
                            .contains(HubSpotApi.COMPANIES_PATH).contains("credentials refreshed"));
            assertThat(tester.rows("contacts")).hasSize(120);
            assertThat(tester.rows("companies")).hasSize(60);
        } finally {
            connectorLog.detachAppender(lines);
        }
    }

    @Test
    void aRejectedRefreshTokenFailsTheSyncWithTheServersReason() {
        try (Playground playground = Playground.start(0);
             ConnectorTester tester = ConnectorTester.of(new OAuth2WithTokenRefreshConnector(FAST))
                     .configuration(Map.of("base_url", playground.baseUrl() + "/hubspot",
                             "client_id", "playground-client", "client_secret", "playground-secret",
                             "refresh_token", "revoked"))) {
            tester.sync().assertFailedWith("invalid_grant");
            assertThat(tester.state().isEmpty()).isTrue();
        }
    }

    @Test
    void aMissingCredentialIsNamed() {
        try (Playground playground = Playground.start(0);
             ConnectorTester tester = ConnectorTester.of(new OAuth2WithTokenRefreshConnector(FAST))
                     .configuration(Map.of("base_url", playground.baseUrl() + "/hubspot",
                             "client_id", "playground-client", "client_secret", "playground-secret"))) {
            tester.sync().assertFailedWith("'refresh_token'");
        }
    }

    static ConnectorTester newTester(Playground playground) {
        return ConnectorTester.of(new OAuth2WithTokenRefreshConnector(FAST)).configuration(Map.of(
                "base_url", playground.baseUrl() + "/hubspot",
                "client_id", "playground-client",
                "client_secret", "playground-secret",
                "refresh_token", "playground-refresh-token"));
    }

    private static Map<String, Object> contact(ConnectorTester tester, long vid) {
        return tester.rows("contacts").stream().filter(r -> r.get("vid").equals(vid)).findFirst().orElseThrow();
    }

    /** Warehouse contacts as (vid, firstname, company, lastmodifieddate, email), by vid. */
    private static List<List<Object>> warehouseContacts(ConnectorTester tester) {
        return tester.query("SELECT vid, firstname, company, lastmodifieddate, email FROM tester.contacts "
                + "WHERE NOT _fivetran_deleted ORDER BY vid").stream()
                .map(r -> List.of(r.get("vid"), r.get("firstname"), r.get("company"), r.get("lastmodifieddate"),
                        r.get("email")))
                .toList();
    }

    private static List<List<Object>> expectedContacts(List<JsonNode> contacts) {
        return contacts.stream()
                .map(c -> List.<Object>of(c.get("vid").asLong(),
                        c.at("/properties/firstname/value").asText(),
                        c.at("/properties/company/value").asText(),
                        c.at("/properties/lastmodifieddate/value").asText(),
                        c.at("/identity-profiles/0/identities/0/value").asText()))
                .sorted(Comparator.comparing(row -> (Long) row.get(0)))
                .toList();
    }

    /** Warehouse companies as (company_id, name, timestamp): the naming rules turn companyId into company_id. */
    private static List<List<Object>> warehouseCompanies(ConnectorTester tester) {
        return tester.query("SELECT company_id, name, timestamp FROM tester.companies WHERE NOT _fivetran_deleted "
                + "ORDER BY company_id").stream()
                .map(r -> List.of(r.get("company_id"), r.get("name"), r.get("timestamp")))
                .toList();
    }

    private static List<List<Object>> expectedCompanies(List<JsonNode> companies) {
        return companies.stream()
                .map(c -> List.<Object>of(c.get("companyId").asLong(), c.at("/properties/name/value").asText(),
                        c.at("/properties/name/timestamp").asLong()))
                .sorted(Comparator.comparing(row -> (Long) row.get(0)))
                .toList();
    }

    private static Instant latestChange(HubSpotSource source) throws Exception {
        return Stream.concat(source.contacts().stream().map(HubSpotRecords::contactModifiedAt),
                        source.companies().stream().map(HubSpotRecords::companyModifiedAt))
                .filter(Objects::nonNull).max(Comparator.naturalOrder()).orElseThrow();
    }

    private static long changedAfter(List<JsonNode> records, Instant cursor,
                                     java.util.function.Function<JsonNode, Instant> modifiedAt) {
        return records.stream().map(modifiedAt).filter(t -> t.isAfter(cursor)).count();
    }
}
