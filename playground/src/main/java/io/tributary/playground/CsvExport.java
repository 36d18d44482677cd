package io.tributary.playground;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;

/** {@code GET /export/csv}: every user of the current day as RFC 4180 CSV with a header row. */
final class CsvExport {
    private final UserStore users;

    CsvExport(UserStore users) {
        this.users = users;
    }

    void register(RoutesConfig routes) {
        routes.get("/export/csv", this::export);
    }

    private void export(Context ctx) {
        Instant since = Params.instant(ctx, "updated_since");
        StringBuilder sb = new StringBuilder();
        sb.append(String.join(",", UserStore.COLUMNS)).append("\r\n");
        for (UserStore.User u : users.current()) {
            if (since != null && !u.updatedAt().isAfter(since)) {
                continue;
            }
            boolean first = true;
            for (String column : UserStore.COLUMNS) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                sb.append(quote(String.valueOf(u.fields().get(column))));
            }
            sb.append("\r\n");
        }
        ctx.header("Content-Disposition", "attachment; filename=\"users.csv\"");
        Responder.text(ctx, "text/csv; charset=utf-8", sb.toString());
    }

    static String quote(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
