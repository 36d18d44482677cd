package io.tributary.cli.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class LogsOnStandardErrorTest {
    @Test
    void theConsoleLogGoesToStandardErrorUntilClosed() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
            try (LogsOnStandardError ignored = LogsOnStandardError.open()) {
                LoggerFactory.getLogger("tributary").info("while a result is printed");
            }
            LoggerFactory.getLogger("tributary").info("afterwards");
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        assertThat(errBytes.toString(StandardCharsets.UTF_8)).contains("while a result is printed")
                .doesNotContain("afterwards");
        assertThat(outBytes.toString(StandardCharsets.UTF_8)).contains("afterwards")
                .doesNotContain("while a result is printed");
    }
}
