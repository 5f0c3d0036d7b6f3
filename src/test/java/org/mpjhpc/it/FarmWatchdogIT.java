package org.mpjhpc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hung farm jobs really caused (a task deadlocked on its own locks, two tasks locking in
 * opposite orders, a task that never returns) end by the watchdog with exit code 5 and a
 * dump naming the stuck task and lock, instead of hanging forever.
 */
class FarmWatchdogIT {
    @TempDir
    Path dir;

    private Mpjrun.Result run(String requests) throws Exception {
        Path config = dir.resolve("hang.yaml");
        Files.writeString(config, """
                job: farm
                name: hang
                farm:
                  workers: [1, 1]
                  watchdog_s: 3
                  resources:
                    - {name: x, type: long, value: 0}
                    - {name: a, type: long, value: 0}
                    - {name: b, type: long, value: 0}
                  requests:
                    - times: 4
                      task: {type: fib, n: 15}
                """ + requests);
        long t0 = System.nanoTime();
        Mpjrun.Result r = Mpjrun.command(List.of(Mpjrun.ROOT.resolve("mpjrun").toString(), config.toString(), "--out",
                dir.resolve("out").toString()), new File("/dev/null"),
                Map.of("MPJRUN_CLASSPATH", Mpjrun.ROOT.resolve("target/test-classes").toString()));
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf("watchdog_s 3: the hung job ended in %.1f s (whole mpjrun)%n", s);
        assertEquals(5, r.exit(), r.all());
        assertTrue(s < 30, "ended soon after the watchdog's 3 s, took " + s);
        return r;
    }

    /**
     * The dump the report names, checked to hold what the message says; the fib tasks ran
     * first and are recorded, unless {@code pinnedFirst} (pinned tasks go ahead of the queue).
     */
    private String dump(Mpjrun.Result r, boolean pinnedFirst) throws Exception {
        JsonNode report = r.report(dir.resolve("out/report.json"));
        assertEquals("hung", report.get("status").asText());
        Path file = Path.of(report.get("hang_dump").asText());
        assertTrue(r.all().contains(file.toString()), "the message names the dump:\n" + r.all());
        for (JsonNode t : report.get("tasks")) {
            if (t.get("type").asText().equals("fib")) {
                assertEquals(pinnedFirst ? "queued" : "done", t.get("status").asText(), t.toString());
            }
        }
        return Files.readString(file);
    }

    @Test
    void aTaskDeadlockedOnItsOwnLocksIsNamed() throws Exception {
        String d = dump(run("""
                    - task: {type: java, class: org.mpjhpc.it.tasks.ReadThenWrite, args: {name: x}}
                """), false);
        assertTrue(d.contains("task 4 attempt 1 Java[className=org.mpjhpc.it.tasks.ReadThenWrite"), d);
        assertTrue(d.matches("(?s).*'x': read locks held by worker\\(s\\) \\[(\\d)]; worker \\1 waits to write.*"), d);
        assertTrue(d.contains("at org.mpjhpc.it.tasks.ReadThenWrite.run"), "the stuck thread's stack:\n" + d);
    }

    @Test
    void twoTasksLockingInOppositeOrdersAreNamed() throws Exception {
        String d = dump(run("""
                    - worker: 0
                      task: {type: java, class: org.mpjhpc.it.tasks.LockInOrder, args: {first: a, second: b}}
                    - worker: 1
                      task: {type: java, class: org.mpjhpc.it.tasks.LockInOrder, args: {first: b, second: a}}
                """), true);
        assertTrue(d.contains("'a': write lock held by worker 0; worker 1 waits to write"), d);
        assertTrue(d.contains("'b': write lock held by worker 1; worker 0 waits to write"), d);
    }

    @Test
    void aTaskThatNeverReturnsIsNamed() throws Exception {
        String d = dump(run("""
                    - task: {type: java, class: org.mpjhpc.it.tasks.NeverReturns}
                """), false);
        assertTrue(d.contains("task 4 attempt 1 Java[className=org.mpjhpc.it.tasks.NeverReturns"), d);
        assertTrue(d.contains("at org.mpjhpc.it.tasks.NeverReturns.run"), d);
    }
}
