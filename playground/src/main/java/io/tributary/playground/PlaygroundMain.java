package io.tributary.playground;

import java.util.concurrent.CountDownLatch;

/**
 * Runs a playground until the process is stopped:
 * {@code PlaygroundMain [--port 5001] [--seed 42] [--day 0] [--faults SPEC]}.
 * The CLI's {@code tributary playground} command can call {@link #run(String[])} or {@link Playground#start(int)}.
 */
public final class PlaygroundMain {
    public static final int DEFAULT_PORT = 5001;

    private PlaygroundMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        Playground playground = run(args);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            playground.close();
            stopped.countDown();
        }, "playground-shutdown"));
        stopped.await();
    }

    /** Parses the options, starts the playground and prints where it listens. */
    public static Playground run(String[] args) {
        Playground.Builder b = Playground.builder().port(DEFAULT_PORT);
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--port":
                    b.port(Integer.parseInt(required(args[i], value)));
                    i++;
                    break;
                case "--seed":
                    b.seed(Long.parseLong(required(args[i], value)));
                    i++;
                    break;
                case "--day":
                    b.day(Integer.parseInt(required(args[i], value)));
                    i++;
                    break;
                case "--faults":
                    b.faults(required(args[i], value));
                    i++;
                    break;
                default:
                    throw new IllegalArgumentException("unknown option " + args[i]
                            + " (expected --port, --seed, --day, --faults)");
            }
        }
        Playground playground = b.start();
        System.out.println("Playground listening on " + playground.baseUrl() + " (day " + playground.day()
                + ", " + playground.today() + ")");
        return playground;
    }

    private static String required(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }
}
