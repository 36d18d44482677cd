package io.tributary.examples.object_oriented_programming_approach;

import io.tributary.sdk.Configuration;
import io.tributary.sdk.Connector;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import io.tributary.sdk.Table;
import io.tributary.sdk.http.RequestPolicy;
import java.util.List;
import java.util.Map;

/**
 * A port of Fivetran's {@code object_oriented_programming_approach} (later {@code oop_example}) quickstart: the
 * National Park Service API with one class per table, {@link ParksTable}, {@link PeopleTable},
 * {@link AlertsTable} and {@link ArticlesTable}, and one API client, {@link NpsClient}. Every sync reads every
 * record again and upserts it; there is no cursor.
 */
public final class NationalParksConnector implements Connector {
    /** The tables in the order they are synced, as the original's {@code selected_table}. */
    static final List<NpsTable> SELECTED_TABLES = List.of(new ParksTable(), new PeopleTable(), new AlertsTable(),
            new ArticlesTable());

    private final RequestPolicy policy;

    public NationalParksConnector() {
        this(RequestPolicy.defaults());
    }

    /** For tests: a policy with short backoffs. */
    NationalParksConnector(RequestPolicy policy) {
        this.policy = policy;
    }

    @Override
    public List<Table> schema(Configuration configuration) {
        return SELECTED_TABLES.stream().map(NpsTable::schema).toList();
    }

    @Override
    public void update(Configuration configuration, State state, Operations operations) {
        NpsClient client = new NpsClient(configuration, policy);
        for (NpsTable table : SELECTED_TABLES) {
            for (Map<String, Object> row : table.processData(client)) {
                operations.upsert(table.path(), row);
            }
            // Commits the table's rows. The state stays empty: the next sync reads everything again anyway.
            operations.checkpoint(state);
        }
    }
}
