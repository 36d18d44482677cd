package io.tributary.sdk.http;

import io.tributary.sdk.ConnectorException;

/** A paginator cannot go on safely: a repeating cursor, next URL or scroll token, a page that repeats, or records that are not an array. */
public class PaginationException extends ConnectorException {
    public PaginationException(String message) {
        super(message);
    }
}
