package org.mpjhpc.config;

import org.mpjhpc.comm.Comm;

/**
 * One kind of job: its name in {@code job:}, how its section is read, and how every rank
 * runs it. The launcher holds the list of them; nothing below it knows which exist.
 *
 * @param kind   the value of {@code job:} and the name of the job's section
 * @param reader validates the section (before any rank starts, and again at rank 0)
 * @param runner runs the job on this rank
 */
public record Workload(String kind, Reader reader, Runner runner) {
    /** Reads a job's section into its settings; a mistake is a {@link UserError}. */
    @FunctionalInterface
    public interface Reader {
        /**
         * @param np     the MPI ranks of the run, or 0 when not known yet
         * @param outDir the folder the job writes into (a restart reads from it)
         * @param resume {@code --resume}: go on from what an earlier run in {@code outDir} left
         */
        Settings read(Section section, int np, String outDir, boolean resume);
    }

    /** Runs a job on this rank; returns the exit code every rank agrees on. */
    @FunctionalInterface
    public interface Runner {
        /**
         * @param epochMs when rank 0 validated the job, the origin of the job's times
         * @param report  an extra path for the JSON report, or null
         */
        int run(Comm comm, JobConfig job, long epochMs, String report) throws Exception;
    }
}
