package io.tributary.examples.smartsheets;

import io.tributary.sdk.Configuration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The sheets to sync, from the {@code sheets} configuration key ({@code "<id>:<name>,<id>:<name>"}), and the
 * table each one lands in. An empty selection means every sheet the token can see.
 */
final class SheetSelection {
    private final Map<String, String> namesById;

    private SheetSelection(Map<String, String> namesById) {
        this.namesById = namesById;
    }

    /** Items without a colon are skipped, as in the original. */
    static SheetSelection from(Configuration configuration) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String item : configuration.get("sheets", "").split(",")) {
            int colon = item.indexOf(':');
            if (colon > 0) {
                names.put(item.substring(0, colon).trim(), item.substring(colon + 1).trim());
            }
        }
        return new SheetSelection(names);
    }

    boolean isEmpty() {
        return namesById.isEmpty();
    }

    Iterable<String> ids() {
        return namesById.keySet();
    }

    /** {@code sheet_<name>}, the configured name winning over the API's, lower case, spaces and dashes as '_'. */
    String tableFor(String sheetId, String apiName) {
        String name = namesById.getOrDefault(sheetId, apiName);
        return "sheet_" + name.toLowerCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
    }
}
