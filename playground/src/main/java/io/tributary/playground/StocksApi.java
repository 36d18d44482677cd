package io.tributary.playground;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Marketstack-like end-of-day prices: {@code GET /marketstack/v1/eod?access_key&symbols&date_from&date_to&limit
 * &offset&sort}. Any ticker has a seeded random-walk price series on weekdays from 400 days before day 0 up to
 * the playground's current date, so every new day adds one bar per ticker (none at weekends).
 */
final class StocksApi {
    private static final int HISTORY_DAYS = 400;
    private static final int HORIZON_DAYS = 3650;

    private record Bar(LocalDate date, double open, double high, double low, double close, long volume) {
    }

    private final PlaygroundState state;
    private final Map<String, List<Bar>> series = new ConcurrentHashMap<>();

    StocksApi(PlaygroundState state) {
        this.state = state;
    }

    void register(RoutesConfig routes) {
        routes.get("/marketstack/v1/eod", this::eod);
    }

    private void eod(Context ctx) {
        String key = ctx.queryParam("access_key");
        if (key == null || key.isBlank()) {
            throw error(401, "missing_access_key",
                    "You have not supplied an API Access Key. [Required format: access_key=YOUR_ACCESS_KEY]");
        }
        if (!key.equals(Credentials.API_KEY)) {
            throw error(401, "invalid_access_key", "You have not supplied a valid API Access Key.");
        }
        String symbolsParam = ctx.queryParam("symbols");
        if (symbolsParam == null || symbolsParam.isBlank()) {
            throw error(422, "validation_error", "symbols: This value should not be blank.");
        }
        List<String> symbols = new ArrayList<>();
        for (String s : symbolsParam.split(",")) {
            String sym = s.trim().toUpperCase(Locale.ROOT);
            if (!sym.matches("[A-Z0-9.]{1,10}")) {
                throw error(422, "validation_error", "symbols: '" + s + "' is not a valid ticker.");
            }
            symbols.add(sym);
        }
        LocalDate today = state.today();
        LocalDate from = Params.date(ctx, "date_from");
        LocalDate to = Params.date(ctx, "date_to");
        LocalDate last = to == null || to.isAfter(today) ? today : to;
        int limit = Params.integer(ctx, "limit", 100, 1, 1000);
        int offset = Params.integer(ctx, "offset", 0, 0, Integer.MAX_VALUE);
        boolean ascending = Params.string(ctx, "sort", "DESC").equalsIgnoreCase("ASC");

        List<Map<String, Object>> matches = new ArrayList<>();
        for (String symbol : symbols) {
            for (Bar bar : series(symbol)) {
                if (bar.date().isAfter(last)) {
                    break;
                }
                if (from == null || !bar.date().isBefore(from)) {
                    matches.add(row(symbol, bar));
                }
            }
        }
        // Newest first by default (as Marketstack); within a date, symbols in the order asked for.
        matches.sort((a, b) -> {
            int byDate = ((String) a.get("date")).compareTo((String) b.get("date"));
            if (!ascending) {
                byDate = -byDate;
            }
            return byDate != 0 ? byDate : Integer.compare(symbols.indexOf((String) a.get("symbol")),
                    symbols.indexOf((String) b.get("symbol")));
        });
        List<Map<String, Object>> page = new ArrayList<>();
        for (int i = offset; i < matches.size() && page.size() < limit; i++) {
            page.add(matches.get(i));
        }
        Map<String, Object> pagination = new LinkedHashMap<>();
        pagination.put("limit", limit);
        pagination.put("offset", offset);
        pagination.put("count", page.size());
        pagination.put("total", matches.size());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("pagination", pagination);
        body.put("data", page);
        Responder.json(ctx, body);
    }

    private List<Bar> series(String symbol) {
        return series.computeIfAbsent(symbol, s -> {
            SplittableRandom rnd = Seeded.random(state.seed, "stock", s);
            double close = 20 + rnd.nextDouble() * 400;
            List<Bar> bars = new ArrayList<>();
            LocalDate start = state.baseDate.minusDays(HISTORY_DAYS);
            for (LocalDate d = start; d.isBefore(state.baseDate.plusDays(HORIZON_DAYS)); d = d.plusDays(1)) {
                if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                    continue;
                }
                double open = close * (1 + (rnd.nextDouble() - 0.5) * 0.01);
                close = Math.max(1, close * Math.exp((rnd.nextDouble() - 0.5) * 0.04));
                double high = Math.max(open, close) * (1 + rnd.nextDouble() * 0.01);
                double low = Math.min(open, close) * (1 - rnd.nextDouble() * 0.01);
                long volume = 1_000_000 + rnd.nextLong(40_000_000);
                bars.add(new Bar(d, round(open), round(high), round(low), round(close), volume));
            }
            return Collections.unmodifiableList(bars);
        });
    }

    private static Map<String, Object> row(String symbol, Bar bar) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("open", bar.open());
        r.put("high", bar.high());
        r.put("low", bar.low());
        r.put("close", bar.close());
        r.put("volume", (double) bar.volume());
        r.put("adj_high", bar.high());
        r.put("adj_low", bar.low());
        r.put("adj_close", bar.close());
        r.put("adj_open", bar.open());
        r.put("adj_volume", (double) bar.volume());
        r.put("split_factor", 1.0);
        r.put("dividend", 0.0);
        r.put("symbol", symbol);
        r.put("exchange", "XNAS");
        r.put("date", bar.date() + "T00:00:00+0000");
        return r;
    }

    private static double round(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    private static ApiError error(int status, String code, String message) {
        return new ApiError(status, Map.of("error", Map.of("code", code, "message", message)));
    }
}
