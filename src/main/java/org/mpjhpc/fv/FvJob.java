package org.mpjhpc.fv;

import org.mpjhpc.comm.Comm;
import org.mpjhpc.config.JobConfig;
import org.mpjhpc.log.Log;
import org.mpjhpc.output.Shutdown;

/**
 * A finite-volume job on every rank. World rank 0 is the master; the others form the
 * compute communicator (Split), on which each builds the Cartesian topology. At the end the
 * phase times are reduced with MAX to the master, which writes the output and verifies.
 */
public final class FvJob {
    /** After a stop signal: the step under way, a checkpoint, and the output. */
    private static final long SAVE_MS = 60_000;

    private FvJob() {
    }

    /**
     * Runs the job on this rank; returns the exit code (the launcher makes rank 0's everyone's).
     *
     * @param report an extra path for summary.json, or null
     */
    public static int run(Comm world, JobConfig job, long epochMs, String report) {
        FvConfig config = job.settings(FvConfig.class);
        Shutdown.saveWithin(SAVE_MS);
        boolean master = world.rank() == 0;
        Comm compute = world.split(master ? 0 : 1, world.rank());
        long start = System.nanoTime();
        RankTimes mine = RankTimes.NONE;
        FvMaster fvMaster = null;
        if (master) {
            Log.info("finite volume '" + FvConfig.key(config.problem()) + "' " + config.nx() + " x " + config.ny() + " on "
                    + config.workers() + " compute rank(s), order " + config.order() + ", " + FvConfig.key(config.riemann()));
            fvMaster = new FvMaster(world, config, job.outDir(), job.monitor().enabled());
            fvMaster.run();
        } else {
            mine = new FvWorker(world, compute, config, job.monitor().enabled()).run();
        }
        RankTimes max = mine.max(world, 0);
        if (!master) {
            return 0;
        }
        return FvOutput.finish(job, fvMaster, max, (System.nanoTime() - start) / 1e9, world.size(), report,
                Shutdown.requested());
    }
}
