package io.tributary.playground;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Smartsheet-like sheets under {@code /smartsheet/2.0}: {@code GET /sheets} lists them, {@code GET /sheets/{id}}
 * returns columns and rows (row ids, {@code createdAt}, {@code modifiedAt}, cells), paged with {@code page} and
 * {@code pageSize} (all rows when absent) and filtered by {@code rowsModifiedSince}. {@code modifiedSince} is
 * accepted and ignored, as on the real sheet endpoint. Bearer token: {@link Credentials#BEARER_TOKEN}.
 *
 * <p>Every day each sheet gets 2 new rows, 3 modified rows and 1 deleted row (gone from the listing), so a
 * client that diffs row ids between syncs finds deletions.
 */
final class SheetsApi {
    private record Column(long id, String title, String type, boolean primary) {
    }

    private record Sheet(long id, String name, List<Column> columns, Evolution rows) {
    }

    private final PlaygroundState state;
    private final DataGenerator gen;
    private final Map<Long, Sheet> sheets = new LinkedHashMap<>();

    SheetsApi(PlaygroundState state) {
        this.state = state;
        this.gen = new DataGenerator(state.seed);
        addSheet(4583173393803140L, "Project Tracker", 30, new String[][] {
            {"Task", "TEXT_NUMBER"}, {"Owner", "TEXT_NUMBER"}, {"Status", "PICKLIST"}, {"Due Date", "DATE"},
            {"Done", "CHECKBOX"}, {"Budget", "CURRENCY"}});
        addSheet(2331373580117892L, "Inventory", 20, new String[][] {
            {"Item", "TEXT_NUMBER"}, {"Quantity", "NUMBER"}, {"Price", "CURRENCY"}, {"Restock", "CHECKBOX"},
            {"Last Counted", "DATE"}});
    }

    private void addSheet(long id, String name, int initialRows, String[][] columns) {
        List<Column> cols = new ArrayList<>();
        for (int c = 0; c < columns.length; c++) {
            long colId = (Seeded.hash(state.seed, "sheet-column", id, c) & ((1L << 52) - 1)) | (1L << 51);
            cols.add(new Column(colId, columns[c][0], columns[c][1], c == 0));
        }
        Evolution rows = new Evolution(state, new Evolution.Spec("sheet-" + id, initialRows, 2, 3, 1, 60));
        sheets.put(id, new Sheet(id, name, List.copyOf(cols), rows));
    }

    void register(RoutesConfig routes) {
        routes.get("/smartsheet/2.0/sheets", this::listSheets);
        routes.get("/smartsheet/2.0/sheets/{sheetId}", this::getSheet);
    }

    private void listSheets(Context ctx) {
        authorize(ctx);
        List<Map<String, Object>> data = new ArrayList<>();
        for (Sheet s : sheets.values()) {
            data.add(summary(s));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("pageNumber", 1);
        body.put("pageSize", 100);
        body.put("totalPages", 1);
        body.put("totalCount", data.size());
        body.put("data", data);
        Responder.json(ctx, body);
    }

    private void getSheet(Context ctx) {
        authorize(ctx);
        Sheet sheet;
        try {
            sheet = sheets.get(Long.parseLong(ctx.pathParam("sheetId")));
        } catch (NumberFormatException e) {
            sheet = null;
        }
        if (sheet == null) {
            throw new ApiError(404, error(1006, "Not Found"));
        }
        Instant since = Params.instant(ctx, "rowsModifiedSince");
        List<Evolution.Entity> alive = sheet.rows().alive(state.day());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int n = 0; n < alive.size(); n++) {
            Evolution.Entity e = alive.get(n);
            if (since == null || e.updatedAt().isAfter(since)) {
                rows.add(row(sheet, e, n + 1));
            }
        }
        boolean paged = ctx.queryParam("page") != null || ctx.queryParam("pageSize") != null;
        int pageSize = Params.integer(ctx, "pageSize", 100, 1, 10_000);
        int page = Params.integer(ctx, "page", 1, 1, Integer.MAX_VALUE);
        List<Map<String, Object>> pageRows = rows;
        if (paged) {
            pageRows = new ArrayList<>();
            for (int i = (page - 1) * pageSize; i < rows.size() && pageRows.size() < pageSize; i++) {
                pageRows.add(rows.get(i));
            }
        }
        Map<String, Object> body = summary(sheet);
        body.put("version", version(sheet));
        body.put("totalRowCount", alive.size());
        List<Map<String, Object>> columns = new ArrayList<>();
        for (int c = 0; c < sheet.columns().size(); c++) {
            Column col = sheet.columns().get(c);
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", col.id());
            m.put("index", c);
            m.put("title", col.title());
            m.put("type", col.type());
            if (col.primary()) {
                m.put("primary", true);
            }
            columns.add(m);
        }
        body.put("columns", columns);
        body.put("rows", pageRows);
        Responder.json(ctx, body);
    }

    private Map<String, Object> summary(Sheet s) {
        Instant modified = Instant.EPOCH;
        Instant created = null;
        for (Evolution.Entity e : s.rows().snapshot(state.day())) {
            modified = e.lastChange().isAfter(modified) ? e.lastChange() : modified;
            created = created == null || e.createdAt().isBefore(created) ? e.createdAt() : created;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("name", s.name());
        m.put("accessLevel", "OWNER");
        m.put("permalink", "https://app.smartsheet.com/sheets/" + Long.toString(s.id(), 36));
        m.put("createdAt", String.valueOf(created));
        m.put("modifiedAt", modified.toString());
        return m;
    }

    private int version(Sheet s) {
        int v = 0;
        for (Evolution.Entity e : s.rows().snapshot(state.day())) {
            v += 1 + e.version() + (e.deleted() ? 1 : 0);
        }
        return v;
    }

    private Map<String, Object> row(Sheet sheet, Evolution.Entity e, int rowNumber) {
        List<Map<String, Object>> cells = new ArrayList<>();
        for (int c = 0; c < sheet.columns().size(); c++) {
            Column col = sheet.columns().get(c);
            Object value = cellValue(sheet, col, e);
            Map<String, Object> cell = new LinkedHashMap<>();
            cell.put("columnId", col.id());
            cell.put("value", value);
            if (!col.type().equals("CHECKBOX")) {
                cell.put("displayValue", display(col, value));
            }
            cells.add(cell);
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", rowId(sheet, e.index()));
        m.put("rowNumber", rowNumber);
        m.put("expanded", true);
        m.put("createdAt", e.createdAt().toString());
        m.put("modifiedAt", e.updatedAt().toString());
        m.put("cells", cells);
        return m;
    }

    /** Row ids: large and stable like Smartsheet's, but below 2^53 so they survive JSON number parsing. */
    private long rowId(Sheet sheet, int index) {
        return (Seeded.hash(state.seed, "sheet-row", sheet.id(), index) & ((1L << 52) - 1)) | (1L << 51);
    }

    private Object cellValue(Sheet sheet, Column col, Evolution.Entity e) {
        int i = e.index();
        int v = e.version();
        Object[] key = {sheet.id(), col.title(), i};
        switch (col.title()) {
            case "Task":
                return "Task " + (i + 1) + ": " + gen.phrase(2, key);
            case "Owner":
                return gen.firstName(key) + " " + gen.lastName(key);
            case "Status":
                return List.of("Not Started", "In Progress", "Blocked", "Done").get(Math.min(3, v));
            case "Due Date":
            case "Last Counted":
                return (col.title().equals("Due Date") ? e.createdAt().plusSeconds(14L * 86_400) : e.updatedAt())
                        .toString().substring(0, 10);
            case "Done":
                return v >= 3;
            case "Restock":
                return gen.intBetween(0, 3, DataGenerator.append(key, v)) == 0;
            case "Budget":
            case "Price":
                return gen.money(5, 5_000, DataGenerator.append(key, v));
            case "Item":
                return DataGenerator.capitalize(gen.phrase(2, key)) + " #" + (i + 1);
            case "Quantity":
                return gen.intBetween(0, 500, DataGenerator.append(key, v));
            default:
                return null;
        }
    }

    private static String display(Column col, Object value) {
        if (value instanceof Double && col.type().equals("CURRENCY")) {
            return String.format(Locale.US, "$%,.2f", (Double) value);
        }
        return String.valueOf(value);
    }

    private static void authorize(Context ctx) {
        String token = TokenStore.bearer(ctx.header("Authorization"));
        if (token == null) {
            throw new ApiError(401, error(1004, "You are not authorized to perform this action."));
        }
        if (!token.equals(Credentials.BEARER_TOKEN)) {
            throw new ApiError(401, error(1002, "Your Access Token is invalid."));
        }
    }

    private static Map<String, Object> error(int code, String message) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("errorCode", code);
        m.put("message", message);
        m.put("refId", "playground-" + code);
        return m;
    }
}
