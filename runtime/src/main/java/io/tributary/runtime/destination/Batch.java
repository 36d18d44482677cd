package io.tributary.runtime.destination;

import io.tributary.runtime.schema.TableSchema;

/**
 * Operations on one table, in emission order, laid out by one schema. Column-major: {@code values[c][r]} is
 * column {@code c} of row {@code r}, a canonical value, {@code null}, or {@link #UNSET} for a column that an
 * update or delete does not touch.
 */
public final class Batch {
    /** Marks a cell the operation leaves unchanged. */
    public static final Object UNSET = new Object() {
        @Override
        public String toString() {
            return "UNSET";
        }
    };

    public enum Op {
        UPSERT, UPDATE, DELETE, TRUNCATE;

        private static final Op[] VALUES = values();

        public static Op of(int ordinal) {
            return VALUES[ordinal];
        }
    }

    private final TableSchema table;
    private final Object[][] values;
    private final byte[] ops;
    private final long[] sequence;
    private final int size;
    private final long bytes;
    private final boolean keysMayRepeat;

    public Batch(TableSchema table, Object[][] values, byte[] ops, long[] sequence, int size, long bytes,
                 boolean keysMayRepeat) {
        this.table = table;
        this.values = values;
        this.ops = ops;
        this.sequence = sequence;
        this.size = size;
        this.bytes = bytes;
        this.keysMayRepeat = keysMayRepeat;
    }

    /**
     * False when no upserted key of this batch repeats one upserted before it since the last commit, this
     * batch included; a destination may then merge without deduplicating. True when unknown.
     */
    public boolean keysMayRepeat() {
        return keysMayRepeat;
    }

    public TableSchema table() {
        return table;
    }

    public int size() {
        return size;
    }

    /** An estimate of the heap the batch holds. */
    public long bytes() {
        return bytes;
    }

    public Op op(int row) {
        return Op.of(ops[row]);
    }

    /** The sync-wide position of the operation: later operations win. */
    public long sequence(int row) {
        return sequence[row];
    }

    public Object value(int column, int row) {
        return values[column][row];
    }

    /** Column {@code c}'s cells; only the first {@link #size()} are meaningful. */
    public Object[] column(int c) {
        return values[c];
    }
}
