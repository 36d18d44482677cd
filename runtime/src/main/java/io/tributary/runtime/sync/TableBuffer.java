package io.tributary.runtime.sync;

import io.tributary.runtime.destination.Batch;
import io.tributary.runtime.schema.TableSchema;

/** Operations on one table since its last flush, column-major, all laid out by one schema. Not thread-safe. */
final class TableBuffer {
    private static final int INITIAL_ROWS = 256;

    private TableSchema schema;
    private Object[][] values;
    private byte[] ops;
    private long[] sequence;
    private int size;
    private long bytes;

    TableBuffer(TableSchema schema) {
        reset(schema);
    }

    TableSchema schema() {
        return schema;
    }

    int size() {
        return size;
    }

    long bytes() {
        return bytes;
    }

    void append(Batch.Op op, long seq, Object[] row, long rowBytes) {
        if (size == ops.length) {
            grow();
        }
        for (int c = 0; c < row.length; c++) {
            values[c][size] = row[c];
        }
        ops[size] = (byte) op.ordinal();
        sequence[size] = seq;
        size++;
        bytes += rowBytes;
    }

    /** Hands the rows over as a batch and starts an empty buffer laid out by {@code next}. */
    Batch drain(TableSchema next, boolean keysMayRepeat) {
        Batch batch = new Batch(schema, values, ops, sequence, size, bytes, keysMayRepeat);
        reset(next);
        return batch;
    }

    private void reset(TableSchema next) {
        schema = next;
        values = new Object[next.columns().size()][INITIAL_ROWS];
        ops = new byte[INITIAL_ROWS];
        sequence = new long[INITIAL_ROWS];
        size = 0;
        bytes = 0;
    }

    private void grow() {
        int capacity = ops.length * 2;
        for (int c = 0; c < values.length; c++) {
            values[c] = java.util.Arrays.copyOf(values[c], capacity);
        }
        ops = java.util.Arrays.copyOf(ops, capacity);
        sequence = java.util.Arrays.copyOf(sequence, capacity);
    }
}
