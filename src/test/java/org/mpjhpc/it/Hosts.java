package org.mpjhpc.it;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Pretend hosts on this machine for cluster tests: {@code src/test/cluster/hosts} makes one
 * network + UTS namespace per host. {@link #close()} removes all of it, also after a failure.
 */
final class Hosts implements AutoCloseable {
    static final String SCRIPT = Mpjrun.ROOT.resolve("src/test/cluster/hosts").toString();

    /** How mpjrun reaches another host: through the harness instead of ssh. */
    static final Map<String, String> RSH = Map.of("MPJRUN_RSH", SCRIPT + " rsh");

    private Hosts() {
    }

    /** Makes the hosts, or says why not (the harness's own message). */
    static Hosts up(String... names) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(SCRIPT, "up"));
        command.addAll(List.of(names));
        Mpjrun.Result r = Mpjrun.command(command, new File("/dev/null"), Map.of());
        Hosts hosts = new Hosts();
        if (r.exit() != 0) {
            hosts.close();
            throw new IOException("hosts up failed: " + r.all());
        }
        return hosts;
    }

    /** Runs {@code command} inside host {@code name}, with the harness as mpjrun's ssh. */
    Mpjrun.Result exec(String name, String... command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(List.of(SCRIPT, "exec", name));
        full.addAll(List.of(command));
        return Mpjrun.command(full, new File("/dev/null"), RSH);
    }

    /** Runs {@code ./mpjrun ARGS} on host {@code name}. */
    Mpjrun.Result mpjrun(String name, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Mpjrun.ROOT.resolve("mpjrun").toString()));
        command.addAll(List.of(args));
        return exec(name, command.toArray(String[]::new));
    }

    /** Starts {@code ./mpjrun ARGS} on host {@code name} in the background. */
    Mpjrun.Background start(Path dir, String name, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(SCRIPT, "exec", name, Mpjrun.ROOT.resolve("mpjrun").toString()));
        command.addAll(List.of(args));
        return Mpjrun.startCommand(dir, RSH, command);
    }

    /** The JVMs on host {@code name} but MPJ's daemon: the job's ranks, its starter, while they run. */
    List<ProcessHandle> rankJvms(String name) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ip", "netns", "pids", "mpjt-" + name).start();
        String pids = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        List<ProcessHandle> ranks = new ArrayList<>();
        for (String pid : pids.split("\\s+")) {
            if (!pid.isBlank()) {
                ProcessHandle.of(Long.parseLong(pid)).filter(h -> h.info().commandLine().orElse("").contains("java"))
                        .filter(h -> !h.info().commandLine().orElse("").contains("daemon.jar")).ifPresent(ranks::add);
            }
        }
        return ranks;
    }

    @Override
    public void close() {
        try {
            Mpjrun.command(List.of(SCRIPT, "down"), new File("/dev/null"), Map.of());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException("could not remove the test hosts: " + e, e);
        }
    }
}
