package io.tributary.examples.ssh_tunnels;

import io.tributary.sdk.Configuration;
import io.tributary.sdk.Configuration.ConfigurationException;
import io.tributary.sdk.ConnectorException;
import io.tributary.sdk.DataType;
import io.tributary.sdk.Log;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import io.tributary.sdk.Table;
import io.tributary.sdk.jdbc.Checkpoints;
import io.tributary.sdk.jdbc.Position;
import io.tributary.sdk.jdbc.SourceTable;
import io.tributary.sdk.jdbc.TableRead;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The source of the bastion original: {@code sample_users} in a PostgreSQL that only the SSH server can reach, read
 * through the tunnel incrementally by {@code (modified_at, id)}, with a checkpoint every {@code batch_size} rows.
 */
final class SampleUsers {
    static final String TABLE = "sample_users";
    static final String LAST_MODIFIED = "last_modified";
    static final String LAST_ID = "last_id";
    static final String BATCH_SIZE = "batch_size";
    static final int DEFAULT_PORT = 5432;

    private SampleUsers() {
    }

    static Table table() {
        return Table.named(TABLE).primaryKey("id")
                .column("id", DataType.STRING)
                .column("name", DataType.STRING)
                .column("modified_at", DataType.UTC_DATETIME);
    }

    static void checkConfiguration(Configuration configuration) {
        configuration.require("db_name");
        configuration.require("db_user");
        batchSize(configuration);
    }

    static void sync(SshTunnel tunnel, Configuration configuration, State state, Operations operations)
            throws Exception {
        int batchSize = batchSize(configuration);
        try (Connection source = connect(tunnel, configuration)) {
            // The primary key breaks ties, so a checkpoint among rows sharing a modified_at skips none of them.
            TableRead read = TableRead.keyset(SourceTable.describe(source, TABLE), "modified_at");
            Position start = state.has(LAST_MODIFIED)
                    ? read.after(state.getString(LAST_MODIFIED), state.getString(LAST_ID))
                    : read.start();
            Checkpoints checkpoints = Checkpoints.every(batchSize, start, position -> operations.checkpoint(
                    state.put(LAST_MODIFIED, position.text("modified_at")).put(LAST_ID, position.text("id"))));
            long rows = read.read(source, start, row -> {
                checkpoints.beforeRow(row.position());
                operations.upsert(TABLE, row.values());
            });
            if (rows > 0) {
                checkpoints.finish();
            } else {
                operations.checkpoint(state);
            }
            Log.info("upserted " + rows + " rows of " + TABLE + " after " + start);
        }
    }

    private static Connection connect(SshTunnel tunnel, Configuration configuration) {
        String database = configuration.require("db_name");
        String user = configuration.require("db_user");
        String url = "jdbc:postgresql://" + SshTunnel.LOOPBACK + ":" + tunnel.localPort() + "/" + database;
        try {
            return DriverManager.getConnection(url, user, configuration.get("db_password", ""));
        } catch (SQLException e) {
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            String where = "database '" + database + "' at " + tunnel.target() + " (through the SSH tunnel)";
            String fix = state.startsWith("28") ? "check db_user and db_password"
                    : state.equals("3D000") ? "check db_name"
                    : "check remote_host and remote_port, and that the database accepts connections from the SSH "
                    + "server";
            throw new ConnectorException("cannot connect to " + where + " as '" + user + "': " + e.getMessage()
                    + "; " + fix + " in configuration.json", e);
        }
    }

    private static int batchSize(Configuration configuration) {
        int batchSize = configuration.getInt(BATCH_SIZE, 1000);
        if (batchSize < 1) {
            throw new ConfigurationException(BATCH_SIZE, "configuration key '" + BATCH_SIZE + "' must be at least 1, "
                    + "got " + batchSize);
        }
        return batchSize;
    }
}
