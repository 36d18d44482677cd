package io.tributary.examples.toast;

import io.tributary.sdk.Operations;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The original's {@code process_child}: a list nested in a record becomes a child table whose rows carry the
 * parent's id, recursively (checks, their selections, discounts, taxes...; an employee's job references).
 */
final class ChildRows {
    /** Child lists that get their own tables: table, then (field, child table) pairs. */
    private static final Map<String, List<String[]>> RELATIONSHIPS = Map.of(
            "orders_check", List.of(
                    new String[] {"selections", "orders_check_selection"},
                    new String[] {"appliedDiscounts", "orders_check_applied_discount"},
                    new String[] {"appliedServiceCharges", "orders_check_applied_service_charge"}),
            "orders_check_applied_discount", List.of(
                    new String[] {"comboItems", "orders_check_applied_discount_combo_item"},
                    new String[] {"triggers", "orders_check_applied_discount_trigger"}),
            "orders_check_applied_service_charge", List.<String[]>of(
                    new String[] {"appliedTax", "orders_check_applied_service_charge_applied_tax"}),
            "orders_check_selection", List.of(
                    new String[] {"appliedTaxes", "orders_check_selection_applied_tax"},
                    new String[] {"modifiers", "orders_check_selection_modifier"},
                    new String[] {"appliedDiscounts", "orders_check_selection_applied_discount"}),
            "orders_check_selection_applied_discount", List.of(
                    new String[] {"comboItems", "orders_check_selection_applied_discount_combo_item"},
                    new String[] {"triggers", "orders_check_selection_applied_discount_trigger"}));

    /** Nested objects flattened into prefixed columns, per table. */
    private static final Map<String, List<String>> FLATTEN = Map.ofEntries(
            Map.entry("break", List.of("breakType")),
            Map.entry("employee_wage_override", List.of("jobReference")),
            Map.entry("orders_check", List.of("customer", "createdDevice", "lastModifiedDevice")),
            Map.entry("orders_check_applied_discount", List.of("approver", "appliedDiscountReason", "discount")),
            Map.entry("orders_check_applied_discount_trigger", List.of("selection")),
            Map.entry("orders_check_applied_service_charge", List.of("serviceCharge")),
            Map.entry("orders_check_selection", List.of("salesCategory", "itemGroup", "item", "diningOption",
                    "refundDetails", "voidReason")),
            Map.entry("orders_check_selection_applied_discount", List.of("approver", "appliedDiscountReason",
                    "discount")),
            Map.entry("orders_check_selection_applied_tax", List.of("taxRate")),
            Map.entry("orders_check_selection_modifier", List.of("diningOption", "item", "itemGroup", "optionGroup",
                    "salesCategory", "preModifier", "voidReason")),
            Map.entry("orders_check_selection_applied_discount_trigger", List.of("selection")));

    private final Operations operations;

    ChildRows(Operations operations) {
        this.operations = operations;
    }

    void process(List<Map<String, Object>> records, String table, String parentIdField, Object parentId) {
        for (Map<String, Object> source : records) {
            Map<String, Object> row = Rows.copy(source);
            row.put(parentIdField, parentId);
            for (String[] child : RELATIONSHIPS.getOrDefault(table, List.of())) {
                List<Map<String, Object>> nested = Rows.asList(row.get(child[0]));
                if (!nested.isEmpty()) {
                    process(nested, child[1], table + "_id", row.get("guid"));
                }
                row.remove(child[0]);
            }
            if (FLATTEN.containsKey(table)) {
                row = Rows.flattenFields(FLATTEN.get(table), row);
            }
            if (table.equals("orders_check_selection_applied_tax") && row.get("guid") == null && row.get("id") == null) {
                row.put("guid", "gen-" + md5(generatedTaxKey(row)));
            }
            if (table.equals("orders_check")) {
                row.remove("payments"); // payments get their own tables, from the order
            }
            row = Rows.guidToId(Rows.stringifyLists(row));
            operations.upsert(table, row);
            if (Rows.isTrue(row.get("deleted")) && row.containsKey("id")) {
                operations.delete(table, Rows.of("id", row.get("id")));
            }
        }
    }

    /** Applied taxes may come without a guid: a stable one from the selection, tax rate, name and rate. */
    private static String generatedTaxKey(Map<String, Object> row) {
        return text(row.get("orders_check_selection_id")) + "_" + text(row.get("taxRate_id")) + "_"
                + text(row.get("name")) + "_" + text(row.get("rate"));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has MD5", e);
        }
    }
}
