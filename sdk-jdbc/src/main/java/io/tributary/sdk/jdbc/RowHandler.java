package io.tributary.sdk.jdbc;

/** What a {@link TableRead} does with each row, in order. An exception stops the read and is rethrown as it is. */
@FunctionalInterface
public interface RowHandler {
    void accept(SourceRow row) throws Exception;
}
