package io.tributary.examples.multiple_tables_with_cursors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.playground.Playground;
import io.tributary.testkit.ConnectorTester;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Companies and departments as the playground serves them today, and as the warehouse holds them. */
final class PlaygroundCompanies {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Comparator<List<String>> BY_KEY = Comparator.comparing((List<String> r) -> r.get(0))
            .thenComparing(r -> r.get(1));

    private PlaygroundCompanies() {
    }

    /** (company_id, company_name, industry, employee_count, updatedAt, createdAt) by company_id. */
    static List<List<String>> companies(Playground playground) throws IOException, InterruptedException {
        List<List<String>> out = new ArrayList<>();
        for (JsonNode c : get(playground, "/cursors/companies")) {
            out.add(List.of(c.get("company_id").asText(), c.get("company_name").asText(), c.get("industry").asText(),
                    c.get("employee_count").asText(), c.get("updatedAt").asText(), c.get("createdAt").asText()));
        }
        out.sort(Comparator.comparing(r -> r.get(0)));
        return out;
    }

    /** (company_id, department_id, department_name, headcount, updatedAt, createdAt) of every company. */
    static List<List<String>> departments(Playground playground) throws IOException, InterruptedException {
        List<List<String>> out = new ArrayList<>();
        for (List<String> company : companies(playground)) {
            for (JsonNode d : get(playground, "/cursors/" + company.get(0) + "/departments")) {
                out.add(List.of(d.get("company_id").asText(), d.get("department_id").asText(),
                        d.get("department_name").asText(), d.get("headcount").asText(), d.get("updatedAt").asText(),
                        d.get("createdAt").asText()));
            }
        }
        out.sort(BY_KEY);
        return out;
    }

    /** The greatest value of column {@code index} (an ISO instant) of the rows. */
    static String latest(List<List<String>> rows, int index) {
        return rows.stream().map(r -> r.get(index)).max(Comparator.comparing(OffsetDateTime::parse)).orElseThrow();
    }

    static List<List<String>> warehouseCompanies(ConnectorTester tester) {
        List<List<String>> out = new ArrayList<>();
        for (Map<String, Object> r : live(tester, "company")) {
            out.add(List.of((String) r.get("company_id"), (String) r.get("company_name"), (String) r.get("industry"),
                    String.valueOf(r.get("employee_count")), instant(r.get("updated_at")), instant(r.get("created_at"))));
        }
        out.sort(Comparator.comparing(r -> r.get(0)));
        return out;
    }

    static List<List<String>> warehouseDepartments(ConnectorTester tester) {
        List<List<String>> out = new ArrayList<>();
        for (Map<String, Object> r : live(tester, "department")) {
            out.add(List.of((String) r.get("company_id"), (String) r.get("department_id"),
                    (String) r.get("department_name"), String.valueOf(r.get("headcount")), instant(r.get("updated_at")),
                    instant(r.get("created_at"))));
        }
        out.sort(BY_KEY);
        return out;
    }

    /** Every row of the table; none may be soft-deleted. */
    private static List<Map<String, Object>> live(ConnectorTester tester, String table) {
        List<Map<String, Object>> rows = tester.rows(table);
        for (Map<String, Object> r : rows) {
            if (!Boolean.FALSE.equals(r.get("_fivetran_deleted"))) {
                throw new AssertionError("a " + table + " row is soft-deleted or lacks _fivetran_deleted: " + r);
            }
        }
        return rows;
    }

    private static JsonNode get(Playground playground, String path) throws IOException, InterruptedException {
        // fault=none: the expectation is read past any faults the test injected.
        HttpRequest request = HttpRequest.newBuilder(playground.uri(path + "?fault=none")).build();
        return JSON.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body()).get("data");
    }

    private static String instant(Object value) {
        return ((OffsetDateTime) value).toInstant().toString();
    }
}
