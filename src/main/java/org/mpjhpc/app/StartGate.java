package org.mpjhpc.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.mpjhpc.comm.Backoff;

/**
 * The start gate of a cluster (niodev, hybdev) run, both sides in one place.
 *
 * <p>Why: MPJ Express 0.44's starter sends the job to every daemon first and only then
 * opens the port on which the ranks report in ({@code mpjexpress.mpjrun.port.1}). A rank
 * whose JVM starts before that port listens gets "Connection refused" inside
 * {@code MPI.Init}, dies, and the starter waits for it forever. Measured: the first niodev
 * run after {@code mpjrun boot} hung this way in 1 of 20 runs on 2 cores, and a probe
 * cannot ask that port whether it listens, since the starter counts every connection as a
 * rank. So the starter's JVM (see {@link ClusterStarter}) watches the kernel's socket
 * table, opens the gate on the next port once the starter listens, and every rank
 * ({@link #await}) passes the gate before {@code MPI.Init}.
 *
 * <p>The gate also counts the ranks that passed: when not all arrive within the start-up
 * timeout, the starter names the hosts that did and stops instead of waiting for ever.
 */
final class StartGate {
    static final String SERVER_NAME = "#Server Name;";
    static final String SERVER_PORT = "#Server Port;";
    private static final long RANK_WAIT_SECONDS = 120;

    private StartGate() {
    }

    /** The gate's port: the one after the port on which MPJ's starter collects the ranks. */
    static int gatePort(int starterPort) {
        return starterPort + 1;
    }

    // ---- rank side ----------------------------------------------------------------------

    /**
     * Waits, before {@code MPI.Init}, until the starter named in MPJ's arguments listens.
     * Does nothing for the multicore device, whose arguments name no starter.
     */
    static void await(String[] mpjArgs) {
        Optional<InetSocketAddress> gate = gateOf(mpjArgs);
        if (gate.isEmpty()) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(RANK_WAIT_SECONDS);
        Backoff backoff = new Backoff(TimeUnit.MILLISECONDS.toNanos(5), TimeUnit.MILLISECONDS.toNanos(200));
        while (!passed(gate.get())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the starter on " + gate.get().getHostString()
                        + " did not open its start gate (port " + gate.get().getPort() + ") within "
                        + RANK_WAIT_SECONDS + " s; is that port reachable from this host?");
            }
            backoff.idle();
        }
    }

    /** The gate's address, from the starter's name and port that MPJ passes in the arguments. */
    static Optional<InetSocketAddress> gateOf(String[] mpjArgs) {
        for (String arg : mpjArgs) {
            String text = arg.replace('|', ' '); // hybdev passes the conf with '|' for spaces
            int name = text.indexOf(SERVER_NAME);
            int port = text.indexOf(SERVER_PORT);
            if (name >= 0 && port > name) {
                String host = field(text, name + SERVER_NAME.length());
                int starterPort = Integer.parseInt(field(text, port + SERVER_PORT.length()).trim());
                return Optional.of(InetSocketAddress.createUnresolved(host.trim(), gatePort(starterPort)));
            }
        }
        return Optional.empty();
    }

    private static String field(String text, int from) {
        int end = text.indexOf(';', from);
        return end < 0 ? text.substring(from) : text.substring(from, end);
    }

    private static boolean passed(InetSocketAddress gate) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(gate.getHostString(), gate.getPort()), 1000);
            return true;
        } catch (IOException e) {
            return false; // not open yet (refused or timed out): try again
        }
    }

    // ---- starter side -------------------------------------------------------------------

    /**
     * Opens the gate once a socket listens on {@code starterPort} here, then lets ranks
     * through until {@code ranks} have passed. Returns empty then, or what went wrong: fewer
     * ranks within {@code timeoutSeconds} (and the hosts those that did came from), or a
     * gate port that is taken.
     */
    static Optional<String> serve(int starterPort, int ranks, long timeoutSeconds) {
        Backoff backoff = new Backoff(TimeUnit.MILLISECONDS.toNanos(1), TimeUnit.MILLISECONDS.toNanos(20));
        // Without /proc (not Linux) the gate opens at once: MPJ's own, racy, behaviour.
        while (Files.isReadable(Path.of("/proc/net/tcp")) && !listening(starterPort)) {
            backoff.idle();
        }
        Map<String, Integer> passed = new TreeMap<>();
        try (ServerSocket gate = new ServerSocket(gatePort(starterPort))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
            for (int count = 0; count < ranks; count++) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return Optional.of(tooFew(count, ranks, passed, timeoutSeconds));
                }
                gate.setSoTimeout((int) Math.min(left, Integer.MAX_VALUE));
                try (Socket rank = gate.accept()) {
                    passed.merge(rank.getInetAddress().getHostName(), 1, Integer::sum);
                } catch (SocketTimeoutException e) {
                    return Optional.of(tooFew(count, ranks, passed, timeoutSeconds));
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("cannot open the start gate on port " + gatePort(starterPort)
                    + " (" + e.getMessage() + "); is another cluster job running from this host?");
        }
    }

    private static String tooFew(int count, int ranks, Map<String, Integer> passed, long timeoutSeconds) {
        return String.format(Locale.ROOT, "only %d of %d ranks started within %d s (by host: %s);"
                + " see the daemons' logs on the other hosts (./mpjrun status -machinesfile F)",
                count, ranks, timeoutSeconds, passed.isEmpty() ? "none" : passed);
    }

    /** True when a socket listens on {@code port} in this network namespace (Linux). */
    static boolean listening(int port) {
        String hexPort = String.format(Locale.ROOT, ":%04X", port);
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            if (listensIn(Path.of(table), hexPort)) {
                return true;
            }
        }
        return false;
    }

    private static boolean listensIn(Path table, String hexPort) {
        if (!Files.isReadable(table)) {
            return false;
        }
        try {
            // columns: sl local_address rem_address st ...; st 0A is LISTEN
            for (String line : Files.readAllLines(table)) {
                String[] f = line.trim().split("\\s+");
                if (f.length > 3 && f[1].endsWith(hexPort) && f[3].equals("0A")) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
