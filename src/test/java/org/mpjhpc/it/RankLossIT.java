package org.mpjhpc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A rank's JVM killed -9 on the second of two pretend hosts (niodev) in the middle of a
 * farm job and of a finite-volume run: every rank exits within seconds with exit code 6 and a
 * message naming the rank and host, and {@code --resume} on the same hosts finishes the job,
 * every task once, the field bit for bit.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RankLossIT {
    /** A bound on the time from the kill to mpjrun's exit: the lifeline's 1 s rounds and the save, not a speed target. */
    private static final long EXIT_BOUND_MS = 20_000;
    private static final int TASKS = 216;

    private Hosts hosts;
    private Path dir;
    private Path machines;

    @BeforeAll
    void makeHostsAndBoot() throws Exception {
        Needs.need(Needs.root(), "root, to make network namespaces (the multi-host harness)");
        Needs.need(Needs.onPath("ip") && Needs.onPath("unshare"), "iproute2 and unshare (apt-get install iproute2)");
        hosts = Hosts.up("h1", "h2");
        dir = Files.createTempDirectory("rank-loss-it");
        machines = dir.resolve("machines");
        Files.writeString(machines, "h1\nh2\n");
        Mpjrun.Result boot = hosts.mpjrun("h1", "boot", "-machinesfile", machines.toString());
        assertEquals(0, boot.exit(), boot.all());
    }

    @AfterAll
    void haltAndRemoveHosts() throws Exception {
        if (hosts != null) {
            try {
                hosts.mpjrun("h1", "halt", "-machinesfile", machines.toString());
            } finally {
                hosts.close();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"niodev", "hybdev"})
    void farmEndsWithinSecondsNamingTheLostRankAndResumesExactlyOnce(String device) throws Exception {
        Path config = dir.resolve("farm.yaml");
        Files.writeString(config, """
                job: farm
                name: rank-loss
                farm:
                  workers: [2, 2]
                  requests:
                    - times: 200
                      task: {type: sleep, ms: 150}
                    - times: 16
                      task: {type: fib, n: 25}
                """);
        Path out = dir.resolve("farm-" + device);
        String[] args = {"-dev", device, "-machinesfile", machines.toString(), config.toString(), "--out",
            out.toString()};
        Mpjrun.Background run = hosts.start(dir, "h1", withLogLevel(args));
        run.awaitLines(" done on worker 1", 8); // worker 1 is rank 2, on h2
        long ms = killRanksOn("h2", run);
        assertTrue(run.all().contains("error: rank 2 on h2 is gone"), run.all());
        assertTrue(run.all().contains("recorded in " + out.resolve("journal")), run.all());
        assertTrue(run.all().contains("to go on from it: ") && run.all().contains("-dev " + device + " -machinesfile " + machines
                + " " + config + " --out " + out + " --log-level DEBUG --resume"), run.all());
        JsonNode lost = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertEquals("rank_lost", lost.get("status").asText());
        assertEquals(6, lost.get("exit_code").asInt());
        assertFalse(lost.at("/verification/passed").asBoolean(), lost.get("verification").toString());
        assertTrue(run.all().contains("VERIFY FAIL: FAILED: ") && run.all().contains("tasks recorded exactly once"),
                "the run's VERIFY line fails: not every task was recorded\n" + run.all());
        System.out.println("RankLossIT: farm on " + device + " ended " + ms + " ms after rank 2's JVM was killed");

        Mpjrun.Result resumed = hosts.mpjrun("h1", append(args, "--resume"));
        assertEquals(0, resumed.exit(), resumed.all());
        JsonNode report = resumed.report(out.resolve("report.json"));
        Reports.eachTaskOnce(report, TASKS, resumed);
        long fromJournal = report.at("/journal/from_journal").asLong();
        assertTrue(fromJournal > 0 && fromJournal < TASKS, report.get("journal").toString());
        assertTrue(resumed.stdout().contains(fromJournal + " results from the journal, " + (TASKS - fromJournal)
                + " run now"), resumed.stdout());
        for (JsonNode t : report.get("tasks")) {
            assertEquals("done", t.get("status").asText(), t.toString());
            if (t.get("type").asText().equals("fib")) {
                assertEquals(75025, t.get("result").asLong(), t.toString());
            }
        }
    }

    @Test
    void solverEndsWithinSecondsAndResumesFromItsCheckpointBitForBit() throws Exception {
        String[] sets = {"--set", "fv.workers=3", "--set", "fv.nx=192", "--set", "fv.ny=192", "--set", "fv.t_end=0.5",
            "--set", "fv.checkpoint_every=50"};
        Mpjrun.Result whole = Mpjrun.run(append(new String[] {"configs/fv/kelvin_helmholtz.yaml", "--out",
            dir.resolve("fv-whole").toString()}, sets));
        assertEquals(0, whole.exit(), whole.all());
        Path out = dir.resolve("fv");
        String[] args = append(new String[] {"-dev", "niodev", "-machinesfile", machines.toString(),
            "configs/fv/kelvin_helmholtz.yaml", "--out", out.toString()}, sets);
        Mpjrun.Background run = hosts.start(dir, "h1", args);
        run.awaitLines("checkpoint written at step", 2);
        long ms = killRanksOn("h2", run);
        Matcher m = Pattern.compile("error: rank 2 on h2, rank 3 on h2 are gone .* holds step (\\d+);").matcher(run.all());
        assertTrue(m.find(), run.all());
        assertTrue(run.all().contains("checkpoint written at step " + m.group(1)), run.all());
        assertFalse(Files.exists(out.resolve("summary.json")), "no summary of a run that did not end");
        System.out.println("RankLossIT: solver ended " + ms + " ms after the JVMs of ranks 2 and 3 were killed");

        Mpjrun.Result resumed = hosts.mpjrun("h1", append(args, "--resume"));
        assertEquals(0, resumed.exit(), resumed.all());
        assertTrue(resumed.all().contains("restarting from step " + m.group(1)), resumed.all());
        JsonNode end = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        JsonNode reference = new ObjectMapper().readTree(dir.resolve("fv-whole/summary.json").toFile());
        assertEquals(reference.get("checksum"), end.get("checksum"), "killed, resumed on niodev: bit for bit");
    }

    /** Kills -9 every rank JVM on {@code host}; returns the time until mpjrun ended, which must be 6 and bounded. */
    private long killRanksOn(String host, Mpjrun.Background run) throws Exception {
        List<ProcessHandle> ranks = hosts.rankJvms(host);
        assertFalse(ranks.isEmpty(), "no rank JVM on " + host + ":\n" + run.all());
        long t0 = System.nanoTime();
        ranks.forEach(ProcessHandle::destroyForcibly);
        assertEquals(6, run.exit(), run.all());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(ms < EXIT_BOUND_MS, "ended " + ms + " ms after the kill:\n" + run.all());
        assertEquals(List.of(), hosts.rankJvms("h1"), "no JVM but the daemon outlives the job on h1");
        assertEquals(List.of(), hosts.rankJvms("h2"), "no JVM but the daemon outlives the job on h2");
        return ms;
    }

    private static String[] withLogLevel(String[] args) {
        return append(args, "--log-level", "DEBUG");
    }

    private static String[] append(String[] args, String... more) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
