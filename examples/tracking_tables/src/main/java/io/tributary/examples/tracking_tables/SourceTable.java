package io.tributary.examples.tracking_tables;

import io.tributary.sdk.DataType;
import io.tributary.sdk.Table;
import io.tributary.sdk.http.HttpApi;
import io.tributary.sdk.http.Page;
import io.tributary.sdk.http.Paginator;
import java.util.Arrays;
import java.util.Optional;

/** The tables this connector can sync: where each comes from, and how to ask for the records updated after a time. */
enum SourceTable {
    /** {@code /incremental/timestamp?since=}: pages of 100, the next page after the last record's update time. */
    USERS("users", "id") {
        @Override
        Iterable<Page> pagesAfter(HttpApi api, String cursor) {
            return Paginator.cursor(api.get("incremental/timestamp").query("since", cursor), "since")
                    .cursorFromLastRecord("/updatedAt")
                    .records("/data")
                    .build();
        }
    },
    /** {@code /cursors/companies?updated_since=}: every company updated since, in one answer. */
    COMPANIES("companies", "company_id") {
        @Override
        Iterable<Page> pagesAfter(HttpApi api, String cursor) {
            return Paginator.cursor(api.get("cursors/companies").query("updated_since", cursor)
                            .query("order_by", "updatedAt").query("order_type", "asc"), "updated_since")
                    .cursorFromLastRecord("/updatedAt")
                    .records("/data")
                    .build();
        }
    };

    private final String tableName;
    private final String key;

    SourceTable(String tableName, String key) {
        this.tableName = tableName;
        this.key = key;
    }

    String tableName() {
        return tableName;
    }

    Table declaration() {
        return Table.named(tableName).primaryKey(key)
                .column("createdAt", DataType.UTC_DATETIME)
                .column("updatedAt", DataType.UTC_DATETIME);
    }

    /** The records updated after {@code cursor}, oldest update first, page by page; an empty page ends them. */
    abstract Iterable<Page> pagesAfter(HttpApi api, String cursor);

    static Optional<SourceTable> named(String name) {
        return Arrays.stream(values()).filter(t -> t.tableName.equalsIgnoreCase(name.trim())).findFirst();
    }

    static String names() {
        return String.join(", ", Arrays.stream(values()).map(SourceTable::tableName).toList());
    }
}
