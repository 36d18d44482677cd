package io.tributary.runtime.destination;

/**
 * What a destination has staged for one table in the open transaction: which operations, so it can pick the
 * merge that needs (upserts alone have the cheap one), and how many rows.
 */
public final class StagedTable {
    private final String name;
    private boolean onlyUpserts = true;
    private boolean truncates;
    private boolean keysMayRepeat;
    private long rows;

    /** {@code name}: the staging table's own name, unqualified and unquoted. */
    public StagedTable(String name) {
        this.name = name;
    }

    /** Records a batch written to the staging table. */
    public void add(Batch batch) {
        for (int r = 0; r < batch.size(); r++) {
            Batch.Op op = batch.op(r);
            onlyUpserts &= op == Batch.Op.UPSERT;
            truncates |= op == Batch.Op.TRUNCATE;
        }
        keysMayRepeat |= batch.keysMayRepeat();
        rows += batch.size();
    }

    public String name() {
        return name;
    }

    public boolean onlyUpserts() {
        return onlyUpserts;
    }

    public boolean truncates() {
        return truncates;
    }

    /** Whether a primary key may occur more than once among the staged rows. */
    public boolean keysMayRepeat() {
        return keysMayRepeat;
    }

    public long rows() {
        return rows;
    }
}
