package io.tributary.playground;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SheetsAndToastTest {
    private static final String SHEET = "/smartsheet/2.0/sheets/4583173393803140";
    private static final String BEARER = "Bearer " + Credentials.BEARER_TOKEN;
    private static Playground pg;
    private static Http http;

    @BeforeAll
    static void start() {
        pg = Playground.start(0);
        http = new Http(pg);
    }

    @AfterAll
    static void stop() {
        pg.close();
    }

    @BeforeEach
    void reset() {
        pg.reset();
    }

    private static Map<String, String> rows(JsonNode sheet) {
        Map<String, String> out = new HashMap<>();
        sheet.get("rows").forEach(r -> out.put(r.get("id").asText(), r.get("modifiedAt").asText()));
        return out;
    }

    @Test
    void sheetsHaveColumnsAndRowsWithIdsAndModifiedAt() {
        JsonNode list = http.json("/smartsheet/2.0/sheets", "Authorization", BEARER);
        assertThat(list.get("totalCount").asInt()).isEqualTo(2);
        assertThat(list.get("data").get(0).get("name").asText()).isEqualTo("Project Tracker");
        JsonNode sheet = http.json(SHEET, "Authorization", BEARER);
        assertThat(sheet.get("columns")).hasSize(6);
        assertThat(sheet.get("columns").get(0).get("primary").asBoolean()).isTrue();
        assertThat(sheet.get("totalRowCount").asInt()).isEqualTo(30);
        JsonNode row = sheet.get("rows").get(0);
        assertThat(row.get("rowNumber").asInt()).isEqualTo(1);
        assertThat(row.get("cells")).hasSize(6);
        Set<Long> columnIds = new HashSet<>();
        sheet.get("columns").forEach(c -> columnIds.add(c.get("id").asLong()));
        row.get("cells").forEach(c -> assertThat(columnIds).contains(c.get("columnId").asLong()));
        JsonNode page2 = http.json(SHEET + "?page=2&pageSize=20", "Authorization", BEARER);
        assertThat(page2.get("rows")).hasSize(10);
        assertThat(http.get(SHEET).status()).isEqualTo(401);
        assertThat(http.get(SHEET, "Authorization", "Bearer nope").json().get("errorCode").asInt()).isEqualTo(1002);
        assertThat(http.get("/smartsheet/2.0/sheets/1", "Authorization", BEARER).status()).isEqualTo(404);
    }

    @Test
    void rowsAreAddedModifiedAndDeletedBetweenSyncs() {
        Map<String, String> day0 = rows(http.json(SHEET + "?modifiedSince=2030-01-01T00:00:00Z", "Authorization",
                BEARER));
        assertThat(day0).hasSize(30); // modifiedSince does not filter rows
        pg.setDay(1);
        JsonNode sheet1 = http.json(SHEET, "Authorization", BEARER);
        Map<String, String> day1 = rows(sheet1);
        Set<String> deleted = new HashSet<>(day0.keySet());
        deleted.removeAll(day1.keySet());
        Set<String> added = new HashSet<>(day1.keySet());
        added.removeAll(day0.keySet());
        long modified = day1.entrySet().stream().filter(e -> day0.containsKey(e.getKey())
                && !day0.get(e.getKey()).equals(e.getValue())).count();
        assertThat(deleted).hasSize(1);
        assertThat(added).hasSize(2);
        assertThat(modified).isEqualTo(3);
        String since = pg.today().toString() + "T00:00:00Z";
        assertThat(http.json(SHEET + "?rowsModifiedSince=" + since, "Authorization", BEARER).get("rows")).hasSize(5);
    }

    private String toastToken() {
        JsonNode login = http.postJson("/toast/authentication/v1/authentication/login", Map.of("clientId",
                Credentials.CLIENT_ID, "clientSecret", Credentials.CLIENT_SECRET, "userAccessType",
                "TOAST_MACHINE_CLIENT")).json();
        assertThat(login.get("status").asText()).isEqualTo("SUCCESS");
        return "Bearer " + login.get("token").get("accessToken").asText();
    }

    @Test
    void ordersInTimeWindowsShowVoidsAndDeletionsLater() {
        String auth = toastToken();
        JsonNode restaurants = http.json("/toast/partners/v1/restaurants", "Authorization", auth);
        assertThat(restaurants).hasSize(2);
        String restaurant = restaurants.get(0).get("restaurantGuid").asText();
        Map<String, JsonNode> latest = new HashMap<>();
        int voidedOrDeleted = 0;
        int orders = 0;
        // One sync a day over the day's window, as the Toast example does once it has caught up.
        for (int day = 0; day <= 10; day++) {
            pg.setDay(day);
            String start = pg.today() + "T00:00:00.000Z";
            String end = pg.today().plusDays(1) + "T00:00:00.000Z";
            for (int page = 1; ; page++) {
                JsonNode batch = http.json("/toast/orders/v2/ordersBulk?startDate=" + start + "&endDate=" + end
                        + "&pageSize=100&page=" + page, "Authorization", auth, "Toast-Restaurant-External-ID",
                        restaurant);
                for (JsonNode o : batch) {
                    orders++;
                    JsonNode previous = latest.put(o.get("guid").asText(), o);
                    boolean createdBeforeFirstSync = o.get("businessDate").asInt() < 20250101;
                    if ((o.get("voided").asBoolean() || o.get("deleted").asBoolean()) && !createdBeforeFirstSync) {
                        voidedOrDeleted++;
                        assertThat(previous).as("a void or deletion re-sends an order seen in an earlier window")
                                .isNotNull();
                        assertThat(previous.get("voided").asBoolean() || previous.get("deleted").asBoolean()).isFalse();
                    }
                }
                if (batch.size() < 100) {
                    break;
                }
            }
        }
        assertThat(voidedOrDeleted).isPositive();
        assertThat(orders).isEqualTo(latest.size() + voidedOrDeleted).isGreaterThanOrEqualTo(12 * 11);
        JsonNode order = latest.values().iterator().next();
        assertThat(order.get("checks").get(0).get("payments").get(0).get("amount").isNumber()).isTrue();
        assertThat(order.get("modifiedDate").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0000");
    }

    @Test
    void toastChecksTokenAndRestaurantHeader() {
        String auth = toastToken();
        String url = "/toast/orders/v2/ordersBulk?startDate=2024-12-30T00:00:00.000Z&endDate=2024-12-31T00:00:00.000Z";
        assertThat(http.get(url).status()).isEqualTo(401);
        assertThat(http.get(url, "Authorization", auth).status()).isEqualTo(400);
        assertThat(http.get(url, "Authorization", auth, "Toast-Restaurant-External-ID", "nope").status())
                .isEqualTo(403);
        String restaurant = http.json("/toast/partners/v1/restaurants", "Authorization", auth).get(0)
                .get("restaurantGuid").asText();
        JsonNode window = http.json(url, "Authorization", auth, "Toast-Restaurant-External-ID", restaurant);
        int ofTheDay = 0;
        for (JsonNode o : window) {
            if (o.get("businessDate").asInt() == 20241230) {
                ofTheDay++;
            } else {
                assertThat(o.get("voided").asBoolean() || o.get("deleted").asBoolean()).isTrue();
            }
        }
        // the day's orders voided or deleted since have moved to a later window
        assertThat(ofTheDay).isBetween(9, 12);
        assertThat(http.json("/toast/config/v2/menus", "Authorization", auth, "Toast-Restaurant-External-ID",
                restaurant)).hasSize(3);
        assertThat(http.json("/toast/labor/v1/employees", "Authorization", auth, "Toast-Restaurant-External-ID",
                restaurant)).hasSize(4);
        assertThat(http.postJson("/toast/authentication/v1/authentication/login", Map.of("clientId", "x",
                "clientSecret", "y")).status()).isEqualTo(401);
    }
}
