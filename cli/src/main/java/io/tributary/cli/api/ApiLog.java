package io.tributary.cli.api;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import org.slf4j.LoggerFactory;

/** Adds the `tributary api` log file (logback-api.xml) to the running configuration when an API command first runs. */
final class ApiLog {
    private static boolean configured;

    private ApiLog() {
    }

    static synchronized void enable() {
        if (configured || !(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return;
        }
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(ApiLog.class.getResource("/logback-api.xml"));
        } catch (JoranException e) {
            throw new IllegalStateException("cannot configure logging: " + e.getMessage(), e);
        }
        configured = true;
    }
}
