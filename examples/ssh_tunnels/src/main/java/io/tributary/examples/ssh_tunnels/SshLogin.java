package io.tributary.examples.ssh_tunnels;

import io.tributary.sdk.Configuration;
import io.tributary.sdk.Configuration.ConfigurationException;

/**
 * One SSH server and how to log in to it, read from the configuration keys that start with {@code prefix}:
 * {@code ssh_} for the server the tunnel leaves from, {@code jump_} for an optional jump host in front of it.
 */
record SshLogin(String prefix, String host, int port, String user, String privateKey, String keyPassphrase,
                String password, String hostKeyFingerprint) {
    static final int DEFAULT_PORT = 22;

    static SshLogin from(Configuration configuration, String prefix) {
        SshLogin login = new SshLogin(prefix,
                configuration.require(prefix + "host").trim(),
                configuration.getInt(prefix + "port", DEFAULT_PORT),
                configuration.require(prefix + "user"),
                optional(configuration, prefix + "private_key"),
                optional(configuration, prefix + "key_passphrase"),
                optional(configuration, prefix + "password"),
                optional(configuration, prefix + "host_key_fingerprint"));
        if (login.privateKey == null && login.password == null) {
            throw new ConfigurationException(login.key("private_key"), "configuration needs " + login.key("private_key")
                    + " or " + login.key("password") + " to log in to the SSH server at " + login.address()
                    + "; add one to configuration.json");
        }
        return login;
    }

    /** The full configuration key of one of this login's settings, such as {@code ssh_password}. */
    String key(String name) {
        return prefix + name;
    }

    String address() {
        return host + ":" + port;
    }

    /** The keys holding this login's credentials, for messages that say what to check. */
    String credentialKeys() {
        StringBuilder keys = new StringBuilder(key("user"));
        if (privateKey != null) {
            keys.append(", ").append(key("private_key"));
            if (keyPassphrase != null) {
                keys.append(", ").append(key("key_passphrase"));
            }
        }
        if (password != null) {
            keys.append(", ").append(key("password"));
        }
        return keys.toString();
    }

    private static String optional(Configuration configuration, String key) {
        String value = configuration.get(key);
        return value == null || value.isBlank() ? null : value;
    }
}
