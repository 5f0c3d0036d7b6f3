package org.mpjhpc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sleep-barrier diagnostic, the job type added through the registry, on real MPJ Express. */
class DiagIT {
    @TempDir
    Path dir;

    @Test
    void everyWorkerReachesEveryBarrierAndNoBarrierReturnsEarly() throws Exception {
        Path out = dir.resolve("out");
        Mpjrun.Result r = Mpjrun.run("configs/diag/sleep-barrier.yaml", "--out", out.toString(),
                "--set", "sleep-barrier.workers=3", "--set", "sleep-barrier.rounds=4");
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.stdout().contains("VERIFY PASS"), r.all());
        JsonNode report = r.report(out.resolve("report.json"));
        assertEquals(4, report.get("rounds").size());
        for (JsonNode round : report.get("rounds")) {
            assertEquals(3, round.get("arrived").asInt(), round.toString());
            assertTrue(round.get("wait_ms").asDouble() >= 54, "worker 2 sleeps 3 x 20 ms: " + round);
        }
        Mpjrun.Result wrong = Mpjrun.run("-np", "3", "configs/diag/sleep-barrier.yaml", "--set",
                "sleep-barrier.workers=3");
        assertEquals(2, wrong.exit(), wrong.all());
        assertTrue(wrong.stderr().contains("sleep-barrier.workers: 3 worker(s) need -np 4"), wrong.stderr());
    }
}
