package io.tributary.examples.multiple_tables_with_cursors;

import io.tributary.sdk.Configuration;
import io.tributary.sdk.Connector;
import io.tributary.sdk.DataType;
import io.tributary.sdk.Log;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import io.tributary.sdk.Table;
import io.tributary.sdk.http.HttpApi;
import io.tributary.sdk.http.RequestPolicy;
import java.util.List;
import java.util.Map;

/**
 * A parent table and a child table, each with its own cursor. Companies updated after {@code company_cursor}
 * are read oldest first; for each, its departments updated after that company's entry in the
 * {@code department_cursor} map are read and upserted, the map entry moving with each department. A company's
 * {@code updatedAt} also moves when one of its departments changes, so following the company cursor reaches
 * every changed department.
 *
 * <p>The connector checkpoints once per company, after its departments, with both cursors. The original moves
 * and checkpoints the company cursor before reading the departments (then checkpoints after each department):
 * a sync interrupted among the departments would never read the rest of them, because the resumed sync no
 * longer sees that company.
 */
public class MultipleTablesWithCursorsConnector implements Connector {
    static final String COMPANY = "company";
    static final String DEPARTMENT = "department";
    static final String COMPANY_CURSOR = "company_cursor";
    static final String DEPARTMENT_CURSOR = "department_cursor";
    /** Where cursors start: the beginning of time, so everything is read. */
    static final String BEGINNING = "0001-01-01T00:00:00Z";
    static final String BASE_URL = "base_url";
    static final String DEFAULT_BASE_URL = "http://127.0.0.1:5001";

    private final RequestPolicy policy;

    public MultipleTablesWithCursorsConnector() {
        this(RequestPolicy.defaults());
    }

    /** For tests: a policy with short backoff. */
    MultipleTablesWithCursorsConnector(RequestPolicy policy) {
        this.policy = policy;
    }

    @Override
    public List<Table> schema(Configuration configuration) {
        return List.of(
                Table.named(COMPANY)
                        .primaryKey("company_id")
                        .column("company_id", DataType.STRING)
                        .column("company_name", DataType.STRING)
                        .column("updatedAt", DataType.UTC_DATETIME)
                        .column("createdAt", DataType.UTC_DATETIME),
                Table.named(DEPARTMENT)
                        .primaryKey("department_id", "company_id")
                        .column("department_id", DataType.STRING)
                        .column("company_id", DataType.STRING)
                        .column("department_name", DataType.STRING)
                        .column("updatedAt", DataType.UTC_DATETIME)
                        .column("createdAt", DataType.UTC_DATETIME));
    }

    @Override
    public void update(Configuration configuration, State state, Operations operations) {
        CompaniesApi api = new CompaniesApi(HttpApi.builder()
                .baseUrl(configuration.get(BASE_URL, DEFAULT_BASE_URL))
                .policy(policy)
                .build());
        String companyCursor = state.getString(COMPANY_CURSOR, BEGINNING);
        State departmentCursors = state.getObject(DEPARTMENT_CURSOR);
        Log.info("fetching companies updated after " + companyCursor);

        for (Map<String, Object> company : api.companies(companyCursor)) {
            operations.upsert(COMPANY, company);
            String companyId = String.valueOf(company.get("company_id"));

            String since = departmentCursors.getString(companyId, BEGINNING);
            List<Map<String, Object>> departments = api.departments(companyId, since);
            Log.info("company " + companyId + ": " + departments.size() + " departments updated after " + since);
            for (Map<String, Object> department : departments) {
                operations.upsert(DEPARTMENT, department);
                departmentCursors.put(companyId, (String) department.get("updatedAt"));
            }

            // Only now is the company done; until this checkpoint a resumed sync reads it again.
            state.put(COMPANY_CURSOR, (String) company.get("updatedAt"));
            operations.checkpoint(state);
        }
    }
}
