package io.tributary.runtime.sync;

/** Told of each state once the destination has durably committed it, on the committing thread. */
@FunctionalInterface
public interface StateListener {
    void committed(String stateJson);

    StateListener NONE = s -> { };
}
