package io.tributary.cli.api;

import io.tributary.api.model.Connection;
import io.tributary.api.model.SetupTest;
import java.io.PrintWriter;

/** Tells on stderr why a connection the API accepted is not set up yet, so scripts keep a clean stdout. */
final class SetupReport {
    private SetupReport() {
    }

    static void warnUnlessConnected(PrintWriter err, Connection c) {
        if (c.status() == null || "connected".equals(c.status().setupState())) {
            return;
        }
        err.println("warning: connection " + c.id() + " is " + c.status().setupState() + ":");
        if (c.setupTests() != null) {
            for (SetupTest t : c.setupTests()) {
                if (!"PASSED".equals(t.status())) {
                    err.println("  " + t.status() + " " + t.title() + (t.message() == null || t.message().isEmpty()
                            ? "" : ": " + t.message()));
                }
            }
        }
    }
}
