package io.tributary.examples.toast;

import io.tributary.sdk.DataType;
import io.tributary.sdk.Table;
import java.util.List;

/** The original's schema: every table, its primary key, and the columns whose types it fixes. */
final class ToastTables {
    private static final DataType TS = DataType.UTC_DATETIME;
    private static final DataType BOOL = DataType.BOOLEAN;

    private ToastTables() {
    }

    static List<Table> all() {
        return List.of(
                Table.named("restaurant").primaryKey("id"),
                // labor
                Table.named("job").primaryKey("id").column("createdDate", TS).column("deletedDate", TS)
                        .column("modifiedDate", TS).column("deleted", BOOL).column("excludeFromReporting", BOOL)
                        .column("tipped", BOOL),
                Table.named("shift").primaryKey("id").column("createdDate", TS).column("inDate", TS)
                        .column("modifiedDate", TS).column("outDate", TS).column("deleted", BOOL),
                Table.named("employee").primaryKey("id").column("createdDate", TS).column("deletedDate", TS)
                        .column("modifiedDate", TS).column("deleted", BOOL),
                Table.named("employee_job_reference").primaryKey("id", "employee_id"),
                Table.named("employee_wage_override").primaryKey("id", "employee_id"),
                Table.named("time_entry").primaryKey("id").column("createdDate", TS).column("deletedDate", TS)
                        .column("inDate", TS).column("modifiedDate", TS).column("outDate", TS)
                        .column("autoClockedOut", BOOL).column("deleted", BOOL),
                Table.named("break").primaryKey("id").column("inDate", TS).column("outDate", TS)
                        .column("auditResponse", BOOL).column("missed", BOOL),
                // cash
                Table.named("cash_deposit").primaryKey("id").column("date", TS),
                Table.named("cash_entry").primaryKey("id").column("date", TS),
                // configuration
                Table.named("alternate_payment_types").primaryKey("id"),
                Table.named("dining_option").primaryKey("id").column("curbside", BOOL),
                Table.named("discounts").primaryKey("id").column("active", BOOL).column("nonExclusive", BOOL),
                Table.named("menu").primaryKey("id"),
                Table.named("menu_group").primaryKey("id"),
                Table.named("menu_item").primaryKey("id").column("inheritOptionGroups", BOOL)
                        .column("inheritUnitOfMeasure", BOOL),
                Table.named("restaurant_service").primaryKey("id"),
                Table.named("revenue_center").primaryKey("id"),
                Table.named("sale_category").primaryKey("id"),
                Table.named("service_area").primaryKey("id"),
                Table.named("tables").primaryKey("id"),
                // orders
                Table.named("orders").primaryKey("id").column("closedDate", TS).column("createdDate", TS)
                        .column("deletedDate", TS).column("estimatedFulfillmentDate", TS).column("modifiedDate", TS)
                        .column("openedDate", TS).column("paidDate", TS).column("promisedDate", TS)
                        .column("voidDate", TS).column("createdInTestMode", BOOL).column("deleted", BOOL)
                        .column("excessFood", BOOL).column("voided", BOOL),
                Table.named("orders_check").primaryKey("id").column("closedDate", TS).column("createdDate", TS)
                        .column("deletedDate", TS).column("modifiedDate", TS).column("openedDate", TS)
                        .column("paidDate", TS).column("voidDate", TS).column("deleted", BOOL)
                        .column("taxExempt", BOOL).column("voided", BOOL),
                Table.named("orders_check_applied_discount").primaryKey("id"),
                Table.named("orders_check_applied_discount_combo_item").primaryKey("id"),
                Table.named("orders_check_applied_discount_trigger").primaryKey("orders_check_applied_discount_id"),
                Table.named("orders_check_applied_service_charge").primaryKey("id", "orders_check_id")
                        .column("delivery", BOOL).column("dineIn", BOOL).column("gratuity", BOOL)
                        .column("takeout", BOOL).column("taxable", BOOL),
                Table.named("orders_check_payment").primaryKey("orders_check_id", "payment_id", "orders_guid"),
                Table.named("orders_check_selection").primaryKey("id", "orders_check_id").column("createdDate", TS)
                        .column("modifiedDate", TS).column("voidDate", TS).column("deferred", BOOL)
                        .column("voided", BOOL),
                Table.named("orders_check_selection_applied_discount").primaryKey("id"),
                Table.named("orders_check_selection_applied_discount_trigger")
                        .primaryKey("orders_check_selection_applied_discount_id"),
                Table.named("orders_check_selection_applied_tax").primaryKey("id", "orders_check_selection_id"),
                Table.named("orders_check_selection_modifier").primaryKey("id", "orders_check_selection_id")
                        .column("createdDate", TS).column("modifiedDate", TS).column("voidDate", TS)
                        .column("deferred", BOOL),
                Table.named("orders_pricing_feature").primaryKey("orders_id"),
                Table.named("payment").primaryKey("id").column("paidDate", TS).column("refundDate", TS)
                        .column("void_info_date", TS));
    }
}
