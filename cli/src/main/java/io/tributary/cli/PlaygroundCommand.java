package io.tributary.cli;

import io.tributary.playground.Playground;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Serves the local API playground that the API examples sync from, until stopped (Ctrl-C). */
@Command(name = "playground", mixinStandardHelpOptions = true,
        description = "Serve the local API playground (fake source APIs with days and fault injection) on 127.0.0.1.")
final class PlaygroundCommand implements Callable<Integer> {
    @Option(names = "--port", defaultValue = "5001", description = "Port on 127.0.0.1 (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the synthetic data (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--day", defaultValue = "0", description = "The day to serve; later days add and change records.")
    int day;

    @Option(names = "--faults", paramLabel = "SPEC",
            description = "Faults on every request, e.g. 429:0.1,500:0.05 (see playground/README.md).")
    String faults;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        Playground.Builder builder = Playground.builder().port(port).seed(seed).day(day);
        if (faults != null) {
            builder.faults(faults);
        }
        Playground playground = builder.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            playground.close();
            stopped.countDown();
        }, "playground-shutdown"));
        spec.commandLine().getOut().println("Playground listening on " + playground.baseUrl() + " (day "
                + playground.day() + ", " + playground.today() + "); admin: " + playground.baseUrl()
                + "/_playground. Ctrl-C stops it.");
        spec.commandLine().getOut().flush();
        stopped.await();
        return 0;
    }
}
