package org.mpjhpc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Batch jobs across two SLURM nodes (src/test/slurm/two-nodes: slurmctld on a pretend host,
 * a slurmd on each of two others), through the documented path: node list, machines file,
 * one MPJ daemon per node started by srun, niodev. Results equal a local run; no daemon is
 * left; a bad config fails the job with exit code 2.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlurmTwoNodesIT {
    private static final String CLUSTER = Mpjrun.ROOT.resolve("src/test/slurm/two-nodes").toString();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Path dir;
    private SlurmCluster slurm;

    @BeforeAll
    void startSlurm() throws Exception {
        Needs.need(Needs.root(), "root, to make pretend hosts and run slurmctld and slurmd (the two-node SLURM test)");
        Needs.need(Needs.onPath("slurmctld") && Needs.onPath("munged") && Needs.onPath("ip"),
                "SLURM, munge and iproute2 (apt-get install slurm-wlm munge iproute2)");
        dir = Files.createTempDirectory("slurm2-it");
        Path cluster = dir.resolve("cluster");
        Mpjrun.Result r = Mpjrun.command(List.of(CLUSTER, "start", cluster.toString()), new java.io.File("/dev/null"),
                Map.of("SLURMCTLD_PORT", "16827", "SLURMD_PORT", "16828"));
        assertEquals(0, r.exit(), "two-node SLURM did not start: " + r.all());
        slurm = new SlurmCluster(List.of(CLUSTER, "run", cluster.toString()), Map.of(), dir);
    }

    @AfterAll
    void stopSlurm() throws Exception {
        if (dir != null) {
            Mpjrun.Result r = Mpjrun.command(List.of(CLUSTER, "stop", dir.resolve("cluster").toString()),
                    new java.io.File("/dev/null"), Map.of());
            assertEquals(0, r.exit(), r.all());
        }
    }

    @Test
    void aFarmRunsOnBothNodesWithTheResultsOfALocalRunAndLeavesNoDaemon() throws Exception {
        Path out = dir.resolve("farm");
        SlurmCluster.Job job = slurm.submit(Map.of(), "-N", "2", "-n", "4", "configs/quickstart.yaml", "--out",
                out.toString());
        assertEquals("COMPLETED 0:0", job.state(), job.output());
        assertTrue(job.output().contains("allocation: 2 node(s) [node1,node2], 4 task(s); device niodev"),
                job.output());
        assertTrue(job.output().contains("on <node1>") && job.output().contains("on <node2>"),
                "ranks on both nodes:\n" + job.output());
        assertTrue(job.output().contains("VERIFY PASS"), job.output());
        JsonNode report = JSON.readTree(out.resolve("report.json").toFile());
        Reports.eachTaskOnce(report, 28, new Mpjrun.Result(0, job.output(), ""));
        noDaemonLeft();

        Path localOut = dir.resolve("farm-local");
        Mpjrun.Result local = Mpjrun.run("configs/quickstart.yaml", "--out", localOut.toString());
        assertEquals(0, local.exit(), local.all());
        assertEquals(results(JSON.readTree(localOut.resolve("report.json").toFile())), results(report),
                "every task's result as in a local run");
    }

    @Test
    void theSolverAcrossBothNodesIsBitForBitTheLocalOne() throws Exception {
        String[] sets = {"--set", "fv.workers=3", "--set", "fv.nx=60", "--set", "fv.ny=48", "--set", "fv.t_end=0.1"};
        Path out = dir.resolve("fv");
        SlurmCluster.Job job = slurm.submit(Map.of(), concat(new String[] {"-N", "2", "-n", "4",
            "configs/fv/kelvin_helmholtz.yaml", "--out", out.toString()}, sets));
        assertEquals("COMPLETED 0:0", job.state(), job.output());
        assertTrue(job.output().contains("on <node2>"), job.output());
        Path localOut = dir.resolve("fv-local");
        Mpjrun.Result local = Mpjrun.run(concat(new String[] {"configs/fv/kelvin_helmholtz.yaml", "--out",
            localOut.toString()}, sets));
        assertEquals(0, local.exit(), local.all());
        assertEquals(JSON.readTree(localOut.resolve("summary.json").toFile()).get("checksum"),
                JSON.readTree(out.resolve("summary.json").toFile()).get("checksum"));
        noDaemonLeft();
    }

    @Test
    void aBadConfigFailsTheTwoNodeJobWithExitCodeTwo() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "job: farm\nfarm:\n  workers: [2, 2, -1]\n  requests: []\n");
        SlurmCluster.Job job = slurm.submit(Map.of(), "-N", "2", "-n", "4", bad.toString());
        assertEquals("FAILED 2:0", job.state(), job.output());
        assertTrue(job.output().contains(bad + ":3: farm.workers[2]"), job.output());
        assertFalse(job.output().contains("Exception"), job.output());
        noDaemonLeft();
    }

    /** No MPJ daemon (nor any java) runs on either node once the job has ended. */
    private static void noDaemonLeft() throws Exception {
        for (String node : new String[] {"node1", "node2"}) {
            Mpjrun.Result ps = Mpjrun.command(List.of("sh", "-c", "ip netns pids mpjt-" + node
                    + " | xargs -r ps -o comm= -p"), new java.io.File("/dev/null"), Map.of());
            assertFalse(ps.stdout().contains("java"), node + " still runs: " + ps.stdout());
        }
    }

    /** Each task's result by id; shell tasks (they print their host) and spins (loops counted in a time) left out. */
    private static Map<Long, String> results(JsonNode report) {
        Map<Long, String> m = new TreeMap<>();
        for (JsonNode t : report.get("tasks")) {
            if (!List.of("shell", "spin").contains(t.get("type").asText())) {
                m.put(t.get("id").asLong(), t.get("status").asText() + " " + t.get("result").asText());
            }
        }
        return m;
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
