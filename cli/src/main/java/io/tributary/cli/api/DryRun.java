package io.tributary.cli.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** {@code --dry-run}: print the requests a mutating command would send, and send none of them. */
public final class DryRun {
    @Option(names = "--dry-run", description = "Print the requests instead of sending them.")
    boolean enabled;

    public boolean enabled() {
        return enabled;
    }

    /** True when the request was only printed. */
    public boolean print(PrintWriter out, String method, String path, Object body) {
        if (!enabled) {
            return false;
        }
        try {
            out.println(method + " " + path + (body == null ? "" : " " + new ObjectMapper().writeValueAsString(body)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return true;
    }
}
