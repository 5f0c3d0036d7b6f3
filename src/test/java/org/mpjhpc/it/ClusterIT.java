package org.mpjhpc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The cluster path for real: two hosts (network + UTS namespaces, see src/test/cluster/hosts),
 * MPJ Express daemons started on them by {@code ./mpjrun boot}, jobs run with {@code -dev niodev}
 * (and {@code hybdev}) from inside the first host, results compared with the same jobs on the
 * multicore device.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {
    private Hosts hosts;
    private Path dir;
    private Path machines;

    @BeforeAll
    void makeHostsAndBoot() throws Exception {
        Needs.need(Needs.root(), "root, to make network namespaces (the multi-host harness)");
        Needs.need(Needs.onPath("ip") && Needs.onPath("unshare"), "iproute2 and unshare (apt-get install iproute2)");
        hosts = Hosts.up("h1", "h2", "h3");
        dir = Files.createTempDirectory("cluster-it");
        machines = dir.resolve("machines");
        Files.writeString(machines, "# two hosts\nh1\nh2\n");
        Mpjrun.Result boot = hosts.mpjrun("h1", "boot", "-machinesfile", machines.toString());
        assertEquals(0, boot.exit(), boot.all());
        assertTrue(boot.stdout().contains("h1: daemon started") && boot.stdout().contains("h2: daemon started"),
                boot.all());
    }

    @AfterAll
    void haltAndRemoveHosts() throws Exception {
        if (hosts == null) {
            return;
        }
        try {
            hosts.mpjrun("h1", "halt", "-machinesfile", machines.toString());
        } finally {
            hosts.close();
        }
    }

    @Test
    @Order(1)
    void statusSeesADaemonOnEachHost() throws Exception {
        Mpjrun.Result r = hosts.mpjrun("h1", "status", "-machinesfile", machines.toString());
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.stdout().matches("(?s)h1 +daemon up on port 40055\nh2 +daemon up on port 40055\n"), r.all());
    }

    @Test
    @Order(2)
    void sharedSumAcrossTwoHostsEqualsMulticore() throws Exception {
        JsonNode cluster = niodev("configs/seed/test2-shared-sum.yaml", "report.json");
        JsonNode local = multicore("configs/seed/test2-shared-sum.yaml", "report.json");
        assertEquals(506652, cluster.at("/resources/total/value").asLong(), cluster.toString());
        assertEquals(local.get("resources"), cluster.get("resources"));
        assertEquals(results(local), results(cluster));
    }

    @Test
    @Order(3)
    void quickstartAcrossTwoHostsEqualsMulticore() throws Exception {
        JsonNode cluster = niodev("configs/quickstart.yaml", "report.json");
        JsonNode local = multicore("configs/quickstart.yaml", "report.json");
        assertEquals("ok", cluster.get("status").asText());
        assertEquals(results(local), results(cluster), "the same results, task by task");
    }

    @Test
    @Order(4)
    void finiteVolumeAcrossTwoHostsIsBitwiseTheSame() throws Exception {
        for (String halo : List.of("nonblocking", "blocking")) {
            String[] sets = {"--set", "fv.workers=3", "--set", "fv.halo=" + halo, "--set", "fv.nx=48",
                "--set", "fv.ny=40", "--set", "fv.t_end=0.1"};
            JsonNode cluster = niodev("configs/fv/kelvin_helmholtz.yaml", "summary.json", sets);
            JsonNode local = multicore("configs/fv/kelvin_helmholtz.yaml", "summary.json", sets);
            assertEquals(3, cluster.get("ranks").asInt());
            assertEquals(local.get("checksum"), cluster.get("checksum"), halo);
            assertEquals(local.get("totals"), cluster.get("totals"), halo);
        }
    }

    @Test
    @Order(4)
    void hybridDeviceAcrossTwoHostsGivesTheSameResults() throws Exception {
        Path where = dir.resolve("where.yaml");
        Files.writeString(where, """
                job: farm
                farm:
                  workers: [1, 1, 1]
                  requests:
                    - {worker: 0, task: {type: shell, command: hostname}}
                    - {worker: 1, task: {type: shell, command: hostname}}
                    - {worker: 2, task: {type: shell, command: hostname}}
                """);
        Set<String> hostsUsed = new TreeSet<>();
        for (JsonNode t : cluster("hybdev", where.toString(), "report.json").get("tasks")) {
            hostsUsed.add(t.get("result").asText());
        }
        assertEquals(Set.of("h1", "h2"), hostsUsed, "the workers ran on both hosts");
        JsonNode farm = cluster("hybdev", "configs/seed/test2-shared-sum.yaml", "report.json");
        assertEquals(506652, farm.at("/resources/total/value").asLong(), farm.toString());
        String[] sets = {"--set", "fv.workers=3", "--set", "fv.nx=48", "--set", "fv.ny=40", "--set", "fv.t_end=0.1"};
        JsonNode fv = cluster("hybdev", "configs/fv/kelvin_helmholtz.yaml", "summary.json", sets);
        JsonNode local = multicore("configs/fv/kelvin_helmholtz.yaml", "summary.json", sets);
        assertEquals(local.get("checksum"), fv.get("checksum"));
    }

    @Test
    @Order(4)
    void statisticsAcrossTwoHostsEqualMulticore() throws Exception {
        Path csv = dir.resolve("sensors.csv");
        Mpjrun.Result gen = Mpjrun.run("configs/bigdata/generate.yaml", "--out", dir.resolve("gen").toString(),
                "--set", "generate.rows=30000", "--set", "generate.csv=" + csv, "--set", "generate.binary=null",
                "--set", "generate.malformed_every=997");
        assertEquals(0, gen.exit(), gen.all());
        String[] sets = {"--set", "stats.input=" + csv, "--set", "stats.workers=3"};
        JsonNode cluster = niodev("configs/bigdata/stats.yaml", "report.json", sets);
        JsonNode local = multicore("configs/bigdata/stats.yaml", "report.json", sets);
        for (String exact : List.of("rows_read", "rows_malformed", "rows_kept", "count", "min", "max", "outliers",
                "histogram", "quantiles", "malformed_lines")) {
            assertEquals(local.get(exact), cluster.get(exact), exact);
        }
        double mean = local.get("mean").asDouble();
        assertEquals(mean, cluster.get("mean").asDouble(), 1e-12 * Math.abs(mean), "sums merge in another order");
    }

    @Test
    @Order(5)
    void aHostWithoutDaemonOrNameIsNamedBeforeAnythingStarts() throws Exception {
        Path bad = dir.resolve("bad-machines");
        Files.writeString(bad, "h1\nh3\nno-such-host\n");
        Mpjrun.Result r = hosts.mpjrun("h1", "-dev", "niodev", "-machinesfile", bad.toString(),
                "configs/quickstart.yaml", "--out", dir.resolve("never").toString());
        assertEquals(3, r.exit(), r.all());
        assertTrue(r.stderr().contains("host 'h3' (in " + bad + "): no MPJ Express daemon answers on port 40055"),
                r.all());
        assertTrue(r.stderr().contains("host 'no-such-host' (in " + bad + "): cannot be resolved"), r.all());
        assertTrue(r.stderr().contains("./mpjrun boot -machinesfile " + bad), r.all());
        assertFalse(r.all().contains("Exception"), r.all());
        assertFalse(r.all().contains("h1' ("), "h1 has its daemon: " + r.all());
        assertFalse(Files.exists(dir.resolve("never")), "nothing started");
    }

    @Test
    @Order(6)
    void ranksThatNeverStartAreNamedInsteadOfAwaitedForever() throws Exception {
        Process silent = new ProcessBuilder(Hosts.SCRIPT, "exec", "h3", "java", "-cp",
                Mpjrun.ROOT.resolve("target/test-classes").toString(), SilentDaemon.class.getName(), "40055")
                .redirectErrorStream(true).redirectOutput(dir.resolve("silent.log").toFile()).start();
        try {
            Path m = dir.resolve("silent-machines");
            Files.writeString(m, "h1\nh3\n");
            awaitStatus(m);
            Mpjrun.Result r = hosts.exec("h1", "env", "MPJRUN_START_TIMEOUT=5", Mpjrun.ROOT.resolve("mpjrun").toString(),
                    "-dev", "niodev", "-machinesfile", m.toString(), "configs/quickstart.yaml",
                    "--out", dir.resolve("silent").toString());
            assertEquals(3, r.exit(), r.all());
            assertTrue(r.stderr().contains("mpjrun: only 2 of 4 ranks started within 5 s (by host: {h1=2})"), r.all());
            assertFalse(Files.exists(dir.resolve("silent/report.json")), r.all());
        } finally {
            silent.destroyForcibly().waitFor();
        }
    }

    private void awaitStatus(Path m) throws Exception {
        for (int i = 0; i < 100; i++) {
            if (hosts.mpjrun("h1", "status", "-machinesfile", m.toString()).exit() == 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the silent daemon on h3 did not come up");
    }

    @Test
    @Order(7)
    void haltStopsTheDaemonsAndARunThenSaysSo() throws Exception {
        Mpjrun.Result halt = hosts.mpjrun("h1", "halt", "-machinesfile", machines.toString());
        assertEquals(0, halt.exit(), halt.all());
        assertEquals("h1: daemon stopped\nh2: daemon stopped\n", halt.stdout());
        Mpjrun.Result status = hosts.mpjrun("h1", "status", "-machinesfile", machines.toString());
        assertEquals(3, status.exit(), status.all());
        Mpjrun.Result run = hosts.mpjrun("h1", "-dev", "niodev", "-machinesfile", machines.toString(),
                "configs/quickstart.yaml", "--out", dir.resolve("after-halt").toString());
        assertEquals(3, run.exit(), run.all());
        assertTrue(run.stderr().contains("host 'h2' (in " + machines + "): no MPJ Express daemon"), run.all());
        Mpjrun.Result boot = hosts.mpjrun("h1", "boot", "-machinesfile", machines.toString());
        assertEquals(0, boot.exit(), "boot again after halt: " + boot.all());
    }

    private JsonNode niodev(String config, String file, String... sets) throws Exception {
        return cluster("niodev", config, file, sets);
    }

    private JsonNode cluster(String device, String config, String file, String... sets) throws Exception {
        Path out = dir.resolve(device + "-" + Path.of(config).getFileName() + "-" + sets.length);
        List<String> args = new ArrayList<>(List.of("-dev", device, "-machinesfile", machines.toString(),
                config, "--out", out.toString()));
        args.addAll(List.of(sets));
        Mpjrun.Result r = hosts.mpjrun("h1", args.toArray(String[]::new));
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.stdout().contains("VERIFY PASS"), r.all());
        if (device.equals("niodev")) { // hybdev's starter does not say where it starts ranks
            assertTrue(r.all().contains("on <h1>") && r.all().contains("on <h2>"), "ranks on both hosts:\n" + r.all());
        }
        return read(out.resolve(file));
    }

    private JsonNode multicore(String config, String file, String... sets) throws Exception {
        Path out = dir.resolve("multicore-" + Path.of(config).getFileName() + "-" + sets.length);
        List<String> args = new ArrayList<>(List.of(config, "--out", out.toString()));
        args.addAll(List.of(sets));
        Mpjrun.Result r = Mpjrun.run(args.toArray(String[]::new));
        assertEquals(0, r.exit(), r.all());
        return read(out.resolve(file));
    }

    private static JsonNode read(Path file) throws IOException {
        return new ObjectMapper().readTree(file.toFile());
    }

    /**
     * Each task's id, status, result and error, leaving out what differs by design: spin tasks
     * (their result is how many loops fit in their time) and the shell task that prints the host.
     */
    private static List<String> results(JsonNode report) {
        List<String> results = new ArrayList<>();
        for (JsonNode t : report.get("tasks")) {
            String text = t.get("result") + " " + t.get("error");
            if (!text.contains("hello from") && !t.get("type").asText().equals("spin")) {
                results.add(t.get("id") + " " + t.get("status") + " " + text);
            }
        }
        return results;
    }
}
