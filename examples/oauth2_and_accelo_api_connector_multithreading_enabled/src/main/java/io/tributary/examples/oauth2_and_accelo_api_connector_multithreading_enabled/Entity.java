package io.tributary.examples.oauth2_and_accelo_api_connector_multithreading_enabled;

import io.tributary.sdk.DataType;
import io.tributary.sdk.Table;
import java.util.ArrayList;
import java.util.List;

/**
 * One Accelo entity as the original syncs it: its table (also the API path), the state key of its cursor, the
 * field the cursor follows, the fields it keeps, and which of them are converted to numbers, dates or booleans.
 */
record Entity(String table, String stateKey, String dateField, List<String> fields, List<String> intFields,
              List<String> floatFields, List<String> dateFields, List<String> booleanFields) {

    static final List<Entity> ALL = List.of(
            new Entity("companies", "last_company_sync", "date_modified",
                    List.of("id", "name", "website", "phone", "date_created", "date_modified", "date_last_interacted",
                            "comments", "standing", "status", "postal_address", "default_affiliation"),
                    List.of("id", "status", "postal_address", "default_affiliation"),
                    List.of(),
                    List.of("date_created", "date_modified", "date_last_interacted"),
                    List.of()),
            new Entity("invoices", "last_invoice_sync", "date_modified",
                    List.of("id", "subject", "amount", "against_type", "against_id", "notes", "invoice_number",
                            "currency_id", "owner_id", "tax", "outstanding", "modified_by", "date_raised", "date_due",
                            "date_modified"),
                    List.of("id", "against_id", "invoice_number", "currency_id", "owner_id", "modified_by"),
                    List.of("amount", "tax", "outstanding"),
                    List.of("date_raised", "date_due", "date_modified"),
                    List.of()),
            new Entity("payments", "last_payment_sync", "date_created",
                    List.of("id", "receipt_id", "amount", "currency_id", "method_id", "against_id", "against_type",
                            "date_created", "created_by_staff_id", "direction", "payment_currency", "payment_method",
                            "payment_receipt"),
                    List.of("id", "receipt_id", "currency_id", "method_id", "against_id", "created_by_staff_id",
                            "payment_currency", "payment_method", "payment_receipt"),
                    List.of("amount"),
                    List.of("date_created"),
                    List.of()),
            new Entity("prospects", "last_prospect_sync", "date_modified",
                    List.of("id", "title", "date_created", "date_actioned", "date_due", "date_last_interacted",
                            "date_modified", "weighting", "value", "success", "comments", "progress", "value_weighted",
                            "won_by_id", "cancelled_by_id", "abandoned_by_id", "contact", "manager", "prospect_type",
                            "status", "standing", "prospect_probability", "affiliation"),
                    List.of("id", "weighting", "value_weighted", "won_by_id", "cancelled_by_id", "abandoned_by_id",
                            "contact", "manager", "prospect_type", "status", "prospect_probability", "affiliation"),
                    List.of("value", "progress"),
                    List.of("date_created", "date_actioned", "date_due", "date_last_interacted", "date_modified"),
                    List.of("success")),
            new Entity("jobs", "last_job_sync", "date_modified",
                    List.of("id", "title", "status", "standing", "date_created", "date_started", "date_due",
                            "date_completed", "date_modified", "manager", "company", "contact", "description", "value"),
                    List.of("id", "status", "manager", "company", "contact"),
                    List.of("value"),
                    List.of("date_created", "date_started", "date_due", "date_completed", "date_modified"),
                    List.of()),
            new Entity("staff", "last_staff_sync", "date_modified",
                    List.of("id", "firstname", "surname", "email", "position", "title", "date_created",
                            "date_modified", "status"),
                    List.of("id", "status"),
                    List.of(),
                    List.of("date_created", "date_modified"),
                    List.of()));

    /** The {@code _fields} parameter: the kept fields and the cursor field. */
    String fieldsParameter() {
        List<String> all = new ArrayList<>(fields);
        all.add(dateField);
        return String.join(",", all);
    }

    /** The original's schema: key {@code id}; INT, FLOAT, UTC_DATETIME and BOOLEAN as converted, the rest STRING. */
    Table declaration() {
        Table t = Table.named(table).primaryKey("id");
        for (String field : fields) {
            t.column(field, intFields.contains(field) ? DataType.INT : floatFields.contains(field) ? DataType.FLOAT
                    : dateFields.contains(field) ? DataType.UTC_DATETIME
                    : booleanFields.contains(field) ? DataType.BOOLEAN : DataType.STRING);
        }
        return t;
    }
}
