package org.mpjhpc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real MPJ Express runs (multicore device) through ./mpjrun, checked on their JSON report. */
class FarmIT {
    @TempDir
    Path dir;

    @Test
    void seedTest1AssignsThreeFourFour() throws Exception {
        Path report = dir.resolve("report.json");
        Mpjrun.Result r = Mpjrun.run("configs/seed/test1-assignment.yaml", "--report", report.toString(),
                "--out", dir.resolve("out").toString(), "--set", "farm.requests.0.task.n=30");
        assertEquals(0, r.exit(), r.all());
        JsonNode json = r.report(report);
        assertEquals("ok", json.get("status").asText());
        assertEquals(List.of(3L, 4L, 4L), Reports.field(json.get("workers"), "assigned"), r.all());
        assertEquals(List.of(3L, 4L, 5L), Reports.field(json.get("workers"), "capacity"));
        assertEquals(List.of(1L, 2L, 3L), Reports.field(json.get("workers"), "rank"));
        assertEquals(List.of(3L, 4L, 4L), Reports.field(json.get("workers"), "completed"));
        Reports.eachTaskOnce(json, 11, r);
        List<Long> workers = Reports.field(json.get("tasks"), "worker");
        assertEquals(List.of(0L, 1L, 2L, 0L, 1L, 2L, 0L, 1L, 2L, 1L, 2L), workers);
        json.get("tasks").forEach(t -> assertEquals(832040, t.get("result").asLong()));
        json.get("tasks").forEach(t -> assertEquals(1, t.get("attempts").asInt(), "no failure, no second run"));
        assertTrue(Files.exists(dir.resolve("out/report.json")), "--out folder holds the report too");
        assertTrue(r.stdout().contains("VERIFY PASS"), r.stdout());
    }

    @Test
    void quickstartRecordsAFailingShellTaskAndStillSucceeds() throws Exception {
        Path report = dir.resolve("q.json");
        Mpjrun.Result r = Mpjrun.run("configs/quickstart.yaml", "--report", report.toString(),
                "--out", dir.resolve("q").toString(), "--log-level", "WARN");
        assertEquals(0, r.exit(), r.all());
        JsonNode json = r.report(report);
        assertEquals("ok", json.get("status").asText());
        Reports.eachTaskOnce(json, 28, r);
        JsonNode failing = json.get("tasks").get(27);
        assertEquals("shell", failing.get("type").asText());
        assertEquals("failed", failing.get("status").asText());
        assertEquals("exit code 3: about to fail", failing.get("error").asText());
        JsonNode java = json.get("tasks").get(26);
        assertEquals(2, java.get("worker").asInt(), "pinned to worker 2");
        assertEquals(17984, java.get("result").asInt(), "primes below 200000");
        long completed = 0;
        for (JsonNode w : json.get("workers")) {
            completed += w.get("completed").asLong();
        }
        assertEquals(28, completed);
        assertFalse(r.all().contains(" INFO "), "--log-level WARN hides INFO lines:\n" + r.all());
        assertTrue(r.all().contains(" WARN  [0 master] task 27 failed"), "WARN lines still show:\n" + r.all());
    }

    /**
     * Heartbeats every millisecond keep the workers sending while the master starts each
     * phase's Bcast: a heartbeat sent into the Bcast used to hang the job (4 runs of 4 at
     * the first boundary before the JOINED handshake; seen in CI with 200 ms heartbeats).
     */
    @Test
    void phaseBoundariesUnderConstantHeartbeatsNeverHang() throws Exception {
        StringBuilder yaml = new StringBuilder("""
                job: farm
                name: phase-storm
                farm:
                  workers: [2, 2, 2, 2, 2]
                  heartbeat: {interval_ms: 1, timeout_ms: 60000}
                  resources:
                    - {name: last, type: long, value: -1}
                  requests:
                """);
        int phases = 20;
        for (int p = 0; p < phases; p++) {
            yaml.append("    - task: {type: java, class: org.mpjhpc.farm.tasks.WriteResource,"
                    + " args: {name: last, value: \"").append(p).append("\"}}\n");
            yaml.append("    - task: {type: noop}\n".repeat(4));
            yaml.append("    - phase: {name: p").append(p).append("}\n");
        }
        yaml.append("    - task: {type: java, class: org.mpjhpc.farm.tasks.ReadResource, args: {name: last}}\n");
        Path config = Files.writeString(dir.resolve("storm.yaml"), yaml);
        Path report = dir.resolve("storm.json");
        Mpjrun.Result r = Mpjrun.run(config.toString(), "--report", report.toString(),
                "--out", dir.resolve("storm").toString(), "--log-level", "WARN");
        assertEquals(0, r.exit(), r.all());
        JsonNode json = r.report(report);
        Reports.eachTaskOnce(json, phases * 5 + 1, r);
        long boundaries = 0;
        for (JsonNode e : json.get("events")) {
            assertFalse(e.get("kind").asText().equals("dead"), "no worker is lost in a boundary: " + e);
            boundaries += e.get("kind").asText().equals("phase") ? 1 : 0;
        }
        assertEquals(phases, boundaries);
        assertEquals(phases - 1, json.get("tasks").get(phases * 5).get("result").asLong(), "the last write is read");
    }

    /** A phase boundary waits for an added worker's READY; it was never counted, and the job hung. */
    @Test
    void aPhaseBoundaryAfterElasticChangesStillComes() throws Exception {
        Path config = Files.writeString(dir.resolve("elastic-phases.yaml"), """
                job: farm
                name: elastic-phases
                farm:
                  workers: [2, 2]
                  standby: 2
                  resources:
                    - {name: n, type: long, value: 0}
                  requests:
                    - times: 4
                      task: {type: fib, n: 25}
                    - phase: {name: one}
                    - add_worker: {capacity: 2}
                    - stop_worker: {worker: 0}
                    - task: {type: java, class: org.mpjhpc.farm.tasks.WriteResource, args: {name: n, value: "5"}}
                    - phase: {name: two}
                    - times: 4
                      task: {type: fib, n: 25}
                    - phase: {name: three}
                    - task: {type: java, class: org.mpjhpc.farm.tasks.ReadResource, args: {name: n}}
                """);
        Path report = dir.resolve("elastic-phases.json");
        Mpjrun.Result r = Mpjrun.run(config.toString(), "--report", report.toString(),
                "--out", dir.resolve("elastic-phases").toString());
        assertEquals(0, r.exit(), r.all());
        JsonNode json = r.report(report);
        Reports.eachTaskOnce(json, 10, r);
        long boundaries = 0;
        for (JsonNode e : json.get("events")) {
            boundaries += e.get("kind").asText().equals("phase") ? 1 : 0;
        }
        assertEquals(3, boundaries, r.all());
        assertEquals(5, json.get("tasks").get(9).get("result").asLong(), "the write before phase two is read");
        assertEquals("stopped", Reports.worker(json, 0).get("state").asText());
        assertEquals("active", Reports.worker(json, 2).get("state").asText(), "the added worker");
    }

    @Test
    void badConfigExitsTwoWithOneMessageAndStartsNothing() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "farm:\n  workers: [3, 0]\n  requests: []\n");
        Path out = dir.resolve("never");
        Mpjrun.Result r = Mpjrun.run(bad.toString(), "--out", out.toString());
        assertEquals(2, r.exit(), r.all());
        assertEquals("error: " + bad + ":2: farm.workers[1]: worker capacity must be between 1 and 1000000, got 0\n",
                r.stderr());
        assertFalse(r.all().contains("Exception"));
        assertFalse(Files.exists(out), "nothing was written");
    }

    @Test
    void wrongProcessCountIsRefusedBeforeLaunch() throws Exception {
        Mpjrun.Result r = Mpjrun.run("-np", "3", "configs/quickstart.yaml");
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.stderr().contains("3 worker capacities need -np 4"), r.stderr());
        assertFalse(r.all().contains("MPJ Express"), "no rank was started");
    }

    @Test
    void aReportThatCannotBeWrittenIsRefusedBeforeLaunch() throws Exception {
        Path file = Files.writeString(dir.resolve("taken"), "x");
        Path out = dir.resolve("never");
        Mpjrun.Result r = Mpjrun.run("configs/quickstart.yaml", "--report", file.resolve("r.json").toString(),
                "--out", out.toString());
        assertEquals(2, r.exit(), r.all());
        assertEquals("error: --report " + file.resolve("r.json") + ": " + file + " is a file, not a folder\n",
                r.stderr());
        assertFalse(r.all().contains("MPJ Express"), "no rank was started");
        assertFalse(Files.exists(out), "nothing was written");
    }
}
