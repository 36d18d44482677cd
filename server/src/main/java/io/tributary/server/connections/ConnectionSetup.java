package io.tributary.server.connections;

import io.tributary.api.model.SetupTest;
import io.tributary.server.store.ConnectionRunStatus;
import io.tributary.server.store.ConnectionStore.Row;
import io.tributary.server.store.DestinationStore;
import java.util.ArrayList;
import java.util.List;

/**
 * A connection's setup tests: its group has a destination, and its configuration is complete. Reaching the
 * source itself is left to the first sync, which runs the connector.
 */
public final class ConnectionSetup {
    private static final String DESTINATION_TEST = "Destination";
    private final DestinationStore destinations;

    public ConnectionSetup(DestinationStore destinations) {
        this.destinations = destinations;
    }

    /** The status after running the tests on {@code row}. */
    public ConnectionRunStatus run(Row row) {
        List<SetupTest> tests = new ArrayList<>();
        tests.add(destinations.find(row.groupId()).isPresent() ? new SetupTest(DESTINATION_TEST, "PASSED", "")
                : new SetupTest(DESTINATION_TEST, "FAILED", "Group '" + row.groupId() + "' has no destination yet; "
                + "create it with POST /v1/destinations"));
        tests.addAll(ConnectorService.of(row.service()).test(row.config()));
        return row.status().withSetup(state(row.status().setupState(), tests), tests);
    }

    /** connected when every test passed; otherwise broken if it was set up before, else still incomplete. */
    static String state(String previous, List<SetupTest> tests) {
        boolean passed = tests.stream().noneMatch(t -> t.status().equals("FAILED") || t.status().equals("JOB_FAILED"));
        if (passed) {
            return "connected";
        }
        return previous.equals("incomplete") ? "incomplete" : "broken";
    }
}
