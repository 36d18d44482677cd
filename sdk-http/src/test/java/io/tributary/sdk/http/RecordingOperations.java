package io.tributary.sdk.http;

import io.tributary.sdk.ConnectorException;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Operations that remember upserted rows and checkpointed states; thread-safe like the real ones. */
final class RecordingOperations implements Operations {
    final List<Map<String, Object>> upserts = new CopyOnWriteArrayList<>();
    final List<String> checkpoints = new CopyOnWriteArrayList<>();

    @Override
    @SuppressWarnings("unchecked")
    public void upsert(String table, Object row) {
        upserts.add((Map<String, Object>) row);
    }

    @Override
    public void update(String table, Object row) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void delete(String table, Object keys) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void truncate(String table) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void checkpoint(Object state) {
        checkpoints.add(State.toJson(state));
    }

    @Override
    public RuntimeException error(String message) {
        throw new ConnectorException(message);
    }

    @Override
    public void warning(String message) {
    }
}
