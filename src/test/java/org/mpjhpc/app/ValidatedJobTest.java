package org.mpjhpc.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mpjhpc.config.JobConfig;

/** Rank 0 takes the job the pre-start check left only when it is whole and for the same ranks. */
class ValidatedJobTest {
    @TempDir
    Path dir;

    private Options options(Path validated) {
        return Options.parse(new String[] {"configs/quickstart.yaml", "--out", dir.resolve("out").toString(),
            "--validated", validated.toString()});
    }

    @Test
    void theCheckedJobIsTakenForItsOwnRankCountOnly() throws Exception {
        JobConfig job = Workloads.read(Path.of("configs/quickstart.yaml"), List.of(), null,
                dir.resolve("out").toString(), 0, false);
        Path file = dir.resolve("job");
        Files.write(file, new Launch(job, 0, null).encode());
        JobConfig taken = JobRunner.validated(options(file), job.ranks());
        assertEquals(job.name(), taken.name());
        assertEquals(job.outDir(), taken.outDir());
        assertNull(JobRunner.validated(options(file), job.ranks() + 1), "another rank count: read the file again");
    }

    @Test
    void anEmptyDamagedOrMissingFileMeansReadingTheJobFileAgain() throws Exception {
        Path empty = Files.createFile(dir.resolve("empty"));
        assertNull(JobRunner.validated(options(empty), 4));
        Path damaged = Files.write(dir.resolve("damaged"), new byte[] {1, 2, 3});
        assertNull(JobRunner.validated(options(damaged), 4));
        assertNull(JobRunner.validated(options(dir.resolve("missing")), 4));
    }
}
