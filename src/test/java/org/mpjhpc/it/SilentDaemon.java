package org.mpjhpc.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * A stand-in for a host whose MPJ Express daemon takes jobs but never starts their ranks
 * (a hung daemon, a full disk): it accepts connections on the daemon port and holds them
 * without answering. {@code java org.mpjhpc.it.SilentDaemon PORT}
 */
public final class SilentDaemon {
    private SilentDaemon() {
    }

    public static void main(String[] args) throws IOException {
        List<Socket> held = new ArrayList<>();
        try (ServerSocket server = new ServerSocket(Integer.parseInt(args[0]))) {
            while (true) {
                held.add(server.accept());
            }
        }
    }
}
