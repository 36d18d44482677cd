package io.tributary.examples.toast;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.playground.Credentials;
import io.tributary.playground.Playground;
import io.tributary.sdk.http.RequestPolicy;
import io.tributary.testkit.ConnectorTester;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ToastConnectorTest {
    // No truncate: the toolkit does not retry a body cut short (see the README).
    private static final String FAULTS = "429:0.07:0,500:0.05,503:0.04,reset:0.03";

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
    void firstSyncLandsEveryTableAndTheNextDayFindsNewVoidedAndDeletedOrders() {
        try (ConnectorTester tester = tester()) {
            tester.sync().assertSucceeded();

            assertThat(tester.rows("restaurant")).hasSize(2)
                    .allSatisfy(r -> assertThat((String) r.get("name")).endsWith(" Kitchen"));
            Map<String, Map<String, Object>> day0 = sourceOrders();
            assertThat(day0).hasSize(2 * 12 * 46); // 12 a day per restaurant, 2024-11-17 to 2025-01-01
            assertOrdersMatch(tester, day0);
            assertThat(day0.values()).anyMatch(o -> Boolean.TRUE.equals(o.get("voided")))
                    .anyMatch(o -> Boolean.TRUE.equals(o.get("deleted")));

            // Children: one check and one payment per order, each selection, pricing features.
            assertThat(tester.rows("orders_check")).hasSize(day0.size());
            assertThat(tester.rows("payment")).hasSize(day0.size());
            assertThat(tester.rows("orders_check_payment")).hasSize(day0.size());
            assertThat(tester.rows("orders_pricing_feature")).hasSize(day0.size())
                    .allSatisfy(r -> assertThat(r).containsEntry("pricing_feature", "TAXESV2"));
            int selections = day0.values().stream().mapToInt(o -> checks(o).get(0).get("selections") instanceof List<?> l
                    ? l.size() : 0).sum();
            assertThat(tester.rows("orders_check_selection")).hasSize(selections);
            assertThat(tester.query("SELECT * FROM tester.payment WHERE payment_status = 'VOIDED'"))
                    .isNotEmpty()
                    .allSatisfy(p -> assertThat(p.get("void_info_date")).isNotNull()
                            .isInstanceOf(OffsetDateTime.class));
            assertThat(tester.query("SELECT * FROM tester.orders_check WHERE deleted")).isNotEmpty()
                    .allSatisfy(c -> assertThat(c).containsEntry("_fivetran_deleted", true));

            // Configuration and labor, fetched on the first window only, with references reduced to ids.
            assertThat(tester.rows("menu")).hasSize(6);
            assertThat(tester.rows("menu_item")).hasSize(10);
            assertThat(tester.rows("tables")).hasSize(12)
                    .allSatisfy(t -> assertThat(t.get("revenue_center_guid")).isNotNull())
                    .allSatisfy(t -> assertThat(t.get("service_area_guid")).isNotNull());
            assertThat(tester.rows("menu_group")).allSatisfy(g -> assertThat(g.get("menu_id")).isNotNull());
            assertThat(tester.rows("job")).hasSize(8);
            assertThat(tester.rows("employee")).hasSize(8);
            assertThat(tester.rows("employee_job_reference")).hasSize(8);
            assertThat(tester.state().toJson()).isEqualTo("{\"to_ts\":\"2025-01-02T00:00:00.000Z\"}");

            playground.nextDay();
            tester.sync().assertSucceeded();

            Map<String, Map<String, Object>> day1 = sourceOrders();
            assertThat(day1).hasSize(day0.size() + 24);
            assertOrdersMatch(tester, day1);
            long changed = day0.keySet().stream()
                    .filter(id -> !day0.get(id).get("modifiedDate").equals(day1.get(id).get("modifiedDate"))).count();
            assertThat(changed).as("orders voided or deleted on day 1").isPositive();
            assertThat(tester.state().toJson()).isEqualTo("{\"to_ts\":\"2025-01-03T00:00:00.000Z\"}");
        }
    }

    @Test
    void injectedFaultsEndInTheSameWarehouseAsACleanRun() {
        Map<String, Object> clean = twoDays(null);
        playground.reset();
        Map<String, Object> faulted = twoDays(FAULTS);
        assertThat(playground.injectedFaults().values().stream().mapToLong(Long::longValue).sum()).isGreaterThan(10);
        assertThat(faulted).isEqualTo(clean);
    }

    @Test
    void resumesFromEveryCheckpoint() {
        // Two windows, the second an hour long: less data than the default start, the same checkpoints.
        Map<String, String> config = new HashMap<>(configuration());
        config.put("initialSyncStart", "2024-12-02T23:00:00.000Z");
        try (ConnectorTester tester = ConnectorTester.of(connector()).configuration(config)) {
            tester.assertReplayFromEveryCheckpoint();
        }
    }

    @Test
    void aStartMoreThanThirtyDaysBackIsSyncedInThirtyDayWindows() {
        Map<String, String> config = new HashMap<>(configuration());
        config.put("initialSyncStart", "2024-10-01T00:00:00.000+0000");
        try (ConnectorTester tester = ConnectorTester.of(connector()).configuration(config)) {
            tester.sync().assertSucceeded();
            assertThat(tester.rows("orders")).hasSize(2 * 12 * 46);
            assertThat(tester.state().getString("to_ts")).isEqualTo("2025-01-02T00:00:00.000Z");
        }
        assertThat(new Window(Instant.parse("2024-10-01T00:00:00Z"), Instant.parse("2024-10-31T00:00:00Z"))
                .businessDates()).hasSize(31).startsWith("20241001").endsWith("20241031");
        assertThat(Window.startingAt(Instant.parse("2024-10-01T00:00:00Z"), Instant.parse("2025-01-02T00:00:00Z")))
                .isEqualTo(new Window(Instant.parse("2024-10-01T00:00:00Z"), Instant.parse("2024-10-31T00:00:00Z")));
        assertThat(Window.startingAt(Instant.parse("2024-12-15T00:00:00Z"), Instant.parse("2025-01-02T00:00:00Z")).end())
                .isEqualTo(Instant.parse("2025-01-02T00:00:00Z"));
    }

    @Test
    void wrongCredentialsFailTheSync() {
        Map<String, String> config = new HashMap<>(configuration());
        config.put("clientSecret", "wrong");
        try (ConnectorTester tester = ConnectorTester.of(connector()).configuration(config)) {
            tester.sync().assertFailedWith("401");
        }
    }

    /** Every order in the warehouse as the API shows it now: flags, modification time, soft deletion. */
    private static void assertOrdersMatch(ConnectorTester tester, Map<String, Map<String, Object>> source) {
        List<Map<String, Object>> rows = tester.rows("orders");
        assertThat(rows).hasSize(source.size());
        for (Map<String, Object> row : rows) {
            Map<String, Object> order = source.get((String) row.get("id"));
            assertThat(order).as("order %s", row.get("id")).isNotNull();
            assertThat(row.get("voided")).isEqualTo(order.get("voided"));
            assertThat(row.get("deleted")).isEqualTo(order.get("deleted"));
            assertThat(row.get("_fivetran_deleted")).isEqualTo(order.get("deleted"));
            assertThat(((OffsetDateTime) row.get("modified_date")).toInstant())
                    .isEqualTo(toastTime((String) order.get("modifiedDate")));
            assertThat(row.get("server_id")).isEqualTo(((Map<?, ?>) order.get("server")).get("guid"));
            assertThat(row.get("dining_option_guid")).isEqualTo(((Map<?, ?>) order.get("diningOption")).get("guid"));
            assertThat(row.get("restaurant_id")).isNotNull();
        }
    }

    /** Every order the playground has now, by guid, read straight from the API. */
    private Map<String, Map<String, Object>> sourceOrders() {
        ToastClient client = new ToastClient(playground.baseUrl() + "/toast", Credentials.CLIENT_ID,
                Credentials.CLIENT_SECRET, "TOAST_MACHINE_CLIENT", RequestPolicy.defaults());
        List<Map<String, Object>> orders = new ArrayList<>();
        for (Map<String, Object> restaurant : client.restaurants()) {
            client.forEachOrder((String) restaurant.get("restaurantGuid"), "2024-01-01T00:00:00.000Z",
                    Window.format(playground.now()), orders::add);
        }
        return orders.stream().collect(Collectors.toMap(o -> (String) o.get("guid"), o -> o));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> checks(Map<String, Object> order) {
        return (List<Map<String, Object>>) order.get("checks");
    }

    private static Instant toastTime(String text) {
        return OffsetDateTime.parse(text.replace("+0000", "Z")).toInstant();
    }

    private Map<String, Object> twoDays(String faults) {
        playground.setDay(0);
        if (faults != null) {
            playground.setFaults(faults);
        }
        try (ConnectorTester tester = tester()) {
            tester.sync().assertSucceeded();
            playground.nextDay();
            tester.sync().assertSucceeded();
            return tester.snapshot();
        }
    }

    private ConnectorTester tester() {
        return ConnectorTester.of(connector()).configuration(configuration());
    }

    private ToastConnector connector() {
        RequestPolicy fast = RequestPolicy.builder().maxRetries(3).backoff(Duration.ofMillis(1), Duration.ofMillis(20))
                .build();
        return new ToastConnector(new PlaygroundClock(playground), fast);
    }

    private Map<String, String> configuration() {
        return Map.of(
                "base_url", playground.baseUrl() + "/toast",
                "clientId", Credentials.CLIENT_ID,
                "clientSecret", Credentials.CLIENT_SECRET,
                "userAccessType", "TOAST_MACHINE_CLIENT",
                "initialSyncStart", "2024-11-15T00:00:00.000Z");
    }

    /** "Now" is the end of the playground's current day, so each new day is a new window. */
    private static final class PlaygroundClock extends Clock {
        private final Playground playground;

        PlaygroundClock(Playground playground) {
            this.playground = playground;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return playground.now();
        }
    }
}
