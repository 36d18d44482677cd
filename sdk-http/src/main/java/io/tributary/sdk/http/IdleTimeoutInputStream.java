package io.tributary.sdk.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A response body whose every read waits at most the read timeout. The JDK's request timeout stops at the
 * headers, so a server that stalls mid-body would otherwise hang a sync forever; on expiry the stream is closed
 * (which wakes the reader) and the read fails with an {@link HttpTimeoutException}, an I/O failure that whole-body
 * reads retry.
 */
final class IdleTimeoutInputStream extends FilterInputStream {
    private static final ScheduledThreadPoolExecutor WATCHDOG = watchdog();
    private final Duration timeout;
    private volatile boolean expired;

    IdleTimeoutInputStream(InputStream in, Duration timeout) {
        super(in);
        this.timeout = timeout;
    }

    @Override
    public int read() throws IOException {
        ScheduledFuture<?> alarm = arm();
        try {
            return check(in.read());
        } catch (IOException e) {
            throw expired ? timedOut() : e;
        } finally {
            alarm.cancel(false);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        ScheduledFuture<?> alarm = arm();
        try {
            return check(in.read(b, off, len));
        } catch (IOException e) {
            throw expired ? timedOut() : e;
        } finally {
            alarm.cancel(false);
        }
    }

    private ScheduledFuture<?> arm() {
        return WATCHDOG.schedule(this::expire, timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void expire() {
        expired = true;
        try {
            in.close();
        } catch (IOException ignored) {
            // closing only wakes the reader, which reports the timeout
        }
    }

    private int check(int result) throws IOException {
        if (expired) {
            throw timedOut();
        }
        return result;
    }

    private BodyStalledException timedOut() {
        return new BodyStalledException("the body stalled: no bytes for " + Durations.show(timeout)
                + " (the read timeout)");
    }

    /** A read of the body waited longer than the read timeout. */
    static final class BodyStalledException extends HttpTimeoutException {
        BodyStalledException(String message) {
            super(message);
        }
    }

    private static ScheduledThreadPoolExecutor watchdog() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "tributary-http-body-watchdog");
            t.setDaemon(true);
            return t;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }
}
