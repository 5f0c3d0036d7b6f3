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
}
