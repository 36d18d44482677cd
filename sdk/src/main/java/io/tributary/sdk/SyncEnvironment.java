package io.tributary.sdk;

import java.util.Objects;

/**
 * Where a sync runs: the connection it is for and how it is deployed. Fivetran hands these to connector code as
 * {@code FIVETRAN_*} environment variables; one Tributary server runs many connections in one process, so here
 * they come with the sync's {@link Configuration#environment() configuration}.
 *
 * <p>Under {@code tributary debug} and the test kit they are Fivetran's local-debug values:
 * {@code test_connection_id}, {@code test_group_id}, {@code test_connection_name} and {@code local_debug}.
 */
public record SyncEnvironment(String connectionId, String groupId, String connectionName, String deploymentModel) {
    /** The deployment model of {@code tributary debug} and the test kit, as in Fivetran's local tester. */
    public static final String LOCAL_DEBUG = "local_debug";
    /** The deployment model of a sync run by {@code tributary server}. */
    public static final String SERVER = "server";

    private static final SyncEnvironment LOCAL = new SyncEnvironment("test_connection_id", "test_group_id",
            "test_connection_name", LOCAL_DEBUG);

    public SyncEnvironment {
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(connectionName, "connectionName");
        Objects.requireNonNull(deploymentModel, "deploymentModel");
    }

    /** The environment of a local run. */
    public static SyncEnvironment localDebug() {
        return LOCAL;
    }

    /** A sync that {@code tributary server} runs for a connection. */
    public static SyncEnvironment server(String connectionId, String groupId, String connectionName) {
        return new SyncEnvironment(connectionId, groupId, connectionName, SERVER);
    }

    public boolean isLocalDebug() {
        return LOCAL_DEBUG.equals(deploymentModel);
    }

    /**
     * A variable as code ported from Fivetran reads it with {@code os.environ}: {@code FIVETRAN_CONNECTION_ID},
     * {@code FIVETRAN_GROUP_ID}, {@code FIVETRAN_CONNECTION_NAME} and {@code FIVETRAN_DEPLOYMENT_MODEL} come from
     * this sync; any other name is read from the process environment ({@code null} when unset).
     */
    public String variable(String name) {
        return switch (name) {
            case "FIVETRAN_CONNECTION_ID" -> connectionId;
            case "FIVETRAN_GROUP_ID" -> groupId;
            case "FIVETRAN_CONNECTION_NAME" -> connectionName;
            case "FIVETRAN_DEPLOYMENT_MODEL" -> deploymentModel;
            default -> System.getenv(name);
        };
    }
}
