package org.mpjhpc.data;

import java.io.IOException;
import mpi.Intracomm;
import org.mpjhpc.config.JobConfig;

/** Starts the big-data job a config names. */
public final class DataJobs {
    private DataJobs() {
    }

    /**
     * Runs the job on this rank; returns the exit code every rank agrees on.
     *
     * @param report an extra path for the JSON report, or null
     */
    public static int run(Intracomm world, JobConfig job, String report) throws IOException {
        if (job.data() instanceof GenerateConfig g) {
            return GenerateJob.run(world, job, g, report);
        }
        if (job.data() instanceof StatsConfig) {
            return StatsJob.run(world, job, report);
        }
        return WordCountJob.run(world, job, (WordCountConfig) job.data(), report);
    }
}
