package io.tributary.examples.weather_xml;

import io.tributary.sdk.Log;
import io.tributary.sdk.http.XmlDocument;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The original's {@code parse_xml_weather_data}: the elements of a {@code <current_observation>}, some as numbers. */
final class ObservationParser {
    /** The child elements read, in the original's order; absent or empty ones are left out. */
    static final List<String> TEXT_ELEMENTS = List.of("credit", "credit_URL", "image", "suggested_pickup",
            "suggested_pickup_period", "location", "station_id", "latitude", "longitude", "observation_time",
            "observation_time_rfc822", "weather", "temperature_string", "temp_f", "temp_c", "relative_humidity",
            "wind_string", "wind_dir", "wind_degrees", "wind_mph", "wind_kt", "pressure_string", "pressure_mb",
            "pressure_in", "dewpoint_string", "dewpoint_f", "dewpoint_c", "visibility_mi", "icon_url_base",
            "two_day_history_url", "icon_url_name", "ob_url", "disclaimer_url", "copyright_url",
            "privacy_policy_url");
    static final List<String> INTEGER_FIELDS = List.of("relative_humidity", "wind_degrees");
    static final List<String> DECIMAL_FIELDS = List.of("latitude", "longitude", "temp_f", "temp_c", "wind_mph",
            "wind_kt", "pressure_mb", "pressure_in", "dewpoint_f", "dewpoint_c", "visibility_mi");

    private ObservationParser() {
    }

    static Map<String, Object> parse(XmlDocument xml) {
        Map<String, Object> data = new LinkedHashMap<>();
        for (String element : TEXT_ELEMENTS) {
            String text = xml.text("/current_observation/" + element);
            if (text != null && !text.isEmpty()) {
                data.put(element, text);
            }
        }
        for (String field : INTEGER_FIELDS) {
            convert(data, field, "int");
        }
        for (String field : DECIMAL_FIELDS) {
            convert(data, field, "float");
        }
        return data;
    }

    /** Replaces the text with a number; a value that is not one stays text, with a warning, as in the original. */
    private static void convert(Map<String, Object> data, String field, String type) {
        Object value = data.get(field);
        if (value == null) {
            return;
        }
        try {
            data.put(field, type.equals("int") ? (Object) Integer.parseInt((String) value)
                    : (Object) Double.parseDouble((String) value));
        } catch (NumberFormatException e) {
            Log.warning("Could not convert " + field + " to " + type + ": " + value);
        }
    }
}
