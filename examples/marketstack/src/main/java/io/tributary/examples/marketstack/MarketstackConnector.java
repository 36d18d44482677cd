package io.tributary.examples.marketstack;

import io.tributary.sdk.Configuration;
import io.tributary.sdk.Connector;
import io.tributary.sdk.DataType;
import io.tributary.sdk.Log;
import io.tributary.sdk.Operations;
import io.tributary.sdk.State;
import io.tributary.sdk.Table;
import io.tributary.sdk.http.Page;
import io.tributary.sdk.http.RequestPolicy;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A port of Fivetran's {@code cursors/marketstack} example: end-of-day prices of a list of tickers, fetched one
 * ticker at a time over a date window. The state is the window ({@code ticker_start_cursor} to
 * {@code ticker_end_cursor}, inclusive) and how many of its tickers are done ({@code ticker_offset}), so a sync
 * that stops part-way resumes at the next ticker of the same window.
 */
public final class MarketstackConnector implements Connector {
    static final List<String> DEFAULT_TICKERS = List.of("AAPL", "MSFT", "GOOG", "INTC");
    /** How far back the first window starts. */
    static final int FIRST_WINDOW_DAYS = 15;
    /**
     * The original leaves every column to inference, where Python floats become FLOAT. The toolkit reads JSON
     * decimals exactly, which inference would make DECIMAL with the precision of the first value seen; DOUBLE
     * keeps the original's kind of column without losing a volume's digits to FLOAT.
     */
    static final List<String> NUMBER_COLUMNS = List.of("open", "high", "low", "close", "volume", "adj_high",
            "adj_low", "adj_close", "adj_open", "adj_volume", "split_factor", "dividend");

    private final RequestPolicy policy;

    public MarketstackConnector() {
        this(RequestPolicy.defaults());
    }

    /** For tests: a policy with short backoffs. */
    MarketstackConnector(RequestPolicy policy) {
        this.policy = policy;
    }

    @Override
    public List<Table> schema(Configuration configuration) {
        Table prices = Table.named("tickers_price").primaryKey("symbol", "date");
        NUMBER_COLUMNS.forEach(column -> prices.column(column, DataType.DOUBLE));
        return List.of(prices);
    }

    @Override
    public void update(Configuration configuration, State state, Operations operations) {
        MarketstackApi api = new MarketstackApi(configuration, policy);
        List<String> tickers = configuration.has("tickers") ? configuration.getList("tickers") : DEFAULT_TICKERS;
        Log.info("Fetching data for the following tickers: " + tickers);

        int offset = state.getInt("ticker_offset", 0);
        LocalDate start = date(state, "ticker_start_cursor");
        LocalDate end = date(state, "ticker_end_cursor");
        if (offset > 0 && (start == null || end == null || offset >= tickers.size())) {
            Log.warning("The state's window does not fit the tickers; starting the window again");
            offset = 0;
        }
        if (offset == 0) {
            // A new window runs up to the latest date with prices (the original: today).
            LocalDate latest = api.latestDate(tickers);
            if (latest == null) {
                Log.warning("Marketstack has no prices for " + tickers + "; nothing to sync");
                operations.checkpoint(state);
                return;
            }
            end = latest;
            if (start == null) {
                start = end.minusDays(FIRST_WINDOW_DAYS);
            }
        }
        if (start.isAfter(end)) {
            Log.info("No prices after " + end + " yet");
            operations.checkpoint(state);
            return;
        }
        Log.info("Window " + start + " to " + end + ", from ticker " + offset + " of " + tickers.size());

        for (int i = offset; i < tickers.size(); i++) {
            String ticker = tickers.get(i);
            int rows = 0;
            for (Page page : api.prices(ticker, start, end)) {
                for (Map<String, Object> price : page.records()) {
                    operations.upsert("tickers_price", price);
                    rows++;
                }
            }
            Log.info(ticker + ": " + rows + " prices from " + start + " to " + end);
            boolean windowDone = i == tickers.size() - 1;
            // After the last ticker the next window starts the day after this one ends.
            state.put("ticker_offset", windowDone ? 0 : i + 1);
            state.put("ticker_start_cursor", (windowDone ? end.plusDays(1) : start).toString());
            state.put("ticker_end_cursor", end.toString());
            operations.checkpoint(state);
        }
    }

    private static LocalDate date(State state, String key) {
        String value = state.getString(key);
        return value == null ? null : LocalDate.parse(value);
    }
}
