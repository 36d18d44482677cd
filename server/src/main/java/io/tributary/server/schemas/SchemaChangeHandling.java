package io.tributary.server.schemas;

/** How a capture of the source's schema treats schemas, tables and columns the config does not know yet. */
public enum SchemaChangeHandling {
    /** New schemas, tables and columns are synced. */
    ALLOW_ALL(true, true),
    /** New schemas and tables are excluded, new columns are synced. */
    ALLOW_COLUMNS(false, true),
    /** Everything new is excluded. */
    BLOCK_ALL(false, false);

    private final boolean enablesNewTables;
    private final boolean enablesNewColumns;

    SchemaChangeHandling(boolean enablesNewTables, boolean enablesNewColumns) {
        this.enablesNewTables = enablesNewTables;
        this.enablesNewColumns = enablesNewColumns;
    }

    /** Whether a new schema or table starts enabled. */
    public boolean enablesNewTables() {
        return enablesNewTables;
    }

    /** Whether a new column starts enabled. */
    public boolean enablesNewColumns() {
        return enablesNewColumns;
    }
}
