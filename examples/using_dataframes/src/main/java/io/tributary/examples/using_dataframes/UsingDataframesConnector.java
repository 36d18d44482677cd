package io.tributary.examples.using_dataframes;

import io.tributary.sdk.Configuration;
import io.tributary.sdk.Connector;
import io.tributary.sdk.Log;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import io.tributary.sdk.Table;
import io.tributary.sdk.http.HttpApi;
import io.tributary.sdk.http.RequestPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Port of the Fivetran Connector SDK example {@code using_pd_dataframes}, with Tablesaw in place of pandas.
 * Each sync fetches two more people, builds the {@code profile}, {@code location} and {@code login} data frames,
 * upserts them three different ways, then upserts a seeded frame full of NaN three times, turning NaN into null
 * three different ways. State: {@code profile_cursor}, {@code location_cursor}, {@code login_cursor} (the last
 * profile id written to each table) and {@code table_with_nan_cursor} (rows of that table upserted so far).
 */
public class UsingDataframesConnector implements Connector {
    static final int PEOPLE_PER_SYNC = 2;
    private static final String NAN_TABLE = "table_with_nan";
    private final RequestPolicy policy;

    public UsingDataframesConnector() {
        this(RequestPolicy.defaults());
    }

    /** For tests: a policy with short backoffs. */
    UsingDataframesConnector(RequestPolicy policy) {
        this.policy = policy;
    }

    @Override
    public List<Table> schema(Configuration configuration) {
        // Columns and types are inferred, as in the original.
        return List.of(
                Table.named("profile").primaryKey("id"),
                Table.named("location").primaryKey("profileId"),
                Table.named("login").primaryKey("profileId"),
                Table.named(NAN_TABLE).primaryKey("id"));
    }

    @Override
    public void update(Configuration configuration, State state, Operations operations) {
        Log.warning("Example: QuickStart Examples - User Profiles");
        // From the table that is furthest behind: a sync stopped between tables fetches those people again.
        int start = Math.min(state.getInt("profile_cursor", 0),
                Math.min(state.getInt("location_cursor", 0), state.getInt("login_cursor", 0)));
        List<Person> people = fetch(source(configuration), start);
        int cursor = start + people.size();

        upsertRowByRow(frame("profile", people, Person::profile), state, cursor, operations);
        upsertRecords(frame("location", people, Person::location), state, cursor, operations);
        upsertByIndex(frame("login", people, Person::login), state, cursor, operations);

        tech.tablesaw.api.Table nan = NanFrames.generate();
        upsertNanRecords(NanFrames.replaceCellByCell(nan), state, operations);
        upsertNanRecords(NanFrames.objectColumns(nan), state, operations);
        upsertNanRecords(NanFrames.missingSelection(nan), state, operations);
    }

    private static List<Person> fetch(PersonSource source, int cursor) {
        List<Person> people = new ArrayList<>();
        for (int i = 1; i <= PEOPLE_PER_SYNC; i++) {
            Optional<Person> person = source.fetch(cursor + i);
            if (person.isEmpty()) {
                Log.info("the source has no person for profile " + (cursor + i) + " yet");
                break;
            }
            people.add(person.get());
        }
        return people;
    }

    private static Frame frame(String name, List<Person> people, Function<Person, Map<String, Object>> part) {
        return Frame.fromRecords(name, people.stream().map(part).toList());
    }

    /** Approach 1 ({@code iterrows}): row by row, with a checkpoint every 5 rows and at the end. */
    private static void upsertRowByRow(Frame profiles, State state, int cursor, Operations operations) {
        int index = 0;
        for (Map<String, Object> row : profiles.rows()) {
            operations.upsert("profile", row);
            if (index % 5 == 0) {
                state.put("profile_cursor", ((Number) row.get("id")).intValue());
                operations.checkpoint(state);
            }
            index++;
        }
        state.put("profile_cursor", cursor);
        operations.checkpoint(state);
    }

    /** Approach 2 ({@code to_dict("records")}): the rows as a list of maps. */
    private static void upsertRecords(Frame locations, State state, int cursor, Operations operations) {
        for (Map<String, Object> row : locations.toRecords()) {
            operations.upsert("location", row);
        }
        state.put("location_cursor", cursor);
        operations.checkpoint(state);
    }

    /** Approach 3 ({@code to_dict("index")}): the rows keyed by row number. */
    private static void upsertByIndex(Frame logins, State state, int cursor, Operations operations) {
        for (Map<String, Object> row : logins.toIndex().values()) {
            operations.upsert("login", row);
        }
        state.put("login_cursor", cursor);
        operations.checkpoint(state);
    }

    private static void upsertNanRecords(List<Map<String, Object>> rows, State state, Operations operations) {
        int cursor = state.getInt("table_with_nan_cursor", 0);
        for (Map<String, Object> row : rows) {
            operations.upsert(NAN_TABLE, row);
            cursor++;
        }
        state.put("table_with_nan_cursor", cursor);
        operations.checkpoint(state);
    }

    private PersonSource source(Configuration configuration) {
        String source = configuration.get("source", "randomuser").trim();
        boolean playground = source.equals("playground");
        if (!playground && !source.equals("randomuser")) {
            throw new Configuration.ConfigurationException("source",
                    "configuration key 'source' must be randomuser or playground, got \"" + source + "\"");
        }
        String baseUrl = configuration.get("base_url", "");
        HttpApi api = HttpApi.builder()
                .baseUrl(baseUrl.isBlank() ? RandomUserSource.DEFAULT_BASE_URL : baseUrl)
                .policy(policy)
                .userAgent("tributary-example-using-dataframes")
                .build();
        return playground ? new PlaygroundUserSource(api) : new RandomUserSource(api);
    }
}
