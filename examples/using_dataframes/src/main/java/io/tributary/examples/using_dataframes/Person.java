package io.tributary.examples.using_dataframes;

import java.util.Map;

/** One fetched person, already split into the rows of the three tables, as the original's {@code get_data}. */
record Person(Map<String, Object> profile, Map<String, Object> location, Map<String, Object> login) {
}
