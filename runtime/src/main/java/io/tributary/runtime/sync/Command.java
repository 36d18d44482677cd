package io.tributary.runtime.sync;

import io.tributary.runtime.destination.Batch;
import io.tributary.runtime.schema.TableSchema;
import java.util.concurrent.CompletableFuture;

/** What the connector side asks of the destination side, in order. */
sealed interface Command {
    record ApplySchema(TableSchema table) implements Command {
    }

    record Write(Batch batch, int permits) implements Command {
    }

    record Commit(String stateJson, CompletableFuture<Void> done) implements Command {
    }

    /** Stop: refuse the connector's further operations and roll back what the last checkpoint did not commit. */
    record Cancel(String reason) implements Command {
    }

    /** The connector is done; {@code failure} is why it stopped early, or null. */
    record Finish(Throwable failure) implements Command {
    }
}
