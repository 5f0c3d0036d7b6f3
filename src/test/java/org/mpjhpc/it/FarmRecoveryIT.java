package org.mpjhpc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed tests 3, 4 and 5 on real MPJ Express runs: failures really caused (an executor
 * killed, a task that kills its executor, a hung worker), elastic workers, stealing.
 */
class FarmRecoveryIT {
    @TempDir
    Path dir;

    private JsonNode run(String config, String... more) throws Exception {
        return run(Map.of(), config, more);
    }

    /** Runs {@code config} with extra environment variables; the run must succeed. */
    private JsonNode run(Map<String, String> env, String config, String... more) throws Exception {
        Path report = dir.resolve("report.json");
        List<String> args = new ArrayList<>(List.of(Mpjrun.ROOT.resolve("mpjrun")
                .toString(), config, "--report", report.toString(), "--out", dir.resolve("out").toString()));
        args.addAll(List.of(more));
        Mpjrun.Result r = Mpjrun.command(args, new File("/dev/null"), env);
        assertEquals(0, r.exit(), r.all());
        last = r;
        return r.report(report);
    }

    private Mpjrun.Result last;

    @Test
    void seedTest3KilledWorkerIsDetectedRequeuedRestartedAndWorksAgain() throws Exception {
        JsonNode report = run("configs/seed/test3-stop.yaml");
        Reports.eachTaskOnce(report, 18, last);
        JsonNode w0 = Reports.worker(report, 0);
        assertEquals(1, w0.get("failures").asInt(), last.all());
        assertEquals(1, w0.get("restarts").asInt());
        assertEquals("active", w0.get("state").asText());
        JsonNode fault = Reports.event(report, "fault", 0);
        JsonNode dead = Reports.event(report, "dead", 0);
        JsonNode ready = Reports.event(report, "ready", 0);
        assertNotNull(dead, report.get("events").toString());
        assertNotNull(ready);
        assertTrue(fault.get("t_ms").asLong() <= dead.get("t_ms").asLong());
        assertTrue(dead.get("t_ms").asLong() <= ready.get("t_ms").asLong());
        boolean rerun = false;
        boolean workedAgain = false;
        for (JsonNode t : report.get("tasks")) {
            rerun |= t.get("attempts").asInt() == 2;
            workedAgain |= t.get("worker").asInt() == 0 && t.get("start_ms").asLong() > ready.get("t_ms").asLong();
        }
        assertTrue(rerun, "the task running when the executor died ran again");
        assertTrue(workedAgain, "worker 0 received work after its restart");
    }

    @Test
    void seedTest3TaskThatKillsItsExecutorRunsAgainElsewhere() throws Exception {
        JsonNode report = run("configs/seed/test3-exit-task.yaml");
        Reports.eachTaskOnce(report, 11, last);
        assertEquals(1, Reports.worker(report, 1).get("failures").asInt(), last.all());
        JsonNode exitTask = report.get("tasks").get(6);
        assertEquals("done", exitTask.get("status").asText());
        assertEquals(2, exitTask.get("attempts").asInt());
        assertTrue(exitTask.get("result").asText().startsWith("survived on worker "), exitTask.toString());
        assertTrue(exitTask.get("worker").asInt() != 1);
    }

    @Test
    void seedTest4AddedWorkersReceiveAndFinishTasks() throws Exception {
        JsonNode report = run("configs/seed/test4-elastic.yaml");
        Reports.eachTaskOnce(report, 15, last);
        for (int added = 5; added <= 6; added++) {
            assertNotNull(Reports.event(report, "added", added), report.get("events").toString());
            assertEquals(5, Reports.worker(report, added).get("capacity").asInt());
            assertTrue(Reports.worker(report, added).get("completed").asInt() > 0, last.all());
        }
    }

    @Test
    void aTaskThatKillsEveryWorkerItRunsOnIsGivenUpAndTheJobEnds() throws Exception {
        Path config = dir.resolve("poison.yaml");
        Files.writeString(config, """
                job: farm
                name: poison
                farm:
                  workers: [1]
                  heartbeat: {interval_ms: 100, timeout_ms: 600}
                  max_attempts: 5
                  requests:
                    - max_attempts: 2
                      task: {type: java, class: org.mpjhpc.farm.tasks.ExitIfWorker, args: {worker: "0"}}
                    - times: 3
                      task: {type: fib, n: 20}
                """);
        JsonNode report = run(config.toString());
        Reports.eachTaskOnce(report, 4, last);
        JsonNode poison = report.get("tasks").get(0);
        assertEquals("failed", poison.get("status").asText(), poison.toString());
        assertEquals(2, poison.get("attempts").asInt(), poison.toString());
        assertTrue(poison.get("error").asText().startsWith("gave up after 2 attempt(s): the worker running it died"),
                poison.toString());
        assertNotNull(Reports.event(report, "gave_up", 0), report.get("events").toString());
        assertEquals(2, Reports.worker(report, 0).get("failures").asInt(), last.all());
        for (int t = 1; t < 4; t++) {
            assertEquals("done", report.get("tasks").get(t).get("status").asText());
        }
    }

    @Test
    void aTaskThrowingOutOfMemoryErrorEndsFailedAndTheJobEnds() throws Exception {
        Path config = dir.resolve("oom.yaml");
        Files.writeString(config, """
                job: farm
                name: oom
                farm:
                  workers: [1, 1]
                  heartbeat: {interval_ms: 100, timeout_ms: 600}
                  requests:
                    - task: {type: java, class: org.mpjhpc.it.tasks.OutOfMemory}
                    - times: 2
                      task: {type: fib, n: 20}
                """);
        JsonNode r = run(Map.of("MPJRUN_CLASSPATH", Mpjrun.ROOT.resolve("target/test-classes").toString()),
                config.toString());
        Reports.eachTaskOnce(r, 3, last);
        JsonNode oom = r.get("tasks").get(0);
        assertEquals("failed", oom.get("status").asText(), oom.toString());
        assertEquals(3, oom.get("attempts").asInt(), oom.toString());
        assertTrue(oom.get("error").asText().startsWith("gave up after 3 attempt(s)"), oom.toString());
    }

    @Test
    void seedTest5IdleWorkersStealTheOverloadedWorkersTasks() throws Exception {
        JsonNode report = run("configs/seed/test5-stealing.yaml");
        Reports.eachTaskOnce(report, 7, last);
        long stolen = report.get("counters").get("stolen").asLong();
        assertTrue(stolen >= 2, last.all());
        long events = 0;
        for (JsonNode e : report.get("events")) {
            events += e.get("kind").asText().equals("stolen") ? 1 : 0;
        }
        assertEquals(stolen, events, "one stolen event per steal counted: " + report.get("events"));
        assertTrue(Reports.worker(report, 0).get("completed").asInt() < 7, last.all());
        int helpers = 0;
        for (int w = 1; w < 5; w++) {
            if (Reports.worker(report, w).get("completed").asInt() > 0) {
                helpers++;
            }
        }
        assertTrue(helpers >= 2, "at least two idle workers took tasks: " + last.all());
    }

    @Test
    void seedTest2SharedSumEqualsTheSequentialSumEveryTime() throws Exception {
        String yaml = Files.readString(Mpjrun.ROOT.resolve("configs/seed/test2-shared-sum.yaml"));
        String list = yaml.substring(yaml.indexOf("value: [") + 8, yaml.indexOf("]", yaml.indexOf("value: [")));
        long expected = 0;
        for (String n : list.split(",")) {
            expected += Long.parseLong(n.trim());
        }
        for (int run = 0; run < 3; run++) {
            JsonNode report = run("configs/seed/test2-shared-sum.yaml");
            Reports.eachTaskOnce(report, 6, last);
            long slices = 0;
            for (int t = 0; t < 5; t++) {
                slices += report.get("tasks").get(t).get("result").asLong();
            }
            assertEquals(expected, slices, last.all());
            assertEquals(expected, report.get("tasks").get(5).get("result").asLong(), "the final read of total");
            assertEquals(expected, report.get("resources").get("total").get("value").asLong());
            assertEquals(0, report.get("locks_held").size());
            assertTrue(report.get("counters").get("grants_version_only").asLong() > 0,
                    "a replica refreshed by the phase Bcast is not sent the value again");
        }
    }

    @Test
    void seedTest3LocksOfAWorkerThatDiesHoldingThemAreReleased() throws Exception {
        JsonNode report = run("configs/seed/test3-read-lock.yaml");
        Reports.eachTaskOnce(report, 3, last);
        JsonNode released = Reports.event(report, "released", 0);
        assertNotNull(released, report.get("events").toString());
        assertEquals("config_value", released.get("detail").asText());
        JsonNode writer = report.get("tasks").get(1);
        assertEquals("done", writer.get("status").asText());
        assertEquals(1, writer.get("result").asInt(), "the writer saw the old value, after the release");
        assertEquals(2, report.get("tasks").get(2).get("result").asInt(), "the final read sees the write");
        assertEquals(2, report.get("tasks").get(0).get("attempts").asInt(), "the dead reader ran again");
        assertEquals(0, report.get("locks_held").size());
    }

    /** Random kills and hangs longer than the timeout: every task is recorded exactly once. */
    @Test
    void noTaskIsLostOrDuplicatedUnderRandomFaults() throws Exception {
        long reruns = 0;
        for (int seed = 1; seed <= 4; seed++) {
            Path config = dir.resolve("random-" + seed + ".yaml");
            Files.writeString(config, randomFaults(new Random(seed)));
            JsonNode report = run(config.toString());
            Reports.eachTaskOnce(report, 40, last);
            assertTrue(report.get("counters").get("worker_failures").asLong() >= 1, "faults really hit: " + last.all());
            for (JsonNode t : report.get("tasks")) {
                reruns += t.get("attempts").asInt() > 1 ? 1 : 0;
            }
        }
        assertTrue(reruns > 0, "some tasks were run again after a failure");
    }

    private static String randomFaults(Random random) {
        StringBuilder yaml = new StringBuilder("""
                job: farm
                farm:
                  workers: [3, 3, 3]
                  heartbeat: {interval_ms: 100, timeout_ms: 400}
                  requests:
                """);
        for (int i = 0; i < 8; i++) {
            yaml.append("    - times: 5\n      sleep_ms: ").append(20 + random.nextInt(60))
                    .append("\n      task: {type: sleep, ms: ").append(20 + random.nextInt(150)).append("}\n");
            int worker = random.nextInt(3);
            if (random.nextBoolean()) {
                yaml.append("    - fault: {worker: ").append(worker).append(", kind: kill}\n");
            } else {
                yaml.append("    - fault: {worker: ").append(worker).append(", kind: hang, ms: ")
                        .append(300 + random.nextInt(500)).append("}\n");
            }
        }
        return yaml.toString();
    }
}
