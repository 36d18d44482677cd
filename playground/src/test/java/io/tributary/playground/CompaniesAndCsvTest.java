package io.tributary.playground;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CompaniesAndCsvTest {
    private static Playground pg;
    private static Http http;

    @BeforeAll
    static void start() {
        pg = Playground.start(0);
        http = new Http(pg);
    }

    @AfterAll
    static void stop() {
        pg.close();
    }

    @BeforeEach
    void reset() {
        pg.reset();
    }

    /** What the multiple-tables-with-cursors example does: a parent cursor and one child cursor per parent. */
    private static Map<String, Integer> sync(Map<String, String> cursors) {
        Map<String, Integer> counts = new HashMap<>();
        String companyCursor = cursors.getOrDefault("company", "0001-01-01T00:00:00Z");
        JsonNode companies = http.json("/cursors/companies?order_by=updatedAt&order_type=asc&updated_since="
                + companyCursor).get("data");
        for (JsonNode c : companies) {
            String id = c.get("company_id").asText();
            cursors.put("company", c.get("updatedAt").asText());
            counts.merge("company", 1, Integer::sum);
            JsonNode depts = http.json("/cursors/" + id + "/departments?updated_since="
                    + cursors.getOrDefault("dept-" + id, "0001-01-01T00:00:00Z")).get("data");
            for (JsonNode d : depts) {
                assertThat(d.get("company_id").asText()).isEqualTo(id);
                cursors.put("dept-" + id, d.get("updatedAt").asText());
                counts.merge("department", 1, Integer::sum);
            }
        }
        return counts;
    }

    @Test
    void companiesAndDepartmentsHaveTheExampleShape() {
        JsonNode body = http.json("/cursors/companies");
        assertThat(body.get("total_items").asInt()).isEqualTo(10);
        JsonNode c = body.get("data").get(0);
        assertThat(c.has("company_id") && c.has("company_name") && c.has("createdAt") && c.has("updatedAt")).isTrue();
        JsonNode depts = http.json("/cursors/1/departments").get("data");
        assertThat(depts).hasSize(4);
        List<String> names = new ArrayList<>();
        depts.forEach(d -> names.add(d.get("department_name").asText()));
        assertThat(names).containsExactlyInAnyOrder("Engineering", "HR", "Finance", "Sales");
        assertThat(http.get("/cursors/999/departments").status()).isEqualTo(404);
    }

    @Test
    void cursorsFindExactlyTheChangesOfEachDay() {
        Map<String, String> cursors = new HashMap<>();
        assertThat(sync(cursors)).containsEntry("company", 10).containsEntry("department", 40);
        assertThat(sync(cursors)).isEmpty();
        pg.setDay(1);
        Map<String, Integer> day1 = sync(cursors);
        // one new company with 3 departments, one department added elsewhere, 2 departments updated
        assertThat(day1.get("department")).isEqualTo(6);
        assertThat(day1.get("company")).isBetween(2, 5);
        assertThat(http.json("/cursors/companies").get("total_items").asInt()).isEqualTo(11);
        assertThat(http.json("/cursors/11/departments").get("data")).hasSize(3);
        assertThat(sync(cursors)).isEmpty();
    }

    @Test
    void csvExportHasAHeaderAndOneQuotedRowPerUser() {
        Http.Result r = http.get("/export/csv");
        assertThat(r.header("Content-Type")).startsWith("text/csv");
        String[] lines = r.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("id,name,email,address,company,job,updatedAt,createdAt");
        assertThat(lines).hasSize(201);
        assertThat(lines[1]).matches("[0-9a-f-]{36},[^,]+,[^,]+@example.com,\"[^\"]+\",.*Z,.*Z");
        pg.setDay(2);
        assertThat(http.get("/export/csv").body().split("\r\n")).hasSize(221);
        // Days 1 and 2 created 20 users and updated 30 (a few twice): every one of them is after day 0's start.
        int changed = http.json("/pagination/offset?updated_since=2025-01-01T00:00:00Z").get("total").asInt();
        assertThat(changed).isBetween(40, 50);
        assertThat(http.get("/export/csv?updated_since=2025-01-01T00:00:00Z").body().split("\r\n"))
                .hasSize(changed + 1);
    }
}
