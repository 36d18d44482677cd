package io.tributary.examples.toast;

import io.tributary.sdk.Log;
import io.tributary.sdk.Operations;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One time window for one restaurant, in the original's order: the restaurant row, on the first window of a
 * sync its configuration, jobs and employees, then cash entries and deposits, orders, shifts and time entries.
 */
final class RestaurantSync {
    /** Configuration endpoints and their tables. */
    private static final String[][] CONFIG = {
        {"config/v2/alternatePaymentTypes", "alternate_payment_types"},
        {"config/v2/diningOptions", "dining_option"},
        {"config/v2/discounts", "discounts"},
        {"config/v2/menus", "menu"},
        {"config/v2/menuGroups", "menu_group"},
        {"config/v2/menuItems", "menu_item"},
        {"config/v2/restaurantServices", "restaurant_service"},
        {"config/v2/revenueCenters", "revenue_center"},
        {"config/v2/salesCategories", "sale_category"},
        {"config/v2/serviceAreas", "service_area"},
        {"config/v2/tables", "tables"},
    };
    /** Reference objects reduced to one id column: (field, sub-field, new column), per table. */
    private static final Map<String, List<String[]>> EXTRACT = Map.of(
            "menu_group", List.<String[]>of(new String[] {"menu", "guid", "menu_id"}),
            "service_area", List.<String[]>of(new String[] {"revenueCenter", "guid", "revenue_center_guid"}),
            "tables", List.of(new String[] {"revenueCenter", "guid", "revenue_center_guid"},
                    new String[] {"serviceArea", "guid", "service_area_guid"}),
            "shift", List.of(new String[] {"employeeReference", "guid", "employee_reference_id"},
                    new String[] {"jobReference", "guid", "job_reference_id"}),
            "time_entry", List.of(new String[] {"employeeReference", "guid", "employee_reference_id"},
                    new String[] {"jobReference", "guid", "job_reference_id"},
                    new String[] {"shiftReference", "guid", "shift_reference_id"}));
    private static final Map<String, List<String>> CASH_FLATTEN = Map.of(
            "cash_deposit", List.of("employee", "creator"),
            "cash_entry", List.of("approverOrShiftReviewSubject", "creatorOrShiftReviewSubject", "cashDrawer",
                    "employee1", "employee2", "payoutReason", "noSaleReason"));

    private final ToastClient client;
    private final Operations operations;
    private final ChildRows children;
    private final OrderRows orders;

    RestaurantSync(ToastClient client, Operations operations) {
        this.client = client;
        this.operations = operations;
        this.children = new ChildRows(operations);
        this.orders = new OrderRows(operations);
    }

    void sync(String restaurantId, Window window, boolean firstWindow) {
        if (firstWindow) {
            for (String[] config : CONFIG) {
                client.forEach(config[0], restaurantId, Map.of("lastModified", window.from()),
                        row -> upsertConfig(config[1], row, restaurantId));
            }
            labor("labor/v1/jobs", "job", restaurantId, Map.of());
            labor("labor/v1/employees", "employee", restaurantId, Map.of());
        }
        for (String date : window.businessDates()) {
            cash("cashmgmt/v1/entries", "cash_entry", restaurantId, date);
            cash("cashmgmt/v1/deposits", "cash_deposit", restaurantId, date);
        }
        int[] count = {0};
        client.forEachOrder(restaurantId, window.from(), window.to(), order -> {
            orders.process(order, restaurantId);
            count[0]++;
        });
        Log.info("restaurant " + restaurantId + ": " + count[0] + " orders modified in " + window);
        labor("labor/v1/shifts", "shift", restaurantId, params("startDate", window.from(), "endDate", window.to()));
        labor("labor/v1/timeEntries", "time_entry", restaurantId,
                params("modifiedStartDate", window.from(), "modifiedEndDate", window.to()));
    }

    private void upsertConfig(String table, Map<String, Object> source, String restaurantId) {
        Map<String, Object> row = extract(table, source);
        row = Rows.stringifyLists(row);
        row.put("restaurant_id", restaurantId);
        operations.upsert(table, Rows.guidToId(row));
    }

    private void labor(String path, String table, String restaurantId, Map<String, String> params) {
        client.forEach(path, restaurantId, params, source -> {
            Map<String, Object> row = source;
            Object guid = source.get("guid");
            if (table.equals("time_entry") && !Rows.asList(source.get("breaks")).isEmpty()) {
                children.process(Rows.asList(source.get("breaks")), "break", "time_entry_id", guid);
            } else if (table.equals("employee")) {
                children.process(Rows.asList(source.get("jobReferences")), "employee_job_reference", "employee_id", guid);
                children.process(Rows.asList(source.get("wageOverrides")), "employee_wage_override", "employee_id", guid);
            } else if (table.equals("shift")) {
                row = Rows.flattenFields(List.of("scheduleConfig"), row);
            }
            row = Rows.stringifyLists(extract(table, row));
            row.put("restaurant_id", restaurantId);
            row = Rows.guidToId(row);
            operations.upsert(table, row);
            if (Rows.isTrue(row.get("deleted")) && row.containsKey("id")) {
                operations.delete(table, Rows.of("id", row.get("id")));
            }
        });
    }

    /** Cash endpoints take one business date per call. */
    private void cash(String path, String table, String restaurantId, String businessDate) {
        client.forEach(path, restaurantId, Map.of("businessDate", businessDate), source -> {
            Map<String, Object> row = Rows.flattenFields(CASH_FLATTEN.get(table), source);
            row.put("restaurant_id", restaurantId);
            operations.upsert(table, Rows.guidToId(row));
        });
    }

    private static Map<String, Object> extract(String table, Map<String, Object> row) {
        Map<String, Object> out = Rows.copy(row);
        for (String[] e : EXTRACT.getOrDefault(table, List.of())) {
            out = Rows.extractField(out, e[0], e[1], e[2]);
        }
        return out;
    }

    private static Map<String, String> params(String k1, String v1, String k2, String v2) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(k1, v1);
        out.put(k2, v2);
        return out;
    }
}
