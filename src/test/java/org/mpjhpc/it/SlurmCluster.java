package org.mpjhpc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A test SLURM cluster's client side: sbatch of {@code benchmarks/batch/mpjrun.sbatch}, waiting
 * for the job to leave the queue, its state and output. {@code prefix} is how a command reaches
 * the cluster (nothing for the one-node cluster, {@code two-nodes run DIR} for the pretend hosts).
 */
final class SlurmCluster {
    static final String SCRIPT = "benchmarks/batch/mpjrun.sbatch";
    private final List<String> prefix;
    private final Map<String, String> env;
    private final Path dir;

    SlurmCluster(List<String> prefix, Map<String, String> env, Path dir) {
        this.prefix = prefix;
        this.env = env;
        this.dir = dir;
    }

    record Job(String state, String output) {
    }

    record Submitted(String id, Path output) {
    }

    /** sbatch, then wait (at most 180 s) until the job has left the queue; its state and output. */
    Job submit(Map<String, String> extraEnv, String... args) throws Exception {
        Submitted s = sbatch(extraEnv, args);
        return awaitEnd(s.id(), s.output());
    }

    Submitted sbatch(Map<String, String> extraEnv, String... args) throws Exception {
        Path output = Files.createTempFile(dir, "job", ".out");
        List<String> command = new ArrayList<>(List.of("sbatch", "--parsable", "--output=" + output, SCRIPT));
        command.addAll(2, List.of(args).subList(0, optionCount(args)));
        command.addAll(List.of(args).subList(optionCount(args), args.length));
        Map<String, String> all = new HashMap<>(env);
        all.putAll(extraEnv);
        Mpjrun.Result r = sh(command, all);
        assertEquals(0, r.exit(), "sbatch: " + r.all());
        return new Submitted(r.stdout().trim(), output);
    }

    Job awaitEnd(String id, Path output) throws Exception {
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (!sh(List.of("squeue", "-h", "-j", id), env).stdout().isBlank()) {
            if (System.nanoTime() > deadline) {
                sh(List.of("scancel", id), env);
                fail("job " + id + " did not end in 180 s:\n" + Files.readString(output));
            }
            Thread.sleep(250);
        }
        String state = sh(List.of("scontrol", "show", "job", id), env).stdout()
                .replaceAll("(?s).*JobState=(\\S+).*ExitCode=(\\S+).*", "$1 $2");
        return new Job(state, Files.readString(output));
    }

    /** A command on the cluster's side (scancel, sinfo ...). */
    Mpjrun.Result sh(List<String> command, Map<String, String> env) throws Exception {
        List<String> all = new ArrayList<>(prefix);
        all.addAll(command);
        return Mpjrun.command(all, new File("/dev/null"), env);
    }

    /** sbatch's own options come first (up to the config, the first argument ending in .yaml). */
    private static int optionCount(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].endsWith(".yaml")) {
                return i;
            }
        }
        return args.length;
    }
}
