package org.mpjhpc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A farm job really stopped in the middle (the rank JVM killed -9, SIGTERM to mpjrun) and
 * resumed from its journal: every task recorded exactly once across the runs.
 */
class FarmDurabilityIT {
    private static final String CONFIG = "configs/resume.yaml";
    private static final int TASKS = 64;

    @TempDir
    Path dir;

    private Mpjrun.Background start() throws Exception {
        return Mpjrun.start(dir, Map.of(), CONFIG, "--out", dir.resolve("out").toString(), "--log-level", "DEBUG");
    }

    private Mpjrun.Result resume() throws Exception {
        return Mpjrun.command(List.of(Mpjrun.ROOT.resolve("mpjrun").toString(), CONFIG, "--out",
                dir.resolve("out").toString(), "--resume"), new File("/dev/null"), Map.of());
    }

    /** The resumed run's report: all tasks once, fib results right, some from the journal and some run now. */
    private JsonNode checkResumed(Mpjrun.Result r) throws Exception {
        assertEquals(0, r.exit(), r.all());
        JsonNode report = r.report(dir.resolve("out/report.json"));
        Reports.eachTaskOnce(report, TASKS, r);
        for (JsonNode t : report.get("tasks")) {
            assertEquals("done", t.get("status").asText(), t.toString());
            if (t.get("type").asText().equals("fib")) {
                assertEquals(75025, t.get("result").asLong(), t.toString());
            }
        }
        JsonNode journal = report.get("journal");
        long from = journal.get("from_journal").asLong();
        long now = journal.get("run_now").asLong();
        assertTrue(from > 0 && now > 0, journal.toString());
        assertEquals(TASKS, from + now);
        assertTrue(r.stdout().contains("VERIFY PASS") && r.stdout().contains(from + " results from the journal, "
                + now + " run now"), r.stdout());
        return report;
    }

    @Test
    void aKilledJobResumesFromItsJournalExactlyOnce() throws Exception {
        Mpjrun.Background first = start();
        first.awaitLines(" done on worker ", 8);
        // kill -9 the ranks' JVM: no hook, no report
        List<ProcessHandle> ranks = first.process().descendants()
                .filter(h -> h.info().commandLine().orElse("").contains("runtime.starter.MulticoreStarter")).toList();
        assertEquals(1, ranks.size(), first.all());
        ranks.get(0).destroyForcibly();
        assertEquals(1, first.exit(), first.all());
        assertTrue(first.all().contains("--resume"), "the crash message tells how to go on:\n" + first.all());
        assertTrue(!Files.exists(dir.resolve("out/report.json")));

        Mpjrun.Result fresh = Mpjrun.run(CONFIG, "--out", dir.resolve("out").toString());
        assertEquals(2, fresh.exit(), fresh.all());
        assertTrue(fresh.stderr().contains("unfinished run") && fresh.stderr().contains("--resume"), fresh.stderr());

        Mpjrun.Result changed = Mpjrun.run(CONFIG, "--out", dir.resolve("out").toString(), "--resume",
                "--set", "farm.requests.1.task.n=24");
        assertEquals(2, changed.exit(), changed.all());
        assertTrue(changed.stderr().contains("requests[1]"), changed.stderr());

        checkResumed(resume());
    }

    @Test
    void sigtermStopsTheJobWithItsStateSavedAndResumeFinishesIt() throws Exception {
        Mpjrun.Background first = start();
        first.awaitLines(" done on worker ", 8);
        long t0 = System.nanoTime();
        new ProcessBuilder("kill", "-TERM", Long.toString(first.process().pid())).start().waitFor();
        assertEquals(4, first.exit(), first.all());
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("SIGTERM to mpjrun: the job ended in %.2f s%n", seconds);
        assertTrue(seconds < 10, "ended within the grace period of 10 s, took " + seconds);
        JsonNode report = new ObjectMapper().readTree(dir.resolve("out/report.json").toFile());
        assertEquals("interrupted", report.get("status").asText());
        assertEquals(4, report.get("exit_code").asInt());
        assertTrue(first.all().contains("VERIFY FAIL: FAILED: ") && first.all().contains("/64 tasks recorded exactly once"),
                "an interrupted run does not pass its check:\n" + first.all());
        assertEquals(false, report.get("verification").get("passed").asBoolean());
        assertTrue(first.process().descendants().findAny().isEmpty(), "no process outlives the job");
        checkResumed(resume());
    }
}
