package org.mpjhpc.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The start gate on real sockets of this machine (no MPJ Express). */
class StartGateTest {

    @Test
    void findsTheStarterInNiodevAndHybdevArguments() {
        String[] niodev = {"1", "#temp line;#Number of Processes;4;x@0@0@1;#Server Name;h1;#Server Port;40002",
            "niodev", "configs/quickstart.yaml"};
        assertEquals(Optional.of(InetSocketAddress.createUnresolved("h1", 40003)), StartGate.gateOf(niodev));
        String[] hybdev = {"4", "2", "#temp|line;#Number|of|Processes;2;#Server|Name;node-7;#Server|Port;41000"};
        assertEquals(Optional.of(InetSocketAddress.createUnresolved("node-7", 41001)), StartGate.gateOf(hybdev));
        assertEquals(Optional.empty(), StartGate.gateOf(new String[] {"0", "mpjdev.conf", "multicore"}));
    }

    @Test
    void seesWhetherAPortListens() throws IOException {
        int port;
        try (ServerSocket server = new ServerSocket(0)) {
            port = server.getLocalPort();
            assertTrue(StartGate.listening(port));
        }
        assertFalse(StartGate.listening(port));
    }

    @Test
    void ranksWaitUntilTheStarterListensThenAllPass() throws Exception {
        int starterPort = portWithFreeNext();
        String[] rankArgs = {"0", "#Server Name;localhost;#Server Port;" + starterPort, "niodev"};
        CompletableFuture<Optional<String>> gate =
                CompletableFuture.supplyAsync(() -> StartGate.serve(starterPort, 2, 20));
        CompletableFuture<Void> rank1 = CompletableFuture.runAsync(() -> StartGate.await(rankArgs));
        CompletableFuture<Void> rank2 = CompletableFuture.runAsync(() -> StartGate.await(rankArgs));
        Thread.sleep(300);
        assertFalse(rank1.isDone() || rank2.isDone(), "a rank passed before the starter listened");
        try (ServerSocket starter = new ServerSocket(starterPort)) {
            rank1.get(10, TimeUnit.SECONDS);
            rank2.get(10, TimeUnit.SECONDS);
            assertEquals(Optional.empty(), gate.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void namesTheHostsWhenTooFewRanksArrive() throws Exception {
        int starterPort = portWithFreeNext();
        String[] rankArgs = {"0", "#Server Name;127.0.0.1;#Server Port;" + starterPort, "niodev"};
        try (ServerSocket starter = new ServerSocket(starterPort)) {
            CompletableFuture<Optional<String>> gate =
                    CompletableFuture.supplyAsync(() -> StartGate.serve(starterPort, 3, 1));
            StartGate.await(rankArgs);
            String problem = gate.get(10, TimeUnit.SECONDS).orElseThrow();
            assertTrue(problem.startsWith("only 1 of 3 ranks started within 1 s (by host: {"), problem);
        }
    }

    /** A free port whose next port is free too (the gate's). */
    private static int portWithFreeNext() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port;
            try (ServerSocket probe = new ServerSocket(0)) {
                port = probe.getLocalPort();
            }
            try (ServerSocket next = new ServerSocket(port + 1)) {
                return port;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no two free neighbouring ports");
    }
}
