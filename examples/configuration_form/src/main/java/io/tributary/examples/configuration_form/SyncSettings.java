package io.tributary.examples.configuration_form;

import io.tributary.sdk.Configuration;
import io.tributary.sdk.Configuration.ConfigurationException;
import java.util.Set;

/** The form's values, checked once, with errors that name the field to fix. */
record SyncSettings(String apiBaseUrl, String apiKey, int batchSize, boolean metricsEnabled, boolean incremental) {
    static final Set<Integer> BATCH_SIZES = Set.of(10, 100, 500);

    static SyncSettings from(Configuration c) {
        int batchSize = c.getInt("batch_size", 100);
        if (!BATCH_SIZES.contains(batchSize)) {
            throw new ConfigurationException("batch_size", "batch_size must be 10, 100 or 500, got " + batchSize);
        }
        String mode = c.get("sync_mode", "full").trim();
        if (!mode.equals("full") && !mode.equals("incremental")) {
            throw new ConfigurationException("sync_mode", "sync_mode must be full or incremental, got '" + mode + "'");
        }
        return new SyncSettings(stripSlash(c.require("api_base_url")), c.require("api_key"), batchSize,
                c.getBoolean("enable_metrics", false), mode.equals("incremental"));
    }

    private static String stripSlash(String url) {
        String u = url.trim();
        return u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    }
}
