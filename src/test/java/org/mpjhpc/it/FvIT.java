package org.mpjhpc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The finite-volume solver on real MPJ Express runs (multicore), checked on its output files. */
class FvIT {
    @TempDir
    Path dir;

    private int runs;

    private JsonNode run(String config, String... sets) throws Exception {
        Path out = dir.resolve("run" + runs++);
        String[] args = new String[3 + 2 * sets.length];
        args[0] = config;
        args[1] = "--out";
        args[2] = out.toString();
        for (int i = 0; i < sets.length; i++) {
            args[3 + 2 * i] = "--set";
            args[4 + 2 * i] = sets[i];
        }
        Mpjrun.Result r = Mpjrun.run(args);
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.stdout().contains("VERIFY PASS"), r.stdout());
        return new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    }

    private Path lastOut() {
        return dir.resolve("run" + (runs - 1));
    }

    @Test
    void checksumIsTheSameForOneTwoFourRanksAndEveryHaloMode() throws Exception {
        Set<String> checksums = new HashSet<>();
        for (int workers : new int[] {1, 2, 4}) {
            for (String halo : List.of("blocking", "nonblocking", "overlapped")) {
                JsonNode s = run("configs/fv/kelvin_helmholtz.yaml", "fv.workers=" + workers, "fv.halo=" + halo,
                        "fv.nx=48", "fv.ny=40", "fv.t_end=0.1");
                assertEquals(workers, s.get("ranks").asInt());
                assertEquals(halo, s.get("halo_mode").asText());
                checksums.add(s.get("checksum").asText());
            }
        }
        assertEquals(1, checksums.size(), "bitwise-identical fields: " + checksums);
    }

    @Test
    void sodApproachesTheExactSolutionAndWritesEveryFile() throws Exception {
        double coarse = run("configs/fv/sod.yaml", "fv.nx=100").get("l1_error").asDouble();
        JsonNode fine = run("configs/fv/sod.yaml", "fv.nx=200");
        assertTrue(fine.get("l1_error").asDouble() < 0.75 * coarse, coarse + " -> " + fine.get("l1_error"));
        assertEquals("sod_x", fine.get("problem").asText());
        assertEquals(0.2, fine.get("time").asDouble(), 1e-12);
        for (String key : List.of("compute", "halo", "reduce", "io")) {
            assertTrue(fine.get("timing").get(key).asDouble() >= 0, key);
        }
        double kernels = 0;
        for (String kernel : List.of("timestep", "eos", "fluxes", "update")) {
            double seconds = fine.get("timing").get("kernels").get(kernel).asDouble();
            assertTrue(seconds > 0, kernel + " was timed");
            kernels += seconds;
        }
        assertEquals(fine.get("timing").get("compute").asDouble(), kernels, 1e-9, "compute is the kernels' sum");
        assertTrue(fine.get("cell_updates_per_s").asDouble() > 0);
        assertEquals(1.0 * 0.5 + 0.125 * 0.5, fine.get("totals").get("start").get("mass").asDouble(), 1e-12);
        Path out = lastOut();
        List<String> x = Files.readAllLines(out.resolve("lineout_x.csv"));
        assertEquals("x,rho,u,v,p", x.get(0));
        assertEquals(201, x.size());
        assertEquals("y,rho,u,v,p", Files.readAllLines(out.resolve("lineout_y.csv")).get(0));
        assertEquals("step,time,dt,mass,momentum_x,momentum_y,energy",
                Files.readAllLines(out.resolve("diagnostics.csv")).get(0));
        assertTrue(Files.readString(out.resolve("final.vtk").toAbsolutePath(), java.nio.charset.StandardCharsets.ISO_8859_1)
                .startsWith("# vtk DataFile Version 3.0"));
        java.awt.image.BufferedImage png = javax.imageio.ImageIO.read(out.resolve("density.png").toFile());
        assertEquals(0xfde725, png.getRGB(10, 20) & 0xffffff, "density.png: the dense left state at the top of the scale");
    }

    @Test
    void sodAlongYIsSodAlongXTurned() throws Exception {
        run("configs/fv/sod.yaml", "fv.nx=120", "fv.ny=4");
        List<String> x = Files.readAllLines(lastOut().resolve("lineout_x.csv"));
        run("configs/fv/sod_y.yaml", "fv.nx=4", "fv.ny=120");
        List<String> y = Files.readAllLines(lastOut().resolve("lineout_y.csv"));
        for (int k = 1; k < x.size(); k++) {
            String[] a = x.get(k).split(",");
            String[] b = y.get(k).split(",");
            assertEquals(a[1], b[1], "rho at row " + k);
            assertEquals(a[2], b[3], "u along x equals v along y at row " + k);
        }
    }

    @Test
    void isentropicVortexConvergesAtSecondOrderAndPeriodicTotalsAreConserved() throws Exception {
        double[] errors = new double[3];
        int[] sizes = {32, 64, 128};
        for (int k = 0; k < 3; k++) {
            JsonNode s = run("configs/fv/vortex.yaml", "fv.nx=" + sizes[k], "fv.ny=" + sizes[k]);
            errors[k] = s.get("l1_error").asDouble();
            for (String total : List.of("mass", "momentum_x", "momentum_y", "energy")) {
                double start = s.get("totals").get("start").get(total).asDouble();
                double end = s.get("totals").get("end").get(total).asDouble();
                assertEquals(start, end, 1e-12 * Math.max(1.0, Math.abs(start)), total);
            }
        }
        double order = Math.log(errors[1] / errors[2]) / Math.log(2);
        assertTrue(order >= 1.8, "observed order " + order + " from " + java.util.Arrays.toString(errors));
    }

    @Test
    void aRunRestartedFromItsCheckpointEndsBitwiseEqualToAnUninterruptedOne() throws Exception {
        String[] grid = {"fv.nx=48", "fv.ny=48", "fv.t_end=0.25"};
        String full = run("configs/fv/kelvin_helmholtz.yaml", grid).get("checksum").asText();
        Path out = dir.resolve("restarted");
        Mpjrun.Result cut = Mpjrun.run("configs/fv/kelvin_helmholtz.yaml", "--out", out.toString(), "--set", grid[0],
                "--set", grid[1], "--set", grid[2], "--set", "fv.checkpoint_every=40", "--set", "fv.max_steps=95", "--set", "fv.vtk_every=30");
        assertEquals(0, cut.exit(), cut.all());
        assertTrue(Files.exists(out.resolve("checkpoint.bin")));
        for (String snapshot : List.of("field_000030.vtk", "field_000060.vtk", "field_000090.vtk")) {
            assertTrue(Files.exists(out.resolve(snapshot)), snapshot);
        }
        Mpjrun.Result resumed = Mpjrun.run("configs/fv/kelvin_helmholtz.yaml", "--out", out.toString(), "--set", grid[0],
                "--set", grid[1], "--set", grid[2], "--set", "fv.restart=true", "--set", "fv.workers=4");
        assertEquals(0, resumed.exit(), resumed.all());
        assertTrue(resumed.all().contains("restarting from step 80"), resumed.all());
        JsonNode s = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(full, s.get("checksum").asText(), "restart on 4 ranks from a 2-rank checkpoint");
        Mpjrun.Result none = Mpjrun.run("configs/fv/kelvin_helmholtz.yaml", "--out", dir.resolve("empty").toString(),
                "--set", "fv.restart=true");
        assertEquals(2, none.exit(), none.all());
        assertTrue(none.stderr().contains("checkpoint.bin: no checkpoint to restart from"), none.stderr());
        Mpjrun.Result foreign = Mpjrun.run("configs/fv/kelvin_helmholtz.yaml", "--out", out.toString(), "--set", grid[0],
                "--set", grid[1], "--set", grid[2], "--set", "fv.restart=true", "--set", "fv.gamma=1.6");
        assertEquals(2, foreign.exit(), foreign.all());
        assertTrue(foreign.stderr().contains("gamma 1.4, sides periodic,periodic,periodic,periodic; this job is"
                + " kelvin_helmholtz on 48 x 48, gamma 1.6"), foreign.stderr());
        byte[] whole = Files.readAllBytes(out.resolve("checkpoint.bin"));
        Files.write(out.resolve("checkpoint.bin"), java.util.Arrays.copyOf(whole, whole.length - 100));
        Mpjrun.Result torn = Mpjrun.run("configs/fv/kelvin_helmholtz.yaml", "--out", out.toString(), "--set", grid[0],
                "--set", grid[1], "--set", grid[2], "--set", "fv.restart=true");
        assertEquals(2, torn.exit(), torn.all());
        assertTrue(torn.stderr().contains("it is truncated or damaged"), torn.stderr());
    }

    @Test
    void badFvConfigIsRefusedBeforeLaunch() throws Exception {
        Mpjrun.Result r = Mpjrun.run("configs/fv/sod.yaml", "--set", "fv.problem=tsunami");
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.stderr().contains("fv.problem: unknown problem 'tsunami'"), r.stderr());
        r = Mpjrun.run("configs/fv/sod.yaml", "--set", "fv.boundary.left=periodic");
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.stderr().contains("periodic boundaries come in pairs"), r.stderr());
        r = Mpjrun.run("configs/fv/sod.yaml", "--set", "fv.nx=65536", "--set", "fv.ny=65536");
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.stderr().contains("65536 x 65536 = 4294967296 cells; at most 134217728"), r.stderr());
    }

    @Test
    void sigtermWritesACheckpointAndResumeEndsBitwiseEqualToAnUninterruptedRun() throws Exception {
        String[] grid = {"fv.nx=1000", "fv.ny=32"};
        String full = run("configs/fv/sod.yaml", grid).get("checksum").asText();
        Path out = dir.resolve("stopped");
        Mpjrun.Background first = Mpjrun.start(dir, java.util.Map.of(), "configs/fv/sod.yaml", "--out", out.toString(),
                "--set", grid[0], "--set", grid[1], "--set", "fv.checkpoint_every=100000", "--log-level", "DEBUG");
        first.awaitLines("heartbeat from rank", 2); // stepping
        new ProcessBuilder("kill", "-TERM", Long.toString(first.process().pid())).start().waitFor();
        assertEquals(4, first.exit(), first.all());
        JsonNode stopped = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals("interrupted", stopped.get("status").asText());
        int step = stopped.get("steps").asInt();
        assertTrue(step > 0 && stopped.get("time").asDouble() < 0.2, stopped.toString());
        assertTrue(first.all().contains("checkpoint written at step " + step), "a checkpoint of the step it stopped at");
        Mpjrun.Result resumed = Mpjrun.run("configs/fv/sod.yaml", "--out", out.toString(), "--set", grid[0], "--set",
                grid[1], "--resume");
        assertEquals(0, resumed.exit(), resumed.all());
        assertTrue(resumed.all().contains("restarting from step " + step), resumed.all());
        JsonNode end = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(full, end.get("checksum").asText(), "stopped by SIGTERM and resumed, bit for bit");
    }
}
