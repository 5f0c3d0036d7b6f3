package org.mpjhpc.farm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskRunnerTest {
    private final TaskRunner runner = new TaskRunner(3, System.currentTimeMillis(), null);

    private Outcome run(TaskKind kind) {
        return runner.run(new TaskSpec(9, 1, kind));
    }

    @Test
    void everyTaskKindHasARunner() {
        java.util.List<TaskKind> examples = java.util.List.of(new TaskKind.Fib(5), new TaskKind.Sleep(1),
                new TaskKind.Spin(1), new TaskKind.Cpu(1), new TaskKind.Shell("true", 5000),
                new TaskKind.Java("org.mpjhpc.farm.tasks.PrimeCount", Map.of("limit", "10")), new TaskKind.Noop());
        assertEquals(java.util.Set.of(TaskKind.class.getPermittedSubclasses()),
                examples.stream().map(Object::getClass).collect(java.util.stream.Collectors.toSet()),
                "a new task kind needs an example here");
        for (TaskKind kind : examples) {
            Outcome o = run(kind);
            assertTrue(o.ok(), kind + ": " + o.error());
        }
        assertEquals("4", run(examples.get(5)).result());
    }

    @Test
    void fibMatchesTheIterativeValue() {
        Outcome o = run(new TaskKind.Fib(30));
        assertTrue(o.ok());
        assertEquals("832040", o.result());
        assertEquals(Long.toString(Kernels.fibIterative(30)), o.result());
        assertEquals(3, o.worker());
        assertEquals(9, o.taskId());
    }

    @Test
    void shellCapturesOutputAndFailsOnNonZeroExit() {
        Outcome good = run(new TaskKind.Shell("echo hi; echo there >&2", 5000));
        assertTrue(good.ok());
        assertEquals("hi\nthere", good.result());
        Outcome bad = run(new TaskKind.Shell("echo nope; exit 7", 5000));
        assertFalse(bad.ok());
        assertEquals("exit code 7: nope", bad.error());
    }

    @Test
    void shellTimeoutIsAFailedTaskNotAHang() {
        Outcome o = run(new TaskKind.Shell("echo started; sleep 30", 300));
        assertFalse(o.ok());
        assertTrue(o.error().startsWith("timed out after 300 ms: started"), o.error());
    }

    @Test
    void javaTaskRunsAndItsExceptionIsAResult() {
        Outcome primes = run(new TaskKind.Java("org.mpjhpc.farm.tasks.PrimeCount", Map.of("limit", "100")));
        assertTrue(primes.ok());
        assertEquals("25", primes.result());
        Outcome broken = run(new TaskKind.Java("org.mpjhpc.farm.tasks.PrimeCount", Map.of("limit", "many")));
        assertFalse(broken.ok());
        assertTrue(broken.error().contains("NumberFormatException"), broken.error());
    }

    @Test
    void cpuTaskUsesItsMillisecondsOfThisThreadsCpuTime() {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadCpuTime();
        Outcome o = run(new TaskKind.Cpu(30));
        long used = threads.getCurrentThreadCpuTime() - before;
        assertTrue(o.ok());
        assertTrue(Long.parseLong(o.result()) > 0, "iterations counted");
        assertTrue(used >= 30_000_000L, "used " + used + " ns of CPU");
    }

    @Test
    void spinAndSleepSucceed() {
        assertTrue(run(new TaskKind.Spin(5)).ok());
        Outcome slept = run(new TaskKind.Sleep(20));
        assertTrue(slept.ok());
        assertTrue(slept.endMs() - slept.startMs() >= 19, "slept " + (slept.endMs() - slept.startMs()));
    }

    @Test
    void aTimeLimitFailsATaskOfAnyTypeAndTheExecutorGoesOn() {
        long t0 = System.nanoTime();
        Outcome o = runner.run(new TaskSpec(7, 2, new TaskKind.Sleep(60_000), 200));
        double s = (System.nanoTime() - t0) / 1e9;
        assertFalse(o.ok());
        assertEquals("timed out after 200 ms (timeout_ms)", o.error());
        assertEquals(2, o.attempt());
        assertTrue(s < 5, "returned after the limit, not the task: " + s + " s");
        Outcome spin = runner.run(new TaskSpec(8, 1, new TaskKind.Spin(5_000), 100));
        assertEquals("timed out after 100 ms (timeout_ms)", spin.error());
        Outcome fine = runner.run(new TaskSpec(9, 1, new TaskKind.Fib(20), 10_000));
        assertEquals("6765", fine.result(), "a task within its limit keeps its result");
    }
}
