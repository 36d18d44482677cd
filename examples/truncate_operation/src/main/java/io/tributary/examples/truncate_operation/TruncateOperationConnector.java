package io.tributary.examples.truncate_operation;

import io.tributary.sdk.Configuration;
import io.tributary.sdk.Configuration.ConfigurationException;
import io.tributary.sdk.Connector;
import io.tributary.sdk.DataType;
import io.tributary.sdk.Log;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import io.tributary.sdk.Table;
import java.util.List;

/**
 * The six stages of Fivetran's {@code truncate_operation} example on one {@code products} table: upsert, update,
 * truncate, upsert after the truncate, revive a truncated row, delete one row. Each stage ends with a checkpoint,
 * so what it did is committed before the next begins. {@code last_stage} (1 to 6, default 6) stops after a
 * stage, to look at the table as that stage left it.
 */
public class TruncateOperationConnector implements Connector {
    static final String TABLE = "products";
    static final String LAST_STAGE = "last_stage";
    static final int STAGES = 6;

    static final List<Product> INITIAL_PRODUCTS = List.of(
            new Product(1, "Laptop", "Electronics", 999.99f, true),
            new Product(2, "Wireless Mouse", "Electronics", 29.99f, true),
            new Product(3, "Desk Chair", "Furniture", 349.99f, false));
    static final List<Product> NEW_CATALOG = List.of(
            new Product(4, "Mechanical Keyboard", "Electronics", 129.99f, true),
            new Product(5, "Standing Desk", "Furniture", 599.99f, true));

    /** A row of {@code products}; its components become the columns. */
    record Product(int productId, String name, String category, float price, boolean inStock) {
    }

    /** The columns {@code update} changes: the key and the new price only. */
    record PriceChange(int productId, float price) {
    }

    record ProductKey(int productId) {
    }

    @Override
    public List<Table> schema(Configuration configuration) {
        return List.of(Table.named(TABLE)
                .primaryKey("product_id")
                .column("product_id", DataType.INT)
                .column("name", DataType.STRING)
                .column("category", DataType.STRING)
                .column("price", DataType.FLOAT)
                .column("in_stock", DataType.BOOLEAN));
    }

    @Override
    public void update(Configuration configuration, State state, Operations operations) {
        int lastStage = configuration.getInt(LAST_STAGE, STAGES);
        if (lastStage < 1 || lastStage > STAGES) {
            throw new ConfigurationException(LAST_STAGE,
                    "configuration key '" + LAST_STAGE + "' must be between 1 and " + STAGES + ", got " + lastStage);
        }
        for (int stage = 1; stage <= lastStage; stage++) {
            runStage(stage, operations);
            // The state never changes: every sync runs the stages again, a full reload that truncate makes exact.
            operations.checkpoint(state);
        }
    }

    private static void runStage(int stage, Operations operations) {
        switch (stage) {
            case 1 -> {
                Log.info("stage 1: upserting the initial catalog");
                INITIAL_PRODUCTS.forEach(p -> operations.upsert(TABLE, p));
            }
            case 2 -> {
                Log.info("stage 2: updating the Laptop's price only");
                operations.update(TABLE, new PriceChange(1, 799.99f));
            }
            case 3 -> {
                Log.info("stage 3: truncating products (every row synced so far is soft-deleted)");
                operations.truncate(TABLE);
            }
            case 4 -> {
                Log.info("stage 4: upserting the new catalog after the truncate");
                NEW_CATALOG.forEach(p -> operations.upsert(TABLE, p));
            }
            case 5 -> {
                Log.info("stage 5: reviving the Laptop with new values");
                operations.upsert(TABLE, new Product(1, "Laptop Pro", "Electronics", 1249.99f, true));
            }
            case 6 -> {
                Log.info("stage 6: deleting the Standing Desk by its key");
                operations.delete(TABLE, new ProductKey(5));
            }
            default -> throw new IllegalArgumentException("no stage " + stage);
        }
    }
}
