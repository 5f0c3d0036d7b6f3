package org.mpjhpc.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MPJ Express's own starter ({@code runtime.starter.MPJRun}, from {@code starter.jar}) run
 * with a {@link StartGate} beside it, for the niodev and hybdev devices. {@code mpjrun}
 * starts this class with MPJ's arguments instead of {@code java -jar starter.jar}.
 */
public final class ClusterStarter {
    private static final Pattern SERVER_PORT =
            Pattern.compile("(?m)^\\s*mpjexpress\\.mpjrun\\.port\\.1\\s*=\\s*(\\d+)");
    private static final long DEFAULT_TIMEOUT_SECONDS = 60;

    private ClusterStarter() {
    }

    public static void main(String[] args) throws Exception {
        int starterPort = starterPort(Path.of(System.getenv("MPJ_HOME"), "conf", "mpjexpress.conf"));
        int ranks = Integer.parseInt(argAfter(args, "-np"));
        long timeout = Long.parseLong(System.getenv().getOrDefault("MPJRUN_START_TIMEOUT",
                String.valueOf(DEFAULT_TIMEOUT_SECONDS)));
        Thread gate = new Thread(() -> StartGate.serve(starterPort, ranks, timeout).ifPresent(problem -> {
            System.err.println("mpjrun: " + problem);
            System.exit(3); // also closes the starter's sockets, which ends the ranks waiting there
        }), "start-gate");
        gate.setDaemon(true); // the starter's own threads decide when this JVM ends
        gate.start();
        Class.forName("runtime.starter.MPJRun").getMethod("main", String[].class)
                .invoke(null, (Object) args);
    }

    static int starterPort(Path conf) throws IOException {
        Matcher m = SERVER_PORT.matcher(Files.readString(conf));
        if (!m.find()) {
            throw new IOException(conf + " has no mpjexpress.mpjrun.port.1");
        }
        return Integer.parseInt(m.group(1));
    }

    private static String argAfter(String[] args, String flag) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(flag)) {
                return args[i + 1];
            }
        }
        throw new IllegalArgumentException("no " + flag + " among the starter's arguments");
    }
}
