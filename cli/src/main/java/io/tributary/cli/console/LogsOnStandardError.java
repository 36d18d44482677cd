package io.tributary.cli.console;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.ConsoleAppender;
import org.slf4j.LoggerFactory;

/**
 * Moves the console log to standard error while a command whose standard output is its result runs (an id, a
 * path), so {@code ID=$(tributary deploy …)} captures only the result. Closing moves it back.
 */
public final class LogsOnStandardError implements AutoCloseable {
    private final ConsoleAppender<?> console;
    private final String previous;

    private LogsOnStandardError(ConsoleAppender<?> console) {
        this.console = console;
        this.previous = console == null ? null : console.getTarget();
        retarget("System.err");
    }

    public static LogsOnStandardError open() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context
                && context.getLogger(Logger.ROOT_LOGGER_NAME).getAppender("CONSOLE") instanceof ConsoleAppender<?> c) {
            return new LogsOnStandardError(c);
        }
        return new LogsOnStandardError(null);
    }

    @Override
    public void close() {
        retarget(previous);
    }

    private void retarget(String target) {
        if (console == null || target == null) {
            return;
        }
        console.stop();
        console.setTarget(target);
        console.start();
    }
}
