package org.mpjhpc.data.mapreduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The task watchdog: silence is a hang, a long task that gets on is not, a thrown Error is a failure. */
class TaskRunTest {
    @Test
    void aTaskThatBeatsRunsLongerThanTheTimeout() {
        TaskRun.Outcome<String> out = TaskRun.run("beating", () -> {
            long end = System.nanoTime() + 1_500_000_000L; // five times the timeout
            while (System.nanoTime() < end) {
                TaskRun.beat();
                Thread.sleep(20);
            }
            return "done";
        }, 300);
        assertEquals(new TaskRun.Outcome<>("done", null), out);
    }

    @Test
    void aSilentTaskIsAbandonedAfterTheTimeout() {
        long t0 = System.nanoTime();
        TaskRun.Outcome<String> out = TaskRun.run("silent", () -> {
            TaskRun.beat();
            Thread.sleep(60_000);
            return "never";
        }, 300);
        double seconds = (System.nanoTime() - t0) / 1e9;
        assertEquals(null, out.value());
        assertTrue(out.error().startsWith("no progress for 300 ms"), out.error());
        assertTrue(seconds >= 0.3 && seconds < 30, "abandoned after " + seconds + " s");
    }

    @Test
    void aTaskThatStopsBeatingIsAbandonedThoughItBeatBefore() {
        TaskRun.Outcome<String> out = TaskRun.run("stalls", () -> {
            for (int i = 0; i < 20; i++) {
                TaskRun.beat();
                Thread.sleep(20);
            }
            while (!Thread.currentThread().isInterrupted()) { // no progress, as a user's endless loop
                Thread.onSpinWait();
            }
            return "stopped when abandoned"; // not to spin a core for the rest of the tests
        }, 300);
        assertTrue(out.error().startsWith("no progress"), String.valueOf(out.error()));
    }

    @Test
    void anErrorKillingTheExecutorIsAFailure() {
        TaskRun.Outcome<String> out = TaskRun.run("dies", () -> {
            throw new StackOverflowError("deep");
        }, 0);
        assertEquals("java.lang.StackOverflowError: deep", out.error());
    }
}
