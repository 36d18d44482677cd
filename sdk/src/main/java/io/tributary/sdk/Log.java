package io.tributary.sdk;

import java.util.Objects;

/**
 * Connector logging. Lines go to the runtime, which prints them in the sync's output (locally) or the
 * connection's log (on the server). {@code fine} lines show only in local debug runs.
 */
public final class Log {
    /** Severity, lowest first. */
    public enum Level { FINE, INFO, WARNING, SEVERE }

    /** Where log lines go; installed by the runtime. */
    @FunctionalInterface
    public interface Sink {
        void log(Level level, String message, Throwable error);
    }

    private static final Sink STDERR = (level, message, error) -> {
        System.err.println(level + " " + message);
        if (error != null) {
            error.printStackTrace();
        }
    };
    private static volatile Sink sink = STDERR;

    private Log() {
    }

    /** For the runtime: routes every connector log line to {@code newSink}. */
    public static void install(Sink newSink) {
        sink = Objects.requireNonNull(newSink);
    }

    /** For the runtime: back to standard error. */
    public static void reset() {
        sink = STDERR;
    }

    public static void fine(String message) {
        sink.log(Level.FINE, message, null);
    }

    public static void info(String message) {
        sink.log(Level.INFO, message, null);
    }

    public static void warning(String message) {
        sink.log(Level.WARNING, message, null);
    }

    public static void warning(String message, Throwable error) {
        sink.log(Level.WARNING, message, error);
    }

    public static void severe(String message) {
        sink.log(Level.SEVERE, message, null);
    }

    public static void severe(String message, Throwable error) {
        sink.log(Level.SEVERE, message, error);
    }
}
