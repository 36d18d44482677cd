package io.tributary.server.schemas;

/** How a table's changes land in the destination; only tables that support history mode can switch. */
public enum SyncMode {
    SOFT_DELETE,
    HISTORY,
    LIVE
}
