package io.tributary.sdk;

/**
 * The operations a connector emits. Every method is thread-safe; operations from one thread keep their order.
 *
 * <p>A row is a {@code Map<String, ?>}, or any Java record or bean, whose components or properties become
 * columns. Names are normalised by the naming rules of the sync ({@code userId} becomes {@code user_id}).
 * Invalid input (unknown or empty table, missing primary key, a value that cannot become its declared type)
 * throws {@link ConnectorException} naming the table, column and value.
 */
public interface Operations {

    /** Inserts the row, or replaces the whole row that has its primary key. Revives a soft-deleted row. */
    void upsert(String table, Object row);

    /** Changes only the columns present in {@code row}, which must carry the primary key. */
    void update(String table, Object row);

    /** Soft-deletes the row with these primary-key values: it is kept, with {@code _fivetran_deleted = true}. */
    void delete(String table, Object keys);

    /** Soft-deletes every row of the table that was synced before this call. Later rows are unaffected. */
    void truncate(String table);

    /**
     * Commits everything emitted so far together with {@code state}, and blocks until both are durable. The
     * state is a {@link State}, a {@code Map}, or any object that serialises to a JSON object.
     */
    void checkpoint(Object state);

    /**
     * Fails the sync with {@code message}. Always throws; the return type lets callers write
     * {@code throw operations.error(...)}.
     */
    RuntimeException error(String message);

    /** Reports a warning; the sync goes on. */
    void warning(String message);
}
