package io.tributary.examples.toast;

import io.tributary.sdk.Operations;
import java.util.List;
import java.util.Map;

/**
 * An order from {@code ordersBulk} and everything nested in it: checks and their children, payments, pricing
 * features. Deleted orders (and checks) are upserted with their last values, then deleted.
 */
final class OrderRows {
    private static final List<String> ORDER_FLATTEN = List.of("server", "createdDevice", "lastModifiedDevice");
    private static final List<String> ORDER_REFERENCES = List.of("diningOption", "table", "serviceArea", "revenueCenter");
    private static final List<String> PAYMENT_FLATTEN = List.of("cashDrawer", "createdDevice", "lastModifiedDevice",
            "otherPayment", "refund", "server");
    private final Operations operations;
    private final ChildRows children;

    OrderRows(Operations operations) {
        this.operations = operations;
        this.children = new ChildRows(operations);
    }

    void process(Map<String, Object> source, String restaurantId) {
        Map<String, Object> order = Rows.copy(source);
        order.put("restaurant_id", restaurantId);
        processPayments(order);
        processPricingFeatures(order);
        order.remove("pricingFeatures");
        order = Rows.flattenFields(ORDER_FLATTEN, order);
        for (String field : ORDER_REFERENCES) {
            Map<String, Object> ref = Rows.asMap(order.get(field));
            if (ref != null && ref.containsKey("guid")) {
                order.put(field + "_guid", ref.get("guid"));
                order.remove(field);
            }
        }
        order.remove("checks");
        order = Rows.guidToId(Rows.stringifyLists(order));
        operations.upsert("orders", order);
        if (Rows.isTrue(order.get("deleted")) && order.containsKey("id")) {
            operations.delete("orders", Rows.of("id", order.get("id")));
        }
    }

    /** Checks (with their children), then each payment and its link to check and order. */
    private void processPayments(Map<String, Object> order) {
        List<Map<String, Object>> checks = Rows.asList(order.get("checks"));
        if (checks.isEmpty()) {
            return;
        }
        children.process(checks, "orders_check", "orders_id", order.get("guid"));
        for (Map<String, Object> check : checks) {
            for (Map<String, Object> source : Rows.asList(check.get("payments"))) {
                operations.upsert("orders_check_payment", Rows.of("orders_check_id", check.get("guid"),
                        "payment_id", source.get("guid"), "orders_guid", order.get("guid")));
                Map<String, Object> payment = Rows.flattenFields(PAYMENT_FLATTEN, source);
                payment.put("restaurant_id", order.get("restaurant_id"));
                payment = voidInfo(payment);
                operations.upsert("payment", Rows.guidToId(payment));
            }
        }
    }

    /** One row per pricing feature; the key is the order alone, as in the original, so the last one stays. */
    private void processPricingFeatures(Map<String, Object> order) {
        Object features = order.get("pricingFeatures");
        if (features instanceof List<?> list) {
            for (Object feature : list) {
                operations.upsert("orders_pricing_feature", Rows.of("orders_id", order.get("guid"),
                        "pricing_feature", feature));
            }
        }
    }

    /** The nested {@code voidInfo} as {@code void_info_*} columns. */
    private static Map<String, Object> voidInfo(Map<String, Object> payment) {
        Map<String, Object> info = Rows.asMap(payment.get("voidInfo"));
        if (info == null || info.isEmpty()) {
            return payment;
        }
        Map<String, Object> out = Rows.copy(payment);
        Map<String, Object> approver = Rows.asMap(info.get("voidApprover"));
        out.put("void_info_approver_guid", approver == null ? null : approver.get("guid"));
        out.put("void_info_business_date", info.get("voidBusinessDate"));
        out.put("void_info_date", info.get("voidDate"));
        Map<String, Object> user = Rows.asMap(info.get("voidUser"));
        if (user != null) {
            out.put("void_info_user_guid", user.get("guid"));
        }
        Map<String, Object> reason = Rows.asMap(info.get("voidReason"));
        if (reason != null) {
            out.put("void_info_reason_entity_type", reason.get("entityType"));
            out.put("void_info_reason_guid", reason.get("guid"));
        }
        out.remove("voidInfo");
        return out;
    }
}
