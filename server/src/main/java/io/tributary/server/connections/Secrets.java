package io.tributary.server.connections;

import java.util.Locale;

/** Which configuration values are secrets, and the mask that stands for them in every response. */
public final class Secrets {
    public static final String MASK = "******";
    private static final String[] SECRET_PARTS = {"password", "passwd", "passphrase", "secret", "token", "apikey",
            "credential"};

    private Secrets() {
    }

    /**
     * Whether a configuration key names a secret: one of its words (split at "_", "-", "." and camelCase) is
     * "key" or "pwd", or contains password, secret, token, credential and the like. "api_key", "clientSecret"
     * and "access_token" do; "keyboard" and "monkey" do not.
     */
    public static boolean looksSecret(String key) {
        String spaced = key.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        for (String word : spaced.split("[^a-z0-9]+")) {
            if (word.equals("key") || word.equals("pwd")) {
                return true;
            }
            for (String part : SECRET_PARTS) {
                if (word.contains(part)) {
                    return true;
                }
            }
        }
        return false;
    }

    public static boolean isMask(Object value) {
        return MASK.equals(value);
    }
}
