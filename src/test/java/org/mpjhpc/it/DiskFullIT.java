package org.mpjhpc.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jobs whose output folder fills up for real (a small tmpfs). A farm job stops with one
 * message and no stack trace, leaves no file of its own behind but the journal, and the
 * journal (moved to a folder with room) resumes the job to every task exactly once. The
 * data generator says which folder is full and leaves no {@code .part} file.
 */
class DiskFullIT {
    private static final int TASKS = 20_000;

    @TempDir
    Path dir;

    /** A tmpfs of {@code size} at a new folder of the test's. */
    private Path mount(String size) throws Exception {
        Needs.need(Needs.root(), "root, to mount a small tmpfs");
        Path small = Files.createDirectory(dir.resolve("small-" + size));
        Mpjrun.Result mount = Mpjrun.command(List.of("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs",
                small.toString()), new File("/dev/null"), Map.of());
        Needs.need(mount.exit() == 0, "a tmpfs mount (" + mount.stderr().strip() + ")");
        return small;
    }

    private static void unmount(Path small) throws Exception {
        Mpjrun.command(List.of("umount", small.toString()), new File("/dev/null"), Map.of());
    }

    @Test
    void generatingIntoAFullFolderSaysWhichAndLeavesNoPartFile() throws Exception {
        Path small = mount("12k");
        try {
            Mpjrun.Result r = Mpjrun.run("configs/bigdata/generate.yaml", "--out", dir.resolve("gen").toString(),
                    "--set", "generate.rows=3000", "--set", "generate.csv=" + small.resolve("x.csv"), "--set",
                    "generate.binary=null");
            assertEquals(1, r.exit(), r.all());
            assertTrue(r.all().contains("error: cannot write or read a file: cannot write the generated data in "
                    + small + ": No space left on device"), r.all());
            assertFalse(r.all().contains("Exception"), r.all());
            try (Stream<Path> left = Files.list(small)) {
                assertEquals(List.of(), left.toList(), "no .part file");
            }
        } finally {
            unmount(small);
        }
    }

    @Test
    void aFullDiskStopsAFarmJobCleanlyAndItsJournalResumesIt() throws Exception {
        Path small = mount("1m");
        try {
            Path out = small.resolve("out");
            Mpjrun.Result full = Mpjrun.run("configs/bench/throughput.yaml", "--out", out.toString(), "--set",
                    "farm.requests.0.times=" + TASKS, "--set", "log_level=INFO");
            assertEquals(1, full.exit(), full.all());
            assertTrue(full.all().contains("cannot be written (No space left on device)"), full.all());
            assertTrue(full.all().contains("run the job again with --resume"), full.all());
            assertFalse(full.all().contains("Exception"), "no stack trace for a full disk:\n" + full.all());
            try (Stream<Path> left = Files.list(out)) {
                assertEquals(List.of("journal"), left.map(p -> p.getFileName().toString()).toList(),
                        "only the journal is left");
            }
            Path roomy = dir.resolve("roomy");
            Files.createDirectory(roomy);
            Files.copy(out.resolve("journal"), roomy.resolve("journal"));
            Mpjrun.Result resumed = Mpjrun.run("configs/bench/throughput.yaml", "--out", roomy.toString(), "--set",
                    "farm.requests.0.times=" + TASKS, "--resume");
            assertEquals(0, resumed.exit(), resumed.all());
            JsonNode report = resumed.report(roomy.resolve("report.json"));
            Reports.eachTaskOnce(report, TASKS, resumed);
            assertTrue(report.at("/journal/from_journal").asLong() > 0, report.get("journal").toString());
        } finally {
            unmount(small);
        }
    }
}
