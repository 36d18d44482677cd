package io.tributary.examples.gpg_private_keys;

import io.tributary.sdk.Configuration;
import io.tributary.sdk.Configuration.ConfigurationException;
import io.tributary.sdk.Connector;
import io.tributary.sdk.DataType;
import io.tributary.sdk.Log;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import io.tributary.sdk.Table;
import java.time.Clock;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * A port of Fivetran's {@code common_patterns_for_connectors/gpg_private_keys}: unlocks the OpenPGP private key
 * of the configuration with its passphrase, clear-signs a message with it, verifies the signature, and upserts the
 * signed message into {@code signed_message}. BouncyCastle does the OpenPGP work in-process; no gpg is needed.
 */
public class GpgPrivateKeysConnector implements Connector {
    static final String TABLE = "signed_message";
    static final String MESSAGE = "message";
    static final String DEFAULT_MESSAGE = "This is a test message. This will be encrypted and signed";

    private final Clock clock;

    public GpgPrivateKeysConnector() {
        this(Clock.systemUTC());
    }

    /** For tests: a fixed clock makes the signature, and so the row, the same on every run. */
    GpgPrivateKeysConnector(Clock clock) {
        this.clock = clock;
    }

    @Override
    public List<Table> schema(Configuration configuration) {
        return List.of(Table.named(TABLE).primaryKey("id")
                .column("id", DataType.INT)
                .column("message", DataType.STRING));
    }

    @Override
    public void update(Configuration configuration, State state, Operations operations) {
        Log.warning("Example: Common Pattern for Connectors Examples - GPG Private Keys");
        String armoredKey = configuration.require(SigningKey.PRIVATE_KEY);
        if (!configuration.has(SigningKey.PASSPHRASE)) {
            throw new ConfigurationException(SigningKey.PASSPHRASE, "configuration key '" + SigningKey.PASSPHRASE
                    + "' is required; add it to configuration.json (\"\" for a key without a passphrase)");
        }
        Date now = Date.from(clock.instant());
        SigningKey key = SigningKey.unlock(armoredKey, configuration.get(SigningKey.PASSPHRASE), now);
        Log.info("Successfully imported the private key (" + key.fingerprint() + ")");

        String signed = ClearSignature.sign(configuration.get(MESSAGE, DEFAULT_MESSAGE), key, now);
        // Checked as the original does, so a broken signature never reaches the warehouse.
        ClearSignature.verify(signed, key.certificate());
        Log.info("The message is valid and has been verified.");

        Log.fine("upserting to table '" + TABLE + "'");
        operations.upsert(TABLE, Map.of("id", 1, "message", signed));
        operations.checkpoint(state);
    }
}
