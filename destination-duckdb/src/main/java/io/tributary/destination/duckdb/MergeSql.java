package io.tributary.destination.duckdb;

import static io.tributary.destination.duckdb.Sql.join;
import static io.tributary.destination.duckdb.Sql.quote;

import io.tributary.runtime.destination.Batch.Op;
import io.tributary.runtime.schema.ColumnSchema;
import io.tributary.runtime.schema.TableSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * The set-based statements that apply one table's staged operations. Staging holds {@code _seq} (emission
 * order), {@code _op} ({@link Op} ordinal), {@code _present} (for updates: '1' at position i when column i is
 * set) and the data columns. Per key, the last upsert is the base, later updates overwrite the columns they
 * set, and a delete after the base marks the row deleted. Keys with only updates or deletes touch existing
 * rows and are otherwise ignored.
 */
final class MergeSql {
    private static final String SEQ = "_seq";
    private static final String OP = "_op";
    private static final String PRESENT = "_present";

    private MergeSql() {
    }

    static String createStaging(String staging, TableSchema table) {
        return "CREATE TEMP TABLE " + staging + " (" + SEQ + " BIGINT, " + OP + " UTINYINT, " + PRESENT + " VARCHAR, "
                + join(table.columns(), c -> quote(c.name()) + " " + Sql.type(c.type())) + ")";
    }

    static String createTarget(String target, TableSchema table) {
        return "CREATE TABLE " + target + " ("
                + join(table.columns(), c -> quote(c.name()) + " " + Sql.type(c.type()) + (c.primaryKey() ? " NOT NULL" : ""))
                + ", " + quote(TableSchema.FIVETRAN_SYNCED) + " TIMESTAMPTZ, "
                + quote(TableSchema.FIVETRAN_DELETED) + " BOOLEAN DEFAULT false, PRIMARY KEY ("
                + join(table.primaryKey(), c -> quote(c.name())) + "))";
    }

    /**
     * Fast path for staging that holds only upserts: the last upsert of each key replaces the row. When the
     * runtime vouches that no key repeats, there is nothing to deduplicate.
     */
    static String upsertOnly(String target, String staging, TableSchema table, String syncedLiteral,
                             boolean keysMayRepeat) {
        List<ColumnSchema> columns = table.columns();
        String latestPerKey = keysMayRepeat ? " QUALIFY row_number() OVER (PARTITION BY "
                + join(table.primaryKey(), c -> quote(c.name())) + " ORDER BY " + SEQ + " DESC) = 1" : "";
        return "INSERT INTO " + target + " (" + join(columns, c -> quote(c.name())) + ", "
                + quote(TableSchema.FIVETRAN_SYNCED) + ", " + quote(TableSchema.FIVETRAN_DELETED) + ") "
                + "SELECT " + join(columns, c -> quote(c.name())) + ", " + syncedLiteral + ", false FROM " + staging
                + latestPerKey + onConflict(table);
    }

    /** The general merge of the operations with {@code from <= _seq < to}. */
    static String merge(String target, String staging, TableSchema table, String syncedLiteral, long from, long to) {
        List<ColumnSchema> keys = table.primaryKey();
        List<ColumnSchema> columns = table.columns();
        String keyList = join(keys, c -> quote(c.name()));
        StringBuilder aggregates = new StringBuilder();
        List<String> values = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            ColumnSchema c = columns.get(i);
            if (c.primaryKey()) {
                values.add("a." + quote(c.name()));
                continue;
            }
            String sets = "s." + SEQ + " >= coalesce(b.__up, -1) AND (s." + OP + " = " + Op.UPSERT.ordinal()
                    + " OR (s." + OP + " = " + Op.UPDATE.ordinal() + " AND substr(s." + PRESENT + ", " + (i + 1)
                    + ", 1) = '1'))";
            aggregates.append(", arg_max_null(s.").append(quote(c.name())).append(", s.").append(SEQ)
                    .append(") FILTER (WHERE ").append(sets).append(") AS __v").append(i)
                    .append(", count(*) FILTER (WHERE ").append(sets).append(") > 0 AS __s").append(i);
            values.add("CASE WHEN a.__s" + i + " THEN a.__v" + i + " WHEN a.__up IS NOT NULL THEN NULL ELSE t."
                    + quote(c.name()) + " END");
        }
        String keyJoin = join(keys, c -> "s." + quote(c.name()) + " = b." + quote(c.name()))
                .replace(", ", " AND ");
        String targetJoin = join(keys, c -> "t." + quote(c.name()) + " = a." + quote(c.name()))
                .replace(", ", " AND ");
        String range = SEQ + " >= " + from + " AND " + SEQ + " < " + to + " AND " + OP + " < " + Op.TRUNCATE.ordinal();
        return "INSERT INTO " + target + " (" + join(columns, c -> quote(c.name())) + ", "
                + quote(TableSchema.FIVETRAN_SYNCED) + ", " + quote(TableSchema.FIVETRAN_DELETED) + ") "
                + "WITH s AS (SELECT * FROM " + staging + " WHERE " + range + "), "
                + "b AS (SELECT " + keyList + ", max(" + SEQ + ") FILTER (WHERE " + OP + " = " + Op.UPSERT.ordinal()
                + ") AS __up FROM s GROUP BY " + keyList + "), "
                + "a AS (SELECT " + join(keys, c -> "s." + quote(c.name())) + ", any_value(b.__up) AS __up, "
                + "bool_or(s." + OP + " = " + Op.DELETE.ordinal() + " AND s." + SEQ + " > coalesce(b.__up, -1)) AS __del"
                + aggregates + " FROM s JOIN b ON " + keyJoin + " GROUP BY " + join(keys, c -> "s." + quote(c.name()))
                + ") "
                + "SELECT " + String.join(", ", values) + ", " + syncedLiteral + ", "
                + "CASE WHEN a.__del THEN true WHEN a.__up IS NOT NULL THEN false ELSE t."
                + quote(TableSchema.FIVETRAN_DELETED) + " END "
                + "FROM a LEFT JOIN " + target + " t ON " + targetJoin
                + " WHERE a.__up IS NOT NULL OR t." + quote(keys.get(0).name()) + " IS NOT NULL"
                + onConflict(table);
    }

    /** Truncate: every row synced so far is soft-deleted; {@code _fivetran_synced} is left as it was. */
    static String truncate(String target) {
        return "UPDATE " + target + " SET " + quote(TableSchema.FIVETRAN_DELETED) + " = true WHERE NOT "
                + quote(TableSchema.FIVETRAN_DELETED);
    }

    private static String onConflict(TableSchema table) {
        List<String> sets = new ArrayList<>();
        for (ColumnSchema c : table.columns()) {
            if (!c.primaryKey()) {
                sets.add(quote(c.name()) + " = excluded." + quote(c.name()));
            }
        }
        sets.add(quote(TableSchema.FIVETRAN_SYNCED) + " = excluded." + quote(TableSchema.FIVETRAN_SYNCED));
        sets.add(quote(TableSchema.FIVETRAN_DELETED) + " = excluded." + quote(TableSchema.FIVETRAN_DELETED));
        return " ON CONFLICT (" + join(table.primaryKey(), c -> quote(c.name())) + ") DO UPDATE SET "
                + String.join(", ", sets);
    }
}
