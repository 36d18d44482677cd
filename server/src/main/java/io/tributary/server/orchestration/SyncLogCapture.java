package io.tributary.server.orchestration;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import io.tributary.server.store.SyncLogStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Keeps the log lines of running syncs: every event logged on a thread whose MDC carries {@value #SYNC_ID} (the
 * sync's own thread and the connector's, which inherits it) is buffered for that sync and written to the store
 * when the sync flushes. At most {@link #MAX_LINES} lines are kept per sync, so a chatty connector cannot fill
 * the store.
 */
final class SyncLogCapture extends AppenderBase<ILoggingEvent> {
    static final String SYNC_ID = "sync_id";
    static final int MAX_LINES = 10_000;
    private final Map<String, Buffer> buffers = new ConcurrentHashMap<>();

    private static final class Buffer {
        final List<SyncLogStore.Line> pending = new ArrayList<>();
        int seq;
        int dropped;
    }

    /** Attaches a capture to Logback's root logger; null when SLF4J is bound to another backend. */
    static SyncLogCapture install() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return null;
        }
        SyncLogCapture capture = new SyncLogCapture();
        capture.setContext(context);
        capture.setName("tributary-sync-logs");
        capture.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(capture);
        return capture;
    }

    void uninstall() {
        ((LoggerContext) getContext()).getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(this);
        stop();
    }

    /** Starts buffering for {@code syncId}; the caller puts it in the MDC of the sync's thread. */
    void begin(String syncId) {
        buffers.put(syncId, new Buffer());
    }

    @Override
    protected void append(ILoggingEvent event) {
        String syncId = event.getMDCPropertyMap().get(SYNC_ID);
        Buffer buffer = syncId == null ? null : buffers.get(syncId);
        if (buffer == null) {
            return;
        }
        String message = event.getFormattedMessage();
        if (event.getThrowableProxy() != null) {
            message = message + "\n" + ThrowableProxyUtil.asString(event.getThrowableProxy());
        }
        synchronized (buffer) {
            if (buffer.seq >= MAX_LINES) {
                buffer.dropped++;
                return;
            }
            buffer.pending.add(new SyncLogStore.Line(syncId, ++buffer.seq, Instant.ofEpochMilli(event.getTimeStamp()),
                    event.getLevel().toString(), event.getLoggerName(), message));
        }
    }

    /** The lines buffered since the last call. */
    List<SyncLogStore.Line> drain(String syncId) {
        Buffer buffer = buffers.get(syncId);
        if (buffer == null) {
            return List.of();
        }
        synchronized (buffer) {
            List<SyncLogStore.Line> out = new ArrayList<>(buffer.pending);
            buffer.pending.clear();
            return out;
        }
    }

    /** Stops buffering; the last lines, with a note of those not kept. */
    List<SyncLogStore.Line> end(String syncId) {
        List<SyncLogStore.Line> out = new ArrayList<>(drain(syncId));
        Buffer buffer = buffers.remove(syncId);
        if (buffer != null && buffer.dropped > 0) {
            out.add(new SyncLogStore.Line(syncId, MAX_LINES + 1, Instant.now(), "WARN", "tributary",
                    buffer.dropped + " more lines were logged and not kept (" + MAX_LINES + " are kept per sync)"));
        }
        return out;
    }

    /** Runs {@code body} with the sync's id in the MDC of this thread. */
    static void within(String syncId, Runnable body) {
        try (MDC.MDCCloseable ignored = MDC.putCloseable(SYNC_ID, syncId)) {
            body.run();
        }
    }
}
