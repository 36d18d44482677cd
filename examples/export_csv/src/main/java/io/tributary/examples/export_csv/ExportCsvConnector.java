package io.tributary.examples.export_csv;

import io.tributary.sdk.Configuration;
import io.tributary.sdk.Connector;
import io.tributary.sdk.DataType;
import io.tributary.sdk.Log;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import io.tributary.sdk.Table;
import io.tributary.sdk.http.CsvRecords;
import io.tributary.sdk.http.HttpApi;
import io.tributary.sdk.http.RequestPolicy;
import java.util.List;
import java.util.Map;

/**
 * A CSV export: one request returns every user as CSV with a header line, which is streamed row by row (RFC
 * 4180 quoting) and upserted into {@code user}; the declared column types turn the text timestamps into UTC
 * datetimes. Each sync reads the whole export and checkpoints once at the end; the state stays empty.
 */
public class ExportCsvConnector implements Connector {
    static final String TABLE = "user";
    static final String BASE_URL = "base_url";
    static final String DEFAULT_BASE_URL = "http://127.0.0.1:5001";
    private static final String PATH = "export/csv";

    private final RequestPolicy policy;

    public ExportCsvConnector() {
        this(RequestPolicy.defaults());
    }

    /** For tests: a policy with short backoff. */
    ExportCsvConnector(RequestPolicy policy) {
        this.policy = policy;
    }

    @Override
    public List<Table> schema(Configuration configuration) {
        return List.of(Table.named(TABLE)
                .primaryKey("id")
                .column("id", DataType.STRING)
                .column("name", DataType.STRING)
                .column("email", DataType.STRING)
                .column("address", DataType.STRING)
                .column("company", DataType.STRING)
                .column("job", DataType.STRING)
                .column("updatedAt", DataType.UTC_DATETIME)
                .column("createdAt", DataType.UTC_DATETIME));
    }

    @Override
    public void update(Configuration configuration, State state, Operations operations) {
        HttpApi api = HttpApi.builder()
                .baseUrl(configuration.get(BASE_URL, DEFAULT_BASE_URL))
                .policy(policy)
                .build();
        Log.info("downloading the CSV export of users");
        int count = 0;
        try (CsvRecords rows = api.get(PATH).header("Accept", "text/csv").send().csvRecords()) {
            for (Map<String, String> row : rows) {
                operations.upsert(TABLE, row);
                count++;
            }
        }
        Log.info("synced " + count + " users from the CSV export");
        // One checkpoint after the whole file: a failure part-way leaves nothing half-synced to resume from.
        operations.checkpoint(state);
    }
}
