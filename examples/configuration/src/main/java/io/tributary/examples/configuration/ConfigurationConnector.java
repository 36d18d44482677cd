package io.tributary.examples.configuration;

import io.tributary.sdk.Configuration;
import io.tributary.sdk.Configuration.ConfigurationException;
import io.tributary.sdk.Connector;
import io.tributary.sdk.Log;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import io.tributary.sdk.Table;
import java.util.List;
import java.util.Map;

/**
 * Reads a secret from {@code configuration.json}: a Fernet key that decrypts a message, also from the
 * configuration. The decrypted text is upserted into {@code crypto}, keyed by the message itself.
 */
public class ConfigurationConnector implements Connector {
    static final String TABLE = "crypto";
    static final String KEY = "fernet_key";
    static final String MESSAGE = "encrypted_message";

    @Override
    public List<Table> schema(Configuration configuration) {
        // Checked here as in the original, so a missing key fails before any table is created.
        requirePresent(configuration, KEY);
        // No column types: msg is inferred as STRING from the first row.
        return List.of(Table.named(TABLE).primaryKey("msg"));
    }

    @Override
    public void update(Configuration configuration, State state, Operations operations) {
        Log.warning("Example: QuickStart Examples - Configuration");
        requirePresent(configuration, KEY);
        requirePresent(configuration, MESSAGE);

        FernetDecryptor decryptor = new FernetDecryptor(KEY, configuration.require(KEY));
        Log.fine("decrypting the message");
        String message = decryptor.decrypt(MESSAGE, configuration.require(MESSAGE));

        operations.upsert(TABLE, Map.of("msg", message));
        // No cursor to keep; the checkpoint commits the row.
        operations.checkpoint(state);
    }

    private static void requirePresent(Configuration configuration, String key) {
        if (!configuration.has(key) || configuration.get(key).isBlank()) {
            throw new ConfigurationException(key, "Could not find '" + key + "' in configuration.json");
        }
    }
}
