package io.tributary.playground;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parent and child tables for the multiple-tables-with-cursors example: {@code /cursors/companies} and
 * {@code /cursors/{company_id}/departments}, both filtered by {@code updated_since}.
 *
 * <p>Day 0 has 10 companies with 4 departments each. Every later day adds a company with 3 departments, adds a
 * department to an existing company, updates 2 companies and 2 departments. A company's {@code updatedAt} also
 * moves when one of its departments is added or updated, so a parent cursor leads a client to every change.
 */
final class CompaniesApi {
    private static final List<String> DEPARTMENTS = List.of("Engineering", "HR", "Finance", "Sales", "Marketing",
            "Support", "Legal", "Design", "Operations", "R&D");
    private static final List<String> INDUSTRIES = List.of("Software", "Retail", "Energy", "Healthcare",
            "Logistics", "Media", "Finance", "Manufacturing");
    private static final int INITIAL_COMPANIES = 10;
    private static final int INITIAL_DEPARTMENTS_EACH = 4;
    private static final int NEW_COMPANY_DEPARTMENTS = 3;

    private final PlaygroundState state;
    private final DataGenerator gen;
    private final Evolution companies;
    private final Evolution departments;

    private record Department(Evolution.Entity entity, int companyIndex, int ordinal) {
    }

    CompaniesApi(PlaygroundState state) {
        this.state = state;
        this.gen = new DataGenerator(state.seed);
        this.companies = new Evolution(state, new Evolution.Spec("companies", INITIAL_COMPANIES, 1, 2, 0, 30));
        this.departments = new Evolution(state, new Evolution.Spec("departments",
                INITIAL_COMPANIES * INITIAL_DEPARTMENTS_EACH, NEW_COMPANY_DEPARTMENTS + 1, 2, 0, 30));
    }

    void register(RoutesConfig routes) {
        routes.get("/cursors/companies", this::listCompanies);
        routes.get("/cursors/{company_id}/departments", this::listDepartments);
    }

    private void listCompanies(Context ctx) {
        int day = state.day();
        List<Department> depts = departments(day);
        Map<Integer, Instant> rollup = new HashMap<>();
        for (Department d : depts) {
            rollup.merge(d.companyIndex(), d.entity().updatedAt(), (a, b) -> a.isAfter(b) ? a : b);
        }
        Instant since = Params.instant(ctx, "updated_since");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Evolution.Entity c : companies.alive(day)) {
            Instant updated = later(c.updatedAt(), rollup.get(c.index()));
            if (since == null || updated.isAfter(since)) {
                rows.add(company(c, updated));
            }
        }
        respond(ctx, rows);
    }

    private void listDepartments(Context ctx) {
        int day = state.day();
        String companyId = ctx.pathParam("company_id");
        int companyIndex;
        try {
            companyIndex = Integer.parseInt(companyId) - 1;
        } catch (NumberFormatException e) {
            companyIndex = -1;
        }
        if (companyIndex < 0 || companyIndex >= companies.snapshot(day).size()) {
            throw new ApiError(404, Map.of("error", "not_found", "message", "no company " + companyId));
        }
        Instant since = Params.instant(ctx, "updated_since");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Department d : departments(day)) {
            if (d.companyIndex() == companyIndex && (since == null || d.entity().updatedAt().isAfter(since))) {
                rows.add(department(d));
            }
        }
        respond(ctx, rows);
    }

    private void respond(Context ctx, List<Map<String, Object>> rows) {
        String orderBy = Params.string(ctx, "order_by", "updatedAt");
        if (!orderBy.equals("updatedAt") && !orderBy.equals("createdAt")) {
            throw ApiError.badRequest("order_by must be updatedAt or createdAt");
        }
        Comparator<Map<String, Object>> cmp = Comparator.comparing(r -> (String) r.get(orderBy));
        rows.sort(Params.string(ctx, "order_type", "asc").equalsIgnoreCase("desc") ? cmp.reversed() : cmp);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", rows);
        body.put("total_items", rows.size());
        Responder.json(ctx, body);
    }

    /** Departments with their company: day 0's go 4 to a company; later days' to the day's new company first. */
    private List<Department> departments(int day) {
        List<Department> out = new ArrayList<>();
        Map<Integer, Integer> ordinals = new HashMap<>();
        int initial = INITIAL_COMPANIES * INITIAL_DEPARTMENTS_EACH;
        int perDay = NEW_COMPANY_DEPARTMENTS + 1;
        for (Evolution.Entity e : departments.snapshot(day)) {
            int company;
            if (e.index() < initial) {
                company = e.index() / INITIAL_DEPARTMENTS_EACH;
            } else {
                int d = e.createdDay();
                int k = (e.index() - initial) % perDay;
                int newCompany = INITIAL_COMPANIES + d - 1;
                company = k < NEW_COMPANY_DEPARTMENTS ? newCompany
                        : Seeded.below(newCompany, state.seed, "department-parent", e.index());
            }
            int ordinal = ordinals.merge(company, 1, Integer::sum);
            out.add(new Department(e, company, ordinal));
        }
        return out;
    }

    private Map<String, Object> company(Evolution.Entity c, Instant updated) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("company_id", String.valueOf(c.index() + 1));
        row.put("company_name", gen.company("cursor-company", c.index()));
        row.put("industry", gen.pick(INDUSTRIES, "industry", c.index()));
        row.put("employee_count", gen.intBetween(10, 5000, "employees", c.index(), c.version()));
        row.put("createdAt", c.createdAt().toString());
        row.put("updatedAt", updated.toString());
        return row;
    }

    private Map<String, Object> department(Department d) {
        Evolution.Entity e = d.entity();
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("department_id", String.valueOf(d.ordinal()));
        row.put("company_id", String.valueOf(d.companyIndex() + 1));
        row.put("department_name", DEPARTMENTS.get((d.ordinal() - 1) % DEPARTMENTS.size()));
        row.put("headcount", gen.intBetween(2, 200, "headcount", e.index(), e.version()));
        row.put("createdAt", e.createdAt().toString());
        row.put("updatedAt", e.updatedAt().toString());
        return row;
    }

    private static Instant later(Instant a, Instant b) {
        return b != null && b.isAfter(a) ? b : a;
    }
}
