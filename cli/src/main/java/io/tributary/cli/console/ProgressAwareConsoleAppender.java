package io.tributary.cli.console;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;

/** A console appender that erases the live progress line before writing, so log lines stay whole. */
public class ProgressAwareConsoleAppender extends ConsoleAppender<ILoggingEvent> {
    @Override
    protected void subAppend(ILoggingEvent event) {
        synchronized (ProgressLine.lock()) {
            ProgressLine.erase();
            super.subAppend(event);
        }
    }
}
