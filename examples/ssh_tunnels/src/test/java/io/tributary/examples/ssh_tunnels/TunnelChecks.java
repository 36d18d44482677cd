package io.tributary.examples.ssh_tunnels;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Checks that a sync left no tunnel behind, and free ports for tests to point at. */
final class TunnelChecks {
    private TunnelChecks() {
    }

    /** A port nothing listens on right now. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * The tunnel is gone: its local port refuses connections, no SSH client thread of the connector is left, and
     * every server has closed the connector's sessions.
     */
    static void assertTunnelClosed(int localPort, TestSshServer... servers) {
        assertThatThrownBy(() -> new Socket("127.0.0.1", localPort).close())
                .as("the tunnel's local port %d after the sync", localPort).isInstanceOf(ConnectException.class);
        assertNoClientThreadsLeft();
        assertEventually(() -> Arrays.stream(servers).allMatch(s -> s.openSessions() == 0),
                () -> "SSH sessions left open on the servers");
    }

    /** No thread of an SSH client is left (they end shortly after the client stops). */
    static void assertNoClientThreadsLeft() {
        assertEventually(() -> clientThreads().isEmpty(), () -> "SSH client threads left: " + clientThreads());
    }

    /** Threads of MINA SSHD clients: their names start with the client's, such as sshd-SshClient[...]-nio2-thread-1. */
    static List<String> clientThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.contains("SshClient")).sorted().toList();
    }

    /** Closing is asynchronous in MINA: threads end and sessions close shortly after stop() returns. */
    private static void assertEventually(BooleanSupplier condition, Supplier<String> failure) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(failure.get());
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted");
            }
        }
    }
}
