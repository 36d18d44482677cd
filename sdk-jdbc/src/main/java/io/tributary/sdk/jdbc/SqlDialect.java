package io.tributary.sdk.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The few SQL spellings that differ between databases in the queries {@link TableRead} builds: identifier quotes,
 * whether rows compare as values ({@code (a, b) > (?, ?)}), and how a query is limited to n rows.
 */
public final class SqlDialect {
    /** How a query is cut to its first n rows. */
    public enum Limit {
        /** {@code LIMIT n}: PostgreSQL, H2, MySQL, MariaDB, SQLite, DuckDB. */
        LIMIT,
        /** {@code FETCH FIRST n ROWS ONLY}: SQL:2008; Oracle 12c+, Db2, PostgreSQL, H2. */
        FETCH_FIRST,
        /** {@code OFFSET 0 ROWS FETCH NEXT n ROWS ONLY}: SQL Server 2012+ (FETCH needs OFFSET there). */
        OFFSET_FETCH
    }

    private final String quote;
    private final boolean rowValues;
    private final Limit limit;

    public SqlDialect(String quote, boolean rowValues, Limit limit) {
        this.quote = quote == null || quote.isBlank() ? "" : quote.strip();
        this.rowValues = rowValues;
        this.limit = limit;
    }

    /**
     * The dialect of the connected database. Row values are used where the database is known to compare them
     * (PostgreSQL, H2, MySQL, MariaDB, SQLite, DuckDB); elsewhere the comparison is spelled out with OR, which any
     * database runs, though it may use an index less well.
     */
    public static SqlDialect of(Connection connection) {
        try {
            DatabaseMetaData md = connection.getMetaData();
            String product = md.getDatabaseProductName().toLowerCase(Locale.ROOT);
            String quote = md.getIdentifierQuoteString();
            if (product.contains("postgres") || product.equals("h2") || product.contains("mysql")
                    || product.contains("mariadb") || product.contains("sqlite") || product.contains("duckdb")) {
                return new SqlDialect(quote, true, Limit.LIMIT);
            }
            if (product.contains("sql server")) {
                return new SqlDialect(quote, false, Limit.OFFSET_FETCH);
            }
            return new SqlDialect(quote, false, Limit.FETCH_FIRST);
        } catch (SQLException e) {
            throw new JdbcSourceException("cannot read the source database's metadata: " + e.getMessage(), e);
        }
    }

    /** The same dialect, comparing rows as values or spelled out with OR. */
    public SqlDialect withRowValues(boolean useRowValues) {
        return new SqlDialect(quote, useRowValues, limit);
    }

    public boolean rowValues() {
        return rowValues;
    }

    /** An identifier in the database's quotes, so names keep their case and may be reserved words. */
    public String quote(String identifier) {
        if (quote.isEmpty()) {
            return identifier;
        }
        return quote + identifier.replace(quote, quote + quote) + quote;
    }

    /** The clause that ends an ordered query to keep its first {@code rows} rows. */
    public String limit(int rows) {
        return switch (limit) {
            case LIMIT -> " LIMIT " + rows;
            case FETCH_FIRST -> " FETCH FIRST " + rows + " ROWS ONLY";
            case OFFSET_FETCH -> " OFFSET 0 ROWS FETCH NEXT " + rows + " ROWS ONLY";
        };
    }

    @Override
    public String toString() {
        return "SqlDialect[quote=" + quote + ", rowValues=" + rowValues + ", limit=" + limit + "]";
    }
}
