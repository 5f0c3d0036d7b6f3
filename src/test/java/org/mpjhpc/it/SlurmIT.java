package org.mpjhpc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Batch jobs on a real one-node SLURM (src/test/slurm/one-node starts munge, slurmctld and
 * slurmd with state in a folder of the test's): {@code sbatch benchmarks/batch/mpjrun.sbatch}
 * on the multicore device and, forced, with srun-started daemons on niodev.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlurmIT {
    private static final String CLUSTER = Mpjrun.ROOT.resolve("src/test/slurm/one-node").toString();

    private Path dir;
    private Map<String, String> env;
    private SlurmCluster slurm;

    @BeforeAll
    void startSlurm() throws Exception {
        Needs.need(Needs.root(), "root, to run slurmctld and slurmd (the SLURM test)");
        Needs.need(Needs.onPath("slurmctld") && Needs.onPath("munged") && Needs.onPath("sbatch"),
                "SLURM and munge (apt-get install slurm-wlm munge)");
        dir = Files.createTempDirectory("slurm-it");
        // ports of our own, so that a SLURM the machine may run is left alone
        env = Map.of("SLURM_CONF", dir.resolve("cluster/slurm.conf").toString(),
                "SLURMCTLD_PORT", "16817", "SLURMD_PORT", "16818");
        Mpjrun.Result r = sh(List.of(CLUSTER, "start", dir.resolve("cluster").toString()), Map.of());
        assertEquals(0, r.exit(), "one-node SLURM did not start: " + r.all());
        slurm = new SlurmCluster(List.of(), env, dir);
    }

    @AfterAll
    void stopSlurm() throws Exception {
        if (dir != null) {
            Mpjrun.Result r = sh(List.of(CLUSTER, "stop", dir.resolve("cluster").toString()), Map.of());
            assertEquals(0, r.exit(), r.all());
        }
    }

    @Test
    void oneNodeJobRunsOnMulticoreAndWritesItsReport() throws Exception {
        Path out = dir.resolve("quickstart");
        SlurmCluster.Job job = submit(Map.of(), "-n", "4", "-O", "configs/quickstart.yaml", "--out", out.toString());
        assertEquals("COMPLETED 0:0", job.state(), job.output());
        assertTrue(job.output().contains("allocation: 1 node(s)") && job.output().contains("device multicore"),
                job.output());
        assertTrue(job.output().contains("VERIFY PASS"), job.output());
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertEquals("ok", report.get("status").asText());
        Reports.eachTaskOnce(report, 28, new Mpjrun.Result(0, job.output(), ""));
    }

    @Test
    void forcedNiodevStartsDaemonsWithSrunAndStopsThem() throws Exception {
        String[] sets = {"--set", "fv.workers=2", "--set", "fv.nx=48", "--set", "fv.ny=40", "--set", "fv.t_end=0.1"};
        Path batchOut = dir.resolve("fv-niodev");
        List<String> args = new ArrayList<>(List.of("-n", "3", "-O", "configs/fv/kelvin_helmholtz.yaml",
                "--out", batchOut.toString()));
        args.addAll(List.of(sets));
        SlurmCluster.Job job = submit(Map.of("MPJHPC_DEVICE", "niodev"), args.toArray(String[]::new));
        assertEquals("COMPLETED 0:0", job.state(), job.output());
        assertTrue(job.output().contains("daemon up on port 40055"), job.output());
        assertTrue(job.output().contains("with niodev"), job.output());
        assertFalse(daemonAnswers(), "the daemon step ended with the job");

        Path localOut = dir.resolve("fv-local");
        List<String> local = new ArrayList<>(List.of("configs/fv/kelvin_helmholtz.yaml", "--out", localOut.toString()));
        local.addAll(List.of(sets));
        assertEquals(0, Mpjrun.run(local.toArray(String[]::new)).exit());
        ObjectMapper json = new ObjectMapper();
        assertEquals(json.readTree(localOut.resolve("summary.json").toFile()).get("checksum"),
                json.readTree(batchOut.resolve("summary.json").toFile()).get("checksum"));
    }

    @Test
    void aBadConfigFailsTheBatchJobWithExitCodeTwoAndOneMessage() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "job: farm\nfarm:\n  workers: [2, -1]\n  requests: []\n");
        SlurmCluster.Job job = submit(Map.of(), "-n", "3", "-O", bad.toString());
        assertEquals("FAILED 2:0", job.state(), job.output());
        assertTrue(job.output().contains(bad + ":3: farm.workers[1]"), job.output());
        assertFalse(job.output().contains("Exception"), job.output());
    }

    @Test
    void aCancelledFarmJobResubmittedWithResumeRecordsEveryTaskOnce() throws Exception {
        Path out = dir.resolve("cancelled");
        SlurmCluster.Submitted s = slurm.sbatch(Map.of(), "-n", "3", "-O", "configs/resume.yaml", "--out", out.toString(), "--log-level",
                "DEBUG");
        for (int i = 0; i < 1200 && !Files.readString(s.output()).contains(" done on worker "); i++) {
            Thread.sleep(50); // wait until tasks are finishing
        }
        assertTrue(Files.readString(s.output()).contains(" done on worker "), Files.readString(s.output()));
        assertEquals(0, sh(List.of("scancel", s.id()), env).exit());
        SlurmCluster.Job cancelled = slurm.awaitEnd(s.id(), s.output());
        assertTrue(cancelled.state().startsWith("CANCELLED"), cancelled.state() + "\n" + cancelled.output());
        JsonNode stopped = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        assertEquals("interrupted", stopped.get("status").asText(), cancelled.output());

        SlurmCluster.Job resumed = submit(Map.of(), "-n", "3", "-O", "configs/resume.yaml", "--out", out.toString(), "--resume");
        assertEquals("COMPLETED 0:0", resumed.state(), resumed.output());
        JsonNode report = new ObjectMapper().readTree(out.resolve("report.json").toFile());
        Reports.eachTaskOnce(report, 64, new Mpjrun.Result(0, resumed.output(), ""));
        long from = report.get("journal").get("from_journal").asLong();
        assertTrue(from > 0 && from < 64, report.get("journal").toString());
        assertTrue(resumed.output().contains(from + " results from the journal"), resumed.output());
    }

    private SlurmCluster.Job submit(Map<String, String> extraEnv, String... args) throws Exception {
        return slurm.submit(extraEnv, args);
    }

    private static Mpjrun.Result sh(List<String> command, Map<String, String> env) throws Exception {
        return Mpjrun.command(command, new File("/dev/null"), env);
    }

    private static boolean daemonAnswers() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", 40055), 1000);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
