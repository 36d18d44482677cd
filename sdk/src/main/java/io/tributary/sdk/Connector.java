package io.tributary.sdk;

import java.util.List;

/**
 * A data connector: declares its tables and emits operations.
 *
 * <p>The runtime calls {@link #schema} at most once per sync, then {@link #update} exactly once, both on a
 * dedicated connector thread. A connector is found in its project by being the only class that implements
 * this interface and has a public no-argument constructor.
 */
public interface Connector {

    /**
     * The tables this connector writes, with their primary keys and any column types worth fixing. Columns
     * that are not declared are inferred from the data. The default declares nothing: every table is
     * inferred and keyed by {@code _fivetran_id}.
     */
    default List<Table> schema(Configuration configuration) throws Exception {
        return List.of();
    }

    /**
     * Reads the source from {@code state} onwards and emits operations. {@code state} is empty on the first
     * sync and after a reset. Call {@link Operations#checkpoint} whenever the data emitted so far and the
     * state that describes it may be committed together. Throw to fail the sync: nothing after the last
     * checkpoint is kept, and the next sync starts from it.
     */
    void update(Configuration configuration, State state, Operations operations) throws Exception;

    /** The setup form and its tests, or {@code null} when the connector has none. */
    default ConfigurationForm configurationForm() {
        return null;
    }
}
