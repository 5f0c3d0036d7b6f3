package org.mpjhpc.fv;

import mpi.Intracomm;
import mpi.MPI;
import org.mpjhpc.comm.Comm;
import org.mpjhpc.config.JobConfig;
import org.mpjhpc.log.Log;

/**
 * A finite-volume job on every rank. World rank 0 is the master; the others form the
 * compute communicator (Split), on which each builds the Cartesian topology. At the end the
 * phase times are reduced with MAX to the master, which writes the output and verifies,
 * and the exit status is broadcast so every rank ends alike.
 */
public final class FvJob {
    private FvJob() {
    }

    /**
     * Runs the job on this rank; returns the exit code every rank agrees on.
     *
     * @param report an extra path for summary.json, or null
     */
    public static int run(Comm comm, JobConfig job, long epochMs, String report) {
        Intracomm world = mpi.MPI.COMM_WORLD; // the solver still talks to MPJ directly, not through comm
        FvConfig config = job.settings(FvConfig.class);
        boolean master = world.Rank() == 0;
        Intracomm compute = world.Split(master ? 0 : 1, world.Rank());
        long start = System.nanoTime();
        double[] mine = new double[FvWorker.RESULT];
        FvMaster fvMaster = null;
        if (master) {
            Log.info("finite volume '" + FvConfig.key(config.problem()) + "' " + config.nx() + " x " + config.ny() + " on "
                    + config.workers() + " compute rank(s), order " + config.order() + ", " + FvConfig.key(config.riemann()));
            fvMaster = new FvMaster(world, config, job.outDir());
            fvMaster.run();
        } else {
            mine = new FvWorker(world, compute, config).run();
        }
        double[] max = new double[mine.length];
        world.Reduce(mine, 0, max, 0, mine.length, MPI.DOUBLE, MPI.MAX, 0);
        int[] code = {0};
        if (master) {
            code[0] = FvOutput.finish(job, fvMaster, max, (System.nanoTime() - start) / 1e9, world.Size(), report);
        }
        world.Bcast(code, 0, 1, MPI.INT, 0);
        return code[0];
    }
}
