package io.tributary.playground;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Frankfurter-like exchange rates: {@code GET /frankfurter/v2/rates/latest?base=USD&quotes=INR,JPY} answers
 * {@code [{"date":"2025-01-01","base":"USD","quote":"INR","rate":87.0393}]}. Rates are published on weekdays
 * only, as the ECB does, so "latest" is the last weekday up to the playground's date. Each currency's rate
 * against the euro is its reference value moved by up to ±2 %, seeded by currency and date; a cross rate is
 * the ratio of two euro rates, rounded to 6 significant digits.
 */
final class FxRatesApi {
    /** Euro reference rates, roughly those of late 2024. */
    static final Map<String, Double> EUR_REFERENCE = Map.ofEntries(
            Map.entry("EUR", 1.0), Map.entry("USD", 1.04), Map.entry("GBP", 0.83), Map.entry("JPY", 163.0),
            Map.entry("CHF", 0.94), Map.entry("CAD", 1.49), Map.entry("AUD", 1.67), Map.entry("CNY", 7.58),
            Map.entry("INR", 88.9), Map.entry("SEK", 11.5), Map.entry("NOK", 11.8), Map.entry("DKK", 7.46),
            Map.entry("PLN", 4.27), Map.entry("BRL", 6.43), Map.entry("MXN", 21.5), Map.entry("ZAR", 19.6));

    private final PlaygroundState state;

    FxRatesApi(PlaygroundState state) {
        this.state = state;
    }

    void register(RoutesConfig routes) {
        routes.get("/frankfurter/v2/rates/latest", this::latest);
    }

    private void latest(Context ctx) {
        String base = currency(Params.string(ctx, "base", "EUR"));
        String quotesParam = ctx.queryParam("quotes");
        List<String> quotes = new ArrayList<>();
        if (quotesParam == null || quotesParam.isBlank()) {
            EUR_REFERENCE.keySet().stream().sorted().filter(c -> !c.equals(base)).forEach(quotes::add);
        } else {
            for (String q : quotesParam.split(",")) {
                quotes.add(currency(q));
            }
        }
        LocalDate date = publicationDate(state.today());
        List<Map<String, Object>> out = new ArrayList<>();
        for (String quote : quotes) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("date", date.toString());
            row.put("base", base);
            row.put("quote", quote);
            row.put("rate", rate(base, quote, date));
            out.add(row);
        }
        Responder.json(ctx, out);
    }

    /** The last weekday on or before {@code day}: no rates are published at weekends. */
    static LocalDate publicationDate(LocalDate day) {
        LocalDate d = day;
        while (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY) {
            d = d.minusDays(1);
        }
        return d;
    }

    double rate(String base, String quote, LocalDate date) {
        double ratio = euroRate(quote, date) / euroRate(base, date);
        return new BigDecimal(ratio).round(new MathContext(6, RoundingMode.HALF_EVEN)).doubleValue();
    }

    private double euroRate(String currency, LocalDate date) {
        if (currency.equals("EUR")) {
            return 1.0;
        }
        double move = (Seeded.unit(state.seed, "fx", currency, date.toString()) - 0.5) * 0.04;
        return EUR_REFERENCE.get(currency) * (1 + move);
    }

    private static String currency(String raw) {
        String c = raw.trim().toUpperCase(Locale.ROOT);
        if (!EUR_REFERENCE.containsKey(c)) {
            throw new ApiError(404, Map.of("message", "not found", "detail", "unknown currency '" + raw.trim()
                    + "'; known: " + EUR_REFERENCE.keySet().stream().sorted().toList()));
        }
        return c;
    }
}
