package org.mpjhpc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The course's kernels on real MPJ Express, on 1, 2, 3 and 4 ranks, each checked against its known answer. */
class KernelsIT {
    @TempDir
    Path dir;

    private JsonNode run(String kernel, int ranks, String n) throws Exception {
        Path out = dir.resolve(kernel + "-" + ranks);
        Mpjrun.Result r = Mpjrun.run("-np", String.valueOf(ranks), "configs/kernels/" + kernel + ".yaml", "--set",
                "kernel.n=" + n, "--out", out.toString());
        assertEquals(0, r.exit(), r.all());
        assertTrue(r.stdout().contains("VERIFY PASS"), r.all());
        JsonNode report = r.report(out.resolve("report.json"));
        assertTrue(report.get("verified").asBoolean(), report.toString());
        assertEquals(ranks, report.get("ranks").asInt());
        return report;
    }

    @Test
    void everyKernelVerifiesOnOneToFourRanks() throws Exception {
        for (int ranks = 1; ranks <= 4; ranks++) {
            JsonNode s = run("sum_of_squares", ranks, "500");
            assertEquals(KernelSums.squares(ranks * 500L), s.get("sum_of_squares").asDouble(), "ranks " + ranks);
            run("scatter_mean", ranks, "1001"); // blocks of uneven size
            run("ring_prefix", ranks, "7");
            JsonNode m = run("matmul", ranks, "24");
            boolean square = ranks == 1 || ranks == 4;
            assertEquals(square, !m.has("cannon") && m.has("cannon_s"), "Cannon runs exactly on square rank counts: " + m);
            assertEquals(square ? 3 : 2, m.get("checks").size(), m.toString());
        }
    }

    @Test
    void theMicroBenchmarksMeasureEverySizeAndEveryMessageArrivesWhole() throws Exception {
        for (int ranks = 1; ranks <= 2; ranks++) {
            run("micro", ranks, "4096");
            java.util.List<String> rows = java.nio.file.Files.readAllLines(dir.resolve("micro-" + ranks + "/micro.csv"));
            long sizes = 13; // 1, 2, 4 ... 4096 bytes
            long tests = ranks == 1 ? 3 : 5; // one rank: the collectives only
            assertEquals(1 + sizes * tests, rows.size(), String.join("\n", rows));
            for (String row : rows.subList(1, rows.size())) {
                assertTrue(Double.parseDouble(row.split(",")[2]) > 0, row);
            }
        }
    }

    @Test
    void aKernelThatDoesNotExistOrTheWrongRankCountIsOneMessageAndExitTwo() throws Exception {
        Mpjrun.Result r = Mpjrun.run("configs/kernels/matmul.yaml", "--set", "kernel.kernel=fft", "--out",
                dir.resolve("bad").toString());
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.stderr().contains("unknown kernel 'fft'") && r.stderr().contains("matmul"), r.all());
        r = Mpjrun.run("-np", "3", "configs/kernels/matmul.yaml", "--set", "kernel.ranks=4", "--out",
                dir.resolve("bad2").toString());
        assertEquals(2, r.exit(), r.all());
        assertTrue(r.stderr().contains("need -np 4"), r.all());
        assertFalse(r.all().contains("Exception"), r.all());
    }

    /** The closed form, computed here independently of the product's code. */
    private static final class KernelSums {
        static double squares(long m) {
            double s = 0;
            for (long k = 1; k <= m; k++) {
                s += (double) k * k;
            }
            return s;
        }
    }
}
