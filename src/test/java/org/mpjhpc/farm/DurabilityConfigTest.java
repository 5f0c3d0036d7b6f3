package org.mpjhpc.farm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mpjhpc.app.Workloads;
import org.mpjhpc.config.UserError;

/** The farm's durability settings and task time limits as a job file gives them. */
class DurabilityConfigTest {
    @TempDir
    Path dir;

    private FarmConfig read(String... sets) throws Exception {
        Path file = dir.resolve("job.yaml");
        Files.writeString(file, """
                job: farm
                farm:
                  workers: [1]
                  requests:
                    - task: {type: fib, n: 20}
                """);
        return Workloads.read(file, List.of(sets), null, dir.resolve("out").toString(), 0).settings(FarmConfig.class);
    }

    @Test
    void defaultsAndSettings() throws Exception {
        Durability d = read().durability();
        assertEquals(Journal.Sync.BATCH, d.sync());
        assertEquals(200, d.flushMs());
        assertEquals(0, d.watchdogMs());
        assertEquals(30_000, d.shutdownGraceMs());
        FarmConfig farm = read("farm.requests.0.task.timeout_ms=1500", "farm.journal.sync=every",
                "farm.watchdog_s=60", "farm.shutdown_grace_s=5");
        assertEquals(1500, ((Action.Submit) farm.requests().get(0).action()).timeoutMs());
        assertEquals(Journal.Sync.EVERY, farm.durability().sync());
        assertEquals(60_000, farm.durability().watchdogMs());
        assertEquals(5_000, farm.durability().shutdownGraceMs());
    }

    @Test
    void mistakesAreNamed() {
        String m = assertThrows(UserError.class, () -> read("farm.journal.sync=sometimes")).getMessage();
        assertTrue(m.contains("farm.journal.sync: must be one of batch, every, none, off, got 'sometimes'"), m);
        m = assertThrows(UserError.class, () -> read("farm.requests.0.task.timeout_ms=-1")).getMessage();
        assertTrue(m.contains("timeout_ms"), m);
    }
}
