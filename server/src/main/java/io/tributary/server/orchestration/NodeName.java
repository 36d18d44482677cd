package io.tributary.server.orchestration;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** A node's name in the sync history: host, port and process, so an operator can find the node that ran a sync. */
public final class NodeName {
    private NodeName() {
    }

    public static String of(int port) {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "localhost";
        }
        return host + ":" + port + "/" + ProcessHandle.current().pid();
    }
}
