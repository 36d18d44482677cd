package io.tributary.examples.errors;

import io.tributary.sdk.Configuration;
import io.tributary.sdk.Configuration.ConfigurationException;
import io.tributary.sdk.Connector;
import io.tributary.sdk.ConnectorException;
import io.tributary.sdk.DataType;
import io.tributary.sdk.Log;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import io.tributary.sdk.Table;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Simulated failures at each step of a sync, chosen by {@code error_simulation_type}: 0 none, 1 a missing
 * configuration value, 2 a state that cannot be read, 3 a failure while fetching a batch, 4 a record that fails
 * validation halfway through a batch, 5 a value that cannot be written. The source is {@code records} generated
 * records read in batches of {@code batch_size}, with a checkpoint of {@code cursor} (the last key synced) after
 * each batch. Every failure fails the sync with a message that says what went wrong; what the last checkpoint
 * committed stays, and the next sync resumes from it.
 */
public class ErrorsConnector implements Connector {
    static final String TABLE = "demo_response_test";
    static final String SIMULATION = "error_simulation_type";
    static final String CURSOR = "cursor";
    /** Where the simulated failures of types 3, 4 and 5 strike: the record with this position in the sync. */
    static final int FAILING_RECORD = 15;

    @Override
    public List<Table> schema(Configuration configuration) {
        return List.of(Table.named(TABLE)
                .primaryKey("key")
                .column("key", DataType.INT)
                .column("request", DataType.STRING)
                .column("result", DataType.STRING)
                .decimal("amount", 10, 2)
                .column("metadata", DataType.JSON));
    }

    @Override
    public void update(Configuration configuration, State state, Operations operations) {
        String simulation = configuration.get(SIMULATION, "0").trim();
        if (!simulation.matches("[0-5]")) {
            throw new ConfigurationException(SIMULATION,
                    "configuration key '" + SIMULATION + "' must be 0 to 5, got \"" + simulation + "\"");
        }
        Log.info("error simulation type " + simulation);

        // 1. Configuration: validate every value before reading anything.
        if (simulation.equals("1")) {
            throw critical(operations, "missing required configuration",
                    "configuration key 'demo_config' is required; add it to configuration.json (simulated)");
        }
        String demoConfig = configuration.get("demo_config", "default");
        int records = positive(configuration, "records", 30);
        int batchSize = positive(configuration, "batch_size", 10);

        // 2. State: check what the last checkpoint saved before trusting it.
        String rawCursor = simulation.equals("2") ? "corrupted-cursor" : state.getString(CURSOR, "0");
        int cursor = readCursor(rawCursor, records, operations);

        while (cursor < records) {
            // 3. Fetching a batch from the source.
            if (simulation.equals("3") && cursor < FAILING_RECORD && FAILING_RECORD <= cursor + batchSize) {
                throw critical(operations, "failed to fetch the batch after key " + cursor,
                        "the source answered 503 Service Unavailable (simulated)");
            }
            List<Map<String, Object>> batch = fetch(demoConfig, cursor, Math.min(batchSize, records - cursor),
                    simulation.equals("5"));
            for (Map<String, Object> record : batch) {
                // 4. Processing each record: rows emitted before the bad one are not committed without a checkpoint.
                if (simulation.equals("4") && (int) record.get("key") == FAILING_RECORD) {
                    throw critical(operations, "record " + FAILING_RECORD + " failed validation",
                            "'result' is empty (simulated)");
                }
                // 5. Writing: the SDK checks each value against its declared column type before it reaches the warehouse.
                try {
                    operations.upsert(TABLE, record);
                } catch (ConnectorException e) {
                    throw critical(operations, "writing record " + record.get("key") + " failed", e.getMessage());
                }
            }
            cursor += batch.size();
            operations.checkpoint(state.put(CURSOR, cursor));
            Log.info("checkpointed cursor " + cursor);
        }
    }

    /** The simulated source: records after {@code cursor}; with {@code badAmount} one carries a non-numeric amount. */
    static List<Map<String, Object>> fetch(String demoConfig, int cursor, int count, boolean badAmount) {
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int key = cursor + 1; key <= cursor + count; key++) {
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("key", key);
            record.put("request", demoConfig);
            record.put("result", "Simulated response " + key + " for config: " + demoConfig);
            record.put("amount", badAmount && key == FAILING_RECORD ? "twelve dollars" : new BigDecimal(key + ".50"));
            record.put("metadata", Map.of("batch_start", cursor + 1, "source", "simulated"));
            batch.add(record);
        }
        return batch;
    }

    private static int readCursor(String raw, int records, Operations operations) {
        int cursor;
        try {
            cursor = Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw critical(operations, "invalid state", "state key '" + CURSOR + "' must be a whole number, got \""
                    + raw + "\". Reset the connection's state to sync again from the start");
        }
        if (cursor < 0) {
            throw critical(operations, "invalid state", "state key '" + CURSOR + "' must not be negative, got " + cursor);
        }
        return Math.min(cursor, records);
    }

    private static int positive(Configuration configuration, String key, int defaultValue) {
        int value = configuration.getInt(key, defaultValue);
        if (value < 1) {
            throw new ConfigurationException(key, "configuration key '" + key + "' must be at least 1, got " + value);
        }
        return value;
    }

    /** Logs the failure as severe and fails the sync with it (the original's handle_critical_error). */
    private static RuntimeException critical(Operations operations, String what, String details) {
        Log.severe("CRITICAL ERROR: " + what + ": " + details);
        return operations.error("CRITICAL ERROR: " + what + ": " + details);
    }
}
