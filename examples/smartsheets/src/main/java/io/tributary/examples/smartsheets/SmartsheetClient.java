package io.tributary.examples.smartsheets;

import com.fasterxml.jackson.databind.JsonNode;
import io.tributary.sdk.http.Auth;
import io.tributary.sdk.http.HttpApi;
import io.tributary.sdk.http.Page;
import io.tributary.sdk.http.Paginator;
import io.tributary.sdk.http.RequestPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The two Smartsheet calls the connector makes: list the sheets, and read one sheet's columns and rows. */
final class SmartsheetClient {
    static final int DEFAULT_PAGE_SIZE = 100;
    private final HttpApi api;
    private final int pageSize;

    SmartsheetClient(String baseUrl, String token, RequestPolicy policy, int pageSize) {
        this.pageSize = pageSize;
        api = HttpApi.builder()
                .baseUrl(baseUrl)
                .policy(policy)
                .auth(Auth.bearer(token))
                .userAgent("tributary-example-smartsheets")
                .build();
    }

    /** A sheet as the listing shows it. */
    record SheetSummary(String id, String name) {
    }

    /** A sheet's columns and every one of its rows. */
    record SheetData(JsonNode columns, List<Map<String, Object>> rows) {
    }

    /** Every sheet the token can see ({@code GET /sheets}). */
    List<SheetSummary> listSheets() {
        List<SheetSummary> out = new ArrayList<>();
        for (JsonNode sheet : api.get("sheets").json().path("data")) {
            out.add(new SheetSummary(sheet.path("id").asText(), sheet.path("name").asText()));
        }
        return out;
    }

    /** One sheet's name, for sheets named in the configuration. */
    SheetSummary sheet(String sheetId) {
        JsonNode sheet = api.get("sheets/" + sheetId).query("pageSize", 1).json();
        return new SheetSummary(sheet.path("id").asText(sheetId), sheet.path("name").asText());
    }

    /**
     * All rows, page by page. Every row is read on every sync, as the original does: deletions are found by
     * comparing the full list of row ids with the previous sync's.
     */
    SheetData readSheet(String sheetId) {
        Paginator pages = Paginator.pageNumber(api.get("sheets/" + sheetId))
                .pageSize("pageSize", pageSize)
                .records("/rows")
                .build();
        JsonNode columns = null;
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Page page : pages) {
            if (columns == null) {
                columns = page.body().path("columns");
            }
            rows.addAll(page.records());
            if (page.items().size() < pageSize) {
                break; // a short page is the last: no request for an empty one
            }
        }
        return new SheetData(columns, rows);
    }
}
