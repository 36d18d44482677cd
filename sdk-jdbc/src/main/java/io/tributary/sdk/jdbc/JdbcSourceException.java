package io.tributary.sdk.jdbc;

import io.tributary.sdk.ConnectorException;

/**
 * A source database problem the connector cannot work around: a failed login, an unknown table or column, a table
 * without the key a read needs, a query that failed. The message names the table or column and says what to do.
 */
public class JdbcSourceException extends ConnectorException {
    public JdbcSourceException(String message) {
        super(message);
    }

    public JdbcSourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
