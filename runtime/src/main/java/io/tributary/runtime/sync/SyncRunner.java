package io.tributary.runtime.sync;

import io.tributary.runtime.destination.Destination;
import io.tributary.runtime.schema.DeclaredTable;
import io.tributary.runtime.schema.SchemaValidator;
import io.tributary.sdk.Configuration;
import io.tributary.sdk.Connector;
import io.tributary.sdk.ConnectorException;
import io.tributary.sdk.Log;
import io.tributary.sdk.State;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs one sync. The connector's {@code schema()} and {@code update()} run on a thread of their own; the
 * calling thread owns the destination and applies the connector's commands in order, so a checkpoint is a
 * barrier: its data and its state are committed in one destination transaction before the connector goes on.
 */
public final class SyncRunner {
    private static final Logger LOG = LoggerFactory.getLogger("tributary");
    private static final Logger CONNECTOR_LOG = LoggerFactory.getLogger("connector");

    private final SyncOptions options;
    private final SyncCounters counters = new SyncCounters();
    private final BlockingQueue<Command> queue = new LinkedBlockingQueue<>();

    public SyncRunner(SyncOptions options) {
        this.options = options;
        Log.install(SyncRunner::connectorLog);
    }

    /**
     * Stops the sync: the connector's thread is interrupted (so a wait, a backoff sleep or an HTTP call ends at
     * once) and its next operation fails; what its last checkpoint did not commit is rolled back. A call that does
     * not heed interrupts (a blocking JDBC read) ends when it returns. Safe from any thread.
     */
    public void cancel(String reason) {
        queue.add(new Command.Cancel(reason));
    }

    /** Live counts, for progress displays. */
    public SyncCounters counters() {
        return counters;
    }

    /**
     * Syncs into {@code destination} (one run per runner), starting from its committed state, or from {@code fallbackState} when it
     * has none. {@code listener} hears each committed state. Never throws for connector or destination
     * failures: the result says what happened.
     */
    public SyncResult run(Connector connector, Configuration configuration, String fallbackState,
                          Destination destination, StateListener listener) {
        return run(connector, configuration, fallbackState, destination, listener, Selection.ALL);
    }

    /** Like {@link #run(Connector, Configuration, String, Destination, StateListener)}, keeping only {@code selection}. */
    public SyncResult run(Connector connector, Configuration configuration, String fallbackState,
                          Destination destination, StateListener listener, Selection selection) {
        long started = System.nanoTime();
        SyncOperations operations = new SyncOperations(options.naming(), options, counters, queue);
        String initialState;
        State state;
        try {
            operations.existing(destination.tables());
            initialState = destination.committedState().orElse(fallbackState == null ? "{}" : fallbackState);
            state = State.parse(initialState);
        } catch (RuntimeException e) {
            return new SyncResult(false, e.getMessage(), e, fallbackState, counters, elapsed(started));
        }
        LOG.info("previous state: {}", initialState);

        // The connector's thread logs under the caller's MDC, so a server can tell its lines from other syncs'.
        Map<String, String> mdc = MDC.getCopyOfContextMap();
        Thread connectorThread = new Thread(() -> {
            if (mdc != null) {
                MDC.setContextMap(mdc);
            }
            runConnector(connector, configuration, state, operations, selection);
        }, "connector");
        connectorThread.setDaemon(true);
        connectorThread.start();

        Outcome outcome = applyCommands(queue, destination, operations, initialState, listener,
                connectorThread::interrupt);
        joinQuietly(connectorThread);

        Throwable failure = outcome.destinationFailure != null ? outcome.destinationFailure : outcome.connectorFailure;
        String requested = operations.requestedError();
        if (failure == null && requested != null) {
            failure = new ConnectorException(requested);
        }
        String message = failure == null ? null
                : requested != null ? requested : describe(failure, outcome.destinationFailure != null);
        if (failure == null && counters.widestCheckpointGap() > options.checkpointGapWarning()) {
            LOG.warn("up to {} rows went between two checkpoints: a failure there makes the next sync redo them "
                    + "all; checkpoint more often, e.g. after every page or every few thousand rows",
                    counters.widestCheckpointGap());
        }
        return new SyncResult(failure == null, message, failure, outcome.committedState, counters, elapsed(started));
    }

    private void runConnector(Connector connector, Configuration configuration, State state,
                              SyncOperations operations, Selection selection) {
        Throwable failure = null;
        try {
            LOG.info("calling schema()");
            List<DeclaredTable> declared = SchemaValidator.validate(schemaOf(connector, configuration),
                    options.naming()).stream().filter(d -> selection.keepsTable(d.name())).toList();
            operations.declare(declared);
            LOG.info("calling update()");
            if (selection.isAll()) {
                connector.update(configuration, state, operations);
            } else {
                SelectingOperations selected = new SelectingOperations(operations, selection, options.naming());
                connector.update(configuration, state, selected);
                if (selected.dropped() > 0) {
                    LOG.info("{} operations on disabled tables {} or blocked new tables were skipped",
                            selected.dropped(), selection.disabledTables());
                }
            }
            if (operations.requestedError() != null) {
                // error() was called and its exception swallowed: the sync fails all the same.
                failure = new ConnectorException(operations.requestedError());
            }
        } catch (Throwable t) {
            failure = t;
        }
        operations.finish(failure);
    }

    private static List<io.tributary.sdk.Table> schemaOf(Connector connector, Configuration configuration)
            throws Exception {
        try {
            return connector.schema(configuration);
        } catch (ConnectorException e) {
            throw e;
        } catch (Exception | LinkageError e) {
            throw new SchemaFailure(e);
        }
    }

    /** Wraps an exception thrown by {@code schema()}, so the message can say where it came from. */
    private static final class SchemaFailure extends Exception {
        SchemaFailure(Throwable cause) {
            super(cause);
        }
    }

    private record Outcome(String committedState, Throwable connectorFailure, Throwable destinationFailure) {
    }

    private static Outcome applyCommands(BlockingQueue<Command> queue, Destination destination,
                                         SyncOperations operations, String initialState, StateListener listener,
                                         Runnable interruptConnector) {
        String committed = initialState;
        Throwable destinationFailure = null;
        while (true) {
            Command command;
            try {
                command = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                destinationFailure = e;
                operations.destinationFailed(e);
                continue;
            }
            if (command instanceof Command.Finish finish) {
                if (finish.failure() == null && destinationFailure == null) {
                    try {
                        destination.commit(committed);
                    } catch (RuntimeException e) {
                        destinationFailure = e;
                    }
                }
                if (finish.failure() != null || destinationFailure != null) {
                    rollbackQuietly(destination);
                }
                return new Outcome(committed, finish.failure(), destinationFailure);
            }
            if (command instanceof Command.Cancel cancel) {
                if (destinationFailure == null) {
                    destinationFailure = new SyncCanceledException(cancel.reason());
                    operations.destinationFailed(destinationFailure);
                    interruptConnector.run();
                }
                continue;
            }
            if (destinationFailure != null) {
                discard(command, operations, destinationFailure);
                continue;
            }
            try {
                if (command instanceof Command.ApplySchema s) {
                    destination.applySchema(s.table());
                } else if (command instanceof Command.Write w) {
                    destination.write(w.batch());
                    operations.release(w.permits());
                } else if (command instanceof Command.Commit c) {
                    destination.commit(c.stateJson());
                    committed = c.stateJson();
                    listener.committed(committed);
                    c.done().complete(null);
                }
            } catch (RuntimeException e) {
                destinationFailure = e;
                operations.destinationFailed(e);
                discard(command, operations, e);
            }
        }
    }

    private static void discard(Command command, SyncOperations operations, Throwable failure) {
        if (command instanceof Command.Write w) {
            operations.release(w.permits());
        } else if (command instanceof Command.Commit c) {
            c.done().completeExceptionally(failure);
        }
    }

    private static void rollbackQuietly(Destination destination) {
        try {
            destination.rollback();
        } catch (RuntimeException e) {
            LOG.warn("rollback failed: {}", e.getMessage());
        }
    }

    private static String describe(Throwable failure, boolean fromDestination) {
        if (failure instanceof SyncCanceledException) {
            return failure.getMessage();
        }
        if (fromDestination) {
            return "destination failed: " + failure.getMessage();
        }
        if (failure instanceof SchemaFailure s) {
            return "schema() threw " + s.getCause();
        }
        if (failure instanceof ConnectorException) {
            return failure.getMessage();
        }
        return "update() threw " + failure;
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Duration elapsed(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    private static void connectorLog(Log.Level level, String message, Throwable error) {
        switch (level) {
            case FINE -> CONNECTOR_LOG.debug(message, error);
            case INFO -> CONNECTOR_LOG.info(message, error);
            case WARNING -> CONNECTOR_LOG.warn(message, error);
            case SEVERE -> CONNECTOR_LOG.error(message, error);
        }
    }
}
