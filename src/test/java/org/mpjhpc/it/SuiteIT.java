package org.mpjhpc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code benchmarks/run --quick} on two worker counts produces every file it names, with a row
 * per implementation and worker count. No figure is judged here: speed lives in the benchmarks.
 */
class SuiteIT {
    @TempDir
    Path dir;

    @Test
    void quickSuiteWritesEveryFile() throws Exception {
        Needs.need(new File("/usr/bin/python3").canExecute() && Needs.onPath("mpicc") && Needs.onPath("mpiexec"),
                "Debian's python3, openmpi-bin and libopenmpi-dev (the benchmark anchors)");
        Mpjrun.Result probe = Mpjrun.command(List.of("/usr/bin/python3", "-c", "import mpi4py, matplotlib"),
                new File("/dev/null"), Map.of());
        Needs.need(probe.exit() == 0, "python3-mpi4py and python3-matplotlib");
        Path out = dir.resolve("suite");
        Mpjrun.Result r = Mpjrun.command(List.of("benchmarks/run", "--quick", "--workers", "1,2", "--out",
                out.toString()), new File("/dev/null"), Map.of());
        assertEquals(0, r.exit(), r.all());
        for (String name : List.of("summary.md", "farm.csv", "farm.png", "fv.csv", "fv.png", "bigdata.csv",
                "bigdata.png")) {
            assertTrue(Files.size(out.resolve(name)) > 0, name + " written\n" + r.all());
        }
        assertRows(out.resolve("farm.csv"), Set.of("mpj-hpc", "mpi4py.futures"));
        assertRows(out.resolve("fv.csv"), Set.of("mpj-hpc blocking", "mpj-hpc nonblocking", "C + MPI"));
        assertRows(out.resolve("bigdata.csv"), Set.of("stats (binary file)", "word count (whole command)"));
        String summary = Files.readString(out.resolve("summary.md"));
        assertTrue(summary.contains("Machine: " + Runtime.getRuntime().availableProcessors() + " cores"), summary);
        assertTrue(summary.contains("anchor, cat of the same file") && summary.contains("anchor, tr | sort"), summary);
        assertEquals(1, fvChecksums(out.resolve("fv.csv")).size(), "Java and C computed the same field");
        assertTrue(summary.contains("## MapReduce") && summary.contains("Dedicated `wordcount` against the mapreduce"),
                "the MapReduce section in\n" + summary);
        assertTrue(summary.contains("## MPI micro-benchmarks") && summary.contains("| multicore |")
                && summary.contains("| openmpi |"), "the micro-benchmarks in\n" + summary);
        for (String row : List.of("| farm (mpjrun) |", "| fv (mpjrun) |", "| stats (mpjrun) |",
                "| mpi4py hello (mpirun -np 3) |", "| C hello (mpirun -np 3) |", "| main -> init |")) {
            assertTrue(summary.contains(row), "start-up row " + row + " in\n" + summary);
        }
    }

    /** Each implementation has one row per worker count (1 and 2), and the header is as documented. */
    private static void assertRows(Path csv, Set<String> impls) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        assertEquals("workload,impl,workers,ranks,seconds,oversubscribed,note", lines.get(0));
        Set<String> seen = new HashSet<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", 7);
            assertTrue(Double.parseDouble(f[4]) > 0, line);
            seen.add(f[1] + "@" + f[2]);
        }
        for (String impl : impls) {
            assertTrue(seen.contains(impl + "@1") && seen.contains(impl + "@2"), impl + " in " + seen);
        }
    }

    private static Set<String> fvChecksums(Path csv) throws Exception {
        Set<String> sums = new HashSet<>();
        for (String line : Files.readAllLines(csv).subList(1, Files.readAllLines(csv).size())) {
            sums.add(line.replaceAll(".*checksum (\\w+).*", "$1"));
        }
        return sums;
    }
}
