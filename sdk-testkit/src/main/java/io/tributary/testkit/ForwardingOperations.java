package io.tributary.testkit;

import io.tributary.sdk.Operations;

/**
 * Operations that pass every call to another: extend it and override the one call a test wants to watch or break
 * (stop after a checkpoint, count upserts), instead of spelling out all seven.
 */
public class ForwardingOperations implements Operations {
    private final Operations target;

    public ForwardingOperations(Operations target) {
        this.target = target;
    }

    @Override
    public void upsert(String table, Object row) {
        target.upsert(table, row);
    }

    @Override
    public void update(String table, Object row) {
        target.update(table, row);
    }

    @Override
    public void delete(String table, Object keys) {
        target.delete(table, keys);
    }

    @Override
    public void truncate(String table) {
        target.truncate(table);
    }

    @Override
    public void checkpoint(Object state) {
        target.checkpoint(state);
    }

    @Override
    public RuntimeException error(String message) {
        return target.error(message);
    }

    @Override
    public void warning(String message) {
        target.warning(message);
    }
}
