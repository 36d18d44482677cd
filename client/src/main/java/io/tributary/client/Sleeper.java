package io.tributary.client;

import java.time.Duration;

/** How the client waits between attempts and polls; tests replace it. */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;

    Sleeper REAL = d -> Thread.sleep(d.toMillis());
}
