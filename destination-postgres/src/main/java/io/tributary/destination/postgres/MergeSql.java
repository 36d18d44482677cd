package io.tributary.destination.postgres;

import static io.tributary.destination.postgres.Sql.join;
import static io.tributary.destination.postgres.Sql.keysEqual;
import static io.tributary.destination.postgres.Sql.quote;

import io.tributary.runtime.destination.Batch.Op;
import io.tributary.runtime.schema.ColumnSchema;
import io.tributary.runtime.schema.TableSchema;
import java.util.ArrayList;
import java.util.List;

/**
 * The set-based statements that apply one table's staged operations, with DuckDB's semantics (docs/architecture.md,
 * "Merge semantics"). Staging holds {@code _seq} (emission order), {@code _op} ({@link Op} ordinal), {@code _present}
 * (for updates: '1' at position i when column i is set) and the data columns. Per key, the last upsert is the base,
 * later updates overwrite the columns they set, and a delete after the base marks the row deleted. Keys with only
 * updates or deletes touch existing rows and are otherwise ignored.
 */
final class MergeSql {
    static final String SEQ = "_seq";
    static final String OP = "_op";
    static final String PRESENT = "_present";
    private static final String SYNCED = quote(TableSchema.FIVETRAN_SYNCED);
    private static final String DELETED = quote(TableSchema.FIVETRAN_DELETED);

    private MergeSql() {
    }

    /** Dropped by PostgreSQL when the transaction ends, committed or not. */
    static String createStaging(String staging, TableSchema table) {
        return "CREATE TEMP TABLE " + staging + " (" + SEQ + " bigint NOT NULL, " + OP + " smallint NOT NULL, "
                + PRESENT + " text, " + join(table.columns(), c -> quote(c.name()) + " " + Sql.type(c.type()))
                + ") ON COMMIT DROP";
    }

    static String createTarget(String target, TableSchema table) {
        return "CREATE TABLE " + target + " ("
                + join(table.columns(), c -> quote(c.name()) + " " + Sql.type(c.type()) + (c.primaryKey() ? " NOT NULL" : ""))
                + ", " + SYNCED + " timestamptz, " + DELETED + " boolean DEFAULT false, PRIMARY KEY ("
                + join(table.primaryKey(), c -> quote(c.name())) + "))";
    }

    /**
     * Fast path for staging that holds only upserts: the last upsert of each key replaces the row. When the runtime
     * vouches that no key repeats, there is nothing to deduplicate.
     */
    static String upsertOnly(String target, String staging, TableSchema table, String synced, boolean keysMayRepeat) {
        String keys = join(table.primaryKey(), c -> quote(c.name()));
        String columns = join(table.columns(), c -> quote(c.name()));
        return "INSERT INTO " + target + " (" + columns + ", " + SYNCED + ", " + DELETED + ") SELECT "
                + (keysMayRepeat ? "DISTINCT ON (" + keys + ") " : "") + columns + ", " + synced + ", false FROM "
                + staging + (keysMayRepeat ? " ORDER BY " + keys + ", " + SEQ + " DESC" : "") + onConflict(table);
    }

    /**
     * The general merge of the operations with {@code from <= _seq < to}: {@code base} is each key's last upsert,
     * {@code later} folds the updates and deletes after it (per column, the last update that sets it), {@code a}
     * joins the two, and the target row, if any, supplies what neither touched.
     */
    static String merge(String target, String staging, TableSchema table, String synced, long from, long to) {
        List<ColumnSchema> keys = table.primaryKey();
        List<ColumnSchema> columns = table.columns();
        String keyList = join(keys, c -> quote(c.name()));
        StringBuilder later = new StringBuilder();
        StringBuilder joined = new StringBuilder();
        List<String> values = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            ColumnSchema c = columns.get(i);
            String name = quote(c.name());
            if (c.primaryKey()) {
                values.add("a." + name);
                continue;
            }
            String sets = "s." + OP + " = " + Op.UPDATE.ordinal() + " AND substr(s." + PRESENT + ", " + (i + 1)
                    + ", 1) = '1'";
            later.append(", bool_or(").append(sets).append(") AS __s").append(i)
                    .append(", (array_agg(s.").append(name).append(" ORDER BY s.").append(SEQ)
                    .append(" DESC) FILTER (WHERE ").append(sets).append("))[1] AS __v").append(i);
            joined.append(", CASE WHEN l.__s").append(i).append(" THEN l.__v").append(i).append(" ELSE b.")
                    .append(name).append(" END AS __v").append(i).append(", b.").append(SEQ)
                    .append(" IS NOT NULL OR coalesce(l.__s").append(i).append(", false) AS __s").append(i);
            values.add("CASE WHEN a.__s" + i + " THEN a.__v" + i + " ELSE t." + name + " END");
        }
        String range = SEQ + " >= " + from + " AND " + SEQ + " < " + to + " AND " + OP + " < " + Op.TRUNCATE.ordinal();
        return "WITH s AS (SELECT * FROM " + staging + " WHERE " + range + "), "
                + "b AS (SELECT DISTINCT ON (" + keyList + ") * FROM s WHERE " + OP + " = " + Op.UPSERT.ordinal()
                + " ORDER BY " + keyList + ", " + SEQ + " DESC), "
                + "l AS (SELECT " + join(keys, c -> "s." + quote(c.name())) + ", bool_or(s." + OP + " = "
                + Op.DELETE.ordinal() + ") AS __del" + later + " FROM s LEFT JOIN b ON " + keysEqual(keys, "s", "b")
                + " WHERE s." + OP + " <> " + Op.UPSERT.ordinal() + " AND (b." + SEQ + " IS NULL OR s." + SEQ
                + " > b." + SEQ + ") GROUP BY " + join(keys, c -> "s." + quote(c.name())) + "), "
                + "a AS (SELECT " + join(keys, c -> "coalesce(b." + quote(c.name()) + ", l." + quote(c.name()) + ") AS "
                + quote(c.name())) + ", b." + SEQ + " IS NOT NULL AS __up, coalesce(l.__del, false) AS __del" + joined
                + " FROM b FULL JOIN l ON " + keysEqual(keys, "b", "l") + ") "
                + "INSERT INTO " + target + " (" + join(columns, c -> quote(c.name())) + ", " + SYNCED + ", " + DELETED
                + ") SELECT " + String.join(", ", values) + ", " + synced + ", "
                + "CASE WHEN a.__del THEN true WHEN a.__up THEN false ELSE t." + DELETED + " END "
                + "FROM a LEFT JOIN " + target + " t ON " + keysEqual(keys, "t", "a")
                + " WHERE a.__up OR t." + quote(keys.get(0).name()) + " IS NOT NULL" + onConflict(table);
    }

    /** Truncate: every row synced so far is soft-deleted; {@code _fivetran_synced} is left as it was. */
    static String truncate(String target) {
        return "UPDATE " + target + " SET " + DELETED + " = true WHERE NOT " + DELETED;
    }

    private static String onConflict(TableSchema table) {
        List<String> sets = new ArrayList<>();
        for (ColumnSchema c : table.columns()) {
            if (!c.primaryKey()) {
                sets.add(quote(c.name()) + " = excluded." + quote(c.name()));
            }
        }
        sets.add(SYNCED + " = excluded." + SYNCED);
        sets.add(DELETED + " = excluded." + DELETED);
        return " ON CONFLICT (" + join(table.primaryKey(), c -> quote(c.name())) + ") DO UPDATE SET "
                + String.join(", ", sets);
    }
}
