package io.tributary.playground;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Weather, three ways, as the weather examples use it:
 * <ul>
 *   <li>NWS-like JSON: {@code /nws/points/{lat},{lon}} gives a forecast URL, {@code /nws/gridpoints/{office}/{x},{y}
 *   /forecast} gives 14 twelve-hour periods starting on the playground's current date;</li>
 *   <li>Zippopotam-like ZIP lookup: {@code /zippopotam/us/{zip}};</li>
 *   <li>NOAA-like current observation in XML: {@code /noaa/xml/current_obs/{STATION}.xml}, observed at 23:53 UTC
 *   of the current date.</li>
 * </ul>
 * A period's forecast depends only on its grid cell and start time, so periods already seen never change; each
 * new day brings two new periods at the end.
 */
final class WeatherApi {
    private static final List<String> OFFICES = List.of("MTR", "OKX", "LOX", "ILM", "SEW", "BOU", "LOT", "FFC");
    private static final List<String> SHORT = List.of("Sunny", "Mostly Sunny", "Partly Cloudy", "Mostly Cloudy",
            "Chance Rain Showers", "Rain", "Patchy Fog", "Clear");
    private static final List<String> WIND_DIRS = List.of("N", "NE", "E", "SE", "S", "SW", "W", "NW");
    private static final Map<String, String[]> ZIPS = Map.of(
            "94612", new String[] {"Oakland", "California", "CA", "37.8111", "-122.2711"},
            "10001", new String[] {"New York City", "New York", "NY", "40.7484", "-73.9967"},
            "90210", new String[] {"Beverly Hills", "California", "CA", "34.0901", "-118.4065"},
            "60601", new String[] {"Chicago", "Illinois", "IL", "41.8858", "-87.6181"},
            "98101", new String[] {"Seattle", "Washington", "WA", "47.6114", "-122.3305"},
            "30301", new String[] {"Atlanta", "Georgia", "GA", "33.8444", "-84.4740"},
            "80202", new String[] {"Denver", "Colorado", "CO", "39.7527", "-104.9997"},
            "28401", new String[] {"Wilmington", "North Carolina", "NC", "34.2257", "-77.9447"});
    private static final Map<String, String[]> STATIONS = Map.of(
            "KOAK", new String[] {"Oakland, Metropolitan Oakland International Airport, CA", "37.72", "-122.22"},
            "KJFK", new String[] {"New York, Kennedy International Airport, NY", "40.64", "-73.76"},
            "KLAX", new String[] {"Los Angeles International Airport, CA", "33.94", "-118.39"},
            "KSFO", new String[] {"San Francisco International Airport, CA", "37.62", "-122.37"},
            "KORD", new String[] {"Chicago O'Hare International Airport, IL", "41.98", "-87.90"},
            "KSEA", new String[] {"Seattle-Tacoma International Airport, WA", "47.44", "-122.31"});

    private final PlaygroundState state;
    private final DataGenerator gen;

    WeatherApi(PlaygroundState state) {
        this.state = state;
        this.gen = new DataGenerator(state.seed);
    }

    void register(RoutesConfig routes) {
        routes.get("/nws/points/{point}", this::points);
        routes.get("/nws/gridpoints/{office}/{xy}/forecast", this::forecast);
        routes.get("/zippopotam/us/{zip}", this::zip);
        routes.get("/noaa/xml/current_obs/{file}", this::currentObservation);
    }

    private void points(Context ctx) {
        String[] latLon = ctx.pathParam("point").split(",");
        double lat;
        double lon;
        try {
            lat = Double.parseDouble(latLon[0]);
            lon = Double.parseDouble(latLon[1]);
        } catch (RuntimeException e) {
            throw nwsError(400, "Invalid Parameter", "Parameter \"point\" must be lat,lon");
        }
        if (latLon.length != 2 || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
            throw nwsError(400, "Invalid Parameter", "Parameter \"point\" is out of range");
        }
        long cell = Math.round(lat * 10) * 100_000 + Math.round(lon * 10);
        String office = OFFICES.get(Seeded.below(OFFICES.size(), state.seed, "office", cell));
        int x = 1 + (int) Math.floorMod(Math.round(lat * 100), 180L);
        int y = 1 + (int) Math.floorMod(Math.round(lon * 100), 180L);
        String base = Params.baseUrl(ctx) + "/nws";
        String grid = base + "/gridpoints/" + office + "/" + x + "," + y;
        String faults = Params.faultSuffix(ctx);
        String query = faults.isEmpty() ? "" : "?" + faults.substring(1);
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("@id", base + "/points/" + ctx.pathParam("point"));
        props.put("gridId", office);
        props.put("gridX", x);
        props.put("gridY", y);
        props.put("forecast", grid + "/forecast" + query);
        props.put("forecastHourly", grid + "/forecast/hourly");
        props.put("forecastGridData", grid);
        props.put("relativeLocation", Map.of("type", "Feature", "properties", Map.of(
                "city", DataGenerator.capitalize(gen.word("city", cell)) + "ville", "state", "CA")));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", props.get("@id"));
        body.put("type", "Feature");
        body.put("geometry", Map.of("type", "Point", "coordinates", List.of(lon, lat)));
        body.put("properties", props);
        Responder.json(ctx, body);
    }

    private void forecast(Context ctx) {
        String office = ctx.pathParam("office").toUpperCase(Locale.ROOT);
        String xy = ctx.pathParam("xy");
        if (!xy.matches("\\d{1,4},\\d{1,4}")) {
            throw nwsError(404, "Not Found", "Grid point " + xy + " is not valid");
        }
        LocalDate today = state.today();
        List<Map<String, Object>> periods = new ArrayList<>();
        for (int k = 1; k <= 14; k++) {
            boolean daytime = k % 2 == 1;
            LocalDate date = today.plusDays((k - 1) / 2);
            Instant start = date.atTime(daytime ? 6 : 18, 0).toInstant(ZoneOffset.UTC);
            Instant end = start.plusSeconds(12 * 3600);
            periods.add(period(k, office + xy, date, daytime, start, end));
        }
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("units", "us");
        props.put("forecastGenerator", "BaselineForecastGenerator");
        props.put("generatedAt", state.dayStart(state.day()).plusSeconds(3600).toString());
        props.put("updateTime", state.dayStart(state.day()).plusSeconds(1800).toString());
        props.put("periods", periods);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "Feature");
        body.put("properties", props);
        Responder.json(ctx, body);
    }

    private Map<String, Object> period(int number, String grid, LocalDate date, boolean daytime, Instant start,
                                       Instant end) {
        String weekday = date.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.US);
        String name = number == 1 ? "Today" : number == 2 ? "Tonight" : daytime ? weekday : weekday + " Night";
        int temperature = gen.intBetween(daytime ? 58 : 40, daytime ? 88 : 62, "temp", grid, start);
        String sky = gen.pick(SHORT, "sky", grid, start);
        String wind = gen.pick(WIND_DIRS, "wind", grid, start);
        int windSpeed = gen.intBetween(2, 20, "wind-speed", grid, start);
        int rain = sky.contains("Rain") ? gen.intBetween(20, 90, "pop", grid, start) : 0;
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("number", number);
        p.put("name", name);
        p.put("startTime", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(start.atOffset(ZoneOffset.UTC))
                .replace("Z", "+00:00"));
        p.put("endTime", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(end.atOffset(ZoneOffset.UTC))
                .replace("Z", "+00:00"));
        p.put("isDaytime", daytime);
        p.put("temperature", temperature);
        p.put("temperatureUnit", "F");
        p.put("temperatureTrend", "");
        p.put("probabilityOfPrecipitation", Map.of("unitCode", "wmoUnit:percent", "value", rain));
        p.put("windSpeed", windSpeed + " mph");
        p.put("windDirection", wind);
        p.put("icon", "https://api.weather.gov/icons/land/" + (daytime ? "day" : "night") + "/few?size=medium");
        p.put("shortForecast", sky);
        p.put("detailedForecast", sky + ", with a " + (daytime ? "high" : "low") + " near " + temperature
                + ". " + wind + " wind around " + windSpeed + " mph.");
        return p;
    }

    private void zip(Context ctx) {
        String zip = ctx.pathParam("zip");
        if (!zip.matches("\\d{5}")) {
            ctx.status(404);
            Responder.json(ctx, Map.of());
            return;
        }
        String[] known = ZIPS.get(zip);
        String[] place = known != null ? known : new String[] {
            DataGenerator.capitalize(gen.word("zip-city", zip)) + " Springs", "Colorado", "CO",
            String.format(Locale.ROOT, "%.4f", 30 + Seeded.unit(state.seed, "zip-lat", zip) * 17),
            String.format(Locale.ROOT, "%.4f", -120 + Seeded.unit(state.seed, "zip-lon", zip) * 45)};
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("place name", place[0]);
        p.put("longitude", place[4]);
        p.put("state", place[1]);
        p.put("state abbreviation", place[2]);
        p.put("latitude", place[3]);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("post code", zip);
        body.put("country", "United States");
        body.put("country abbreviation", "US");
        body.put("places", List.of(p));
        Responder.json(ctx, body);
    }

    private void currentObservation(Context ctx) {
        String file = ctx.pathParam("file");
        String station = file.endsWith(".xml") ? file.substring(0, file.length() - 4).toUpperCase(Locale.ROOT) : "";
        if (!station.matches("[A-Z0-9]{4}")) {
            ctx.status(404);
            Responder.text(ctx, "text/html; charset=utf-8", "<html><body><h1>Not Found</h1></body></html>");
            return;
        }
        String[] known = STATIONS.get(station);
        String location = known != null ? known[0] : "Station " + station;
        String lat = known != null ? known[1] : String.format(Locale.ROOT, "%.2f",
                30 + Seeded.unit(state.seed, "station-lat", station) * 17);
        String lon = known != null ? known[2] : String.format(Locale.ROOT, "%.2f",
                -120 + Seeded.unit(state.seed, "station-lon", station) * 45);
        Instant observed = state.dayStart(state.day()).plusSeconds(23 * 3600 + 53 * 60);
        Object[] key = {"obs", station, observed};
        double tempF = 35 + Seeded.unit(state.seed, DataGenerator.append(key, "t")) * 50;
        double dewF = tempF - 3 - Seeded.unit(state.seed, DataGenerator.append(key, "d")) * 15;
        int humidity = gen.intBetween(20, 95, DataGenerator.append(key, "h"));
        int windDeg = gen.intBetween(0, 35, DataGenerator.append(key, "wd")) * 10;
        double windMph = gen.intBetween(0, 250, DataGenerator.append(key, "ws")) / 10.0;
        double pressureMb = 995 + gen.intBetween(0, 400, DataGenerator.append(key, "p")) / 10.0;
        String weather = gen.pick(List.of("Fair", "Partly Cloudy", "Mostly Cloudy", "Overcast", "Light Rain", "Fog"),
                DataGenerator.append(key, "w"));
        String windDir = WIND_DIRS.get(Math.floorMod(Math.round(windDeg / 45.0), 8));
        StringBuilder x = new StringBuilder();
        x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append("<current_observation version=\"1.0\">\n");
        el(x, "credit", "NOAA's National Weather Service");
        el(x, "credit_URL", "https://weather.gov/");
        el(x, "suggested_pickup", "15 minutes after the hour");
        el(x, "suggested_pickup_period", "60");
        el(x, "location", location);
        el(x, "station_id", station);
        el(x, "latitude", lat);
        el(x, "longitude", lon);
        el(x, "observation_time", "Last Updated on " + DateTimeFormatter.ofPattern("MMM d yyyy, h:mm a", Locale.US)
                .format(observed.atOffset(ZoneOffset.UTC)) + " UTC");
        el(x, "observation_time_rfc822", DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US)
                .format(observed.atOffset(ZoneOffset.UTC)));
        el(x, "weather", weather);
        el(x, "temperature_string", f1(tempF) + " F (" + f1(toC(tempF)) + " C)");
        el(x, "temp_f", f1(tempF));
        el(x, "temp_c", f1(toC(tempF)));
        el(x, "relative_humidity", String.valueOf(humidity));
        el(x, "wind_string", windMph == 0 ? "Calm" : windDir + " at " + f1(windMph) + " MPH ("
                + Math.round(windMph * 0.868976) + " KT)");
        el(x, "wind_dir", windDir);
        el(x, "wind_degrees", String.valueOf(windDeg));
        el(x, "wind_mph", f1(windMph));
        el(x, "wind_kt", String.valueOf(Math.round(windMph * 0.868976)));
        el(x, "pressure_string", f1(pressureMb) + " mb");
        el(x, "pressure_mb", f1(pressureMb));
        el(x, "pressure_in", String.format(Locale.ROOT, "%.2f", pressureMb * 0.0295301));
        el(x, "dewpoint_string", f1(dewF) + " F (" + f1(toC(dewF)) + " C)");
        el(x, "dewpoint_f", f1(dewF));
        el(x, "dewpoint_c", f1(toC(dewF)));
        el(x, "visibility_mi", "10.00");
        el(x, "icon_url_base", "https://forecast.weather.gov/images/wtf/small/");
        el(x, "two_day_history_url", "https://www.weather.gov/data/obhistory/" + station + ".html");
        el(x, "icon_url_name", "skc.png");
        el(x, "ob_url", "https://www.weather.gov/data/METAR/" + station + ".1.txt");
        el(x, "disclaimer_url", "https://www.weather.gov/disclaimer.html");
        el(x, "copyright_url", "https://www.weather.gov/disclaimer.html");
        el(x, "privacy_policy_url", "https://www.weather.gov/notice.html");
        x.append("</current_observation>\n");
        Responder.text(ctx, "application/xml; charset=utf-8", x.toString());
    }

    private static void el(StringBuilder x, String name, String text) {
        x.append("  <").append(name).append('>').append(escape(text)).append("</").append(name).append(">\n");
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&apos;");
    }

    private static double toC(double f) {
        return (f - 32) * 5 / 9;
    }

    private static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static ApiError nwsError(int status, String title, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("correlationId", "playground");
        body.put("title", title);
        body.put("type", "https://api.weather.gov/problems/" + title.replace(" ", ""));
        body.put("status", status);
        body.put("detail", detail);
        return new ApiError(status, body);
    }
}
