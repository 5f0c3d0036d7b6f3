package org.mpjhpc.app;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.mpjhpc.comm.Comm;
import org.mpjhpc.comm.Lifeline;
import org.mpjhpc.comm.RankLost;
import org.mpjhpc.config.ConfigReader;
import org.mpjhpc.config.JobConfig;
import org.mpjhpc.config.UserError;
import org.mpjhpc.log.Log;
import org.mpjhpc.monitor.MonitorServer;

/**
 * The start of every job on every rank: rank 0 reads and validates the job file and
 * broadcasts the result; then all ranks run the workload and return the exit code they
 * agreed on.
 */
final class JobRunner {
    private JobRunner() {
    }

    /**
     * @param lastWords on rank 0, what to do when a lost rank ends the job (see {@link Lifeline})
     */
    static int run(Comm comm, Options options, Consumer<RankLost> lastWords) throws Exception {
        Launch launch = agree(comm, options);
        if (launch.error() != null) {
            if (comm.rank() == 0) {
                System.err.println("error: " + launch.error());
            }
            return UserError.EXIT_CODE;
        }
        JobConfig job = launch.job();
        Log.configure(comm.rank(), comm.rank() == 0 ? "master" : "worker", job.logLevel());
        if (comm.rank() == 0) {
            Log.info("job '" + job.name() + "' (" + job.kind() + ") on " + comm.size() + " ranks, output in " + job.outDir());
        }
        StartupTrace.mark("agreed");
        Lifeline lifeline = comm.watchRanks(lastWords);
        MonitorServer monitor = comm.rank() == 0 && job.monitor().enabled() ? monitor(job) : null;
        int code = 1;
        try {
            code = Workloads.of(job).runner().run(comm, job, launch.epochMs(), options.report());
        } finally {
            if (monitor != null) {
                monitor.finish(code == 0 ? "done" : "failed");
            }
        }
        StartupTrace.mark("job");
        lifeline.pause();
        int agreed = agreeOnExit(comm, code);
        StartupTrace.mark("exit-agreed");
        return agreed;
    }

    /**
     * Starts the live monitor; one that cannot start (its port taken) is a warning, not the
     * end of a job whose other ranks are already running.
     */
    private static MonitorServer monitor(JobConfig job) {
        try {
            return MonitorServer.start(job.monitor(), job.name(), job.kind(), job.outDir());
        } catch (java.io.UncheckedIOException e) {
            Log.warn(e.getMessage() + "; the job runs without its monitor");
            return null;
        }
    }

    /**
     * Every rank ends with the same code, the worst any rank returned: the master alone checks
     * the results, so a worker's 0 says only that its part ran, and a rank that saw something
     * fail must not be overruled into a success.
     */
    static int agreeOnExit(Comm comm, int code) {
        int agreed = comm.allReduce(new int[] {code}, Comm.Op.MAX)[0];
        Log.debug("rank " + comm.rank() + " returned " + code + "; it ends with the job's exit code " + agreed);
        return agreed;
    }

    /**
     * The job the pre-start check validated moments ago for this many ranks, or null (none
     * left, or for another rank count): then rank 0 reads and checks the file itself. Saves
     * the YAML parser's start-up in the ranks' JVM (see benchmarks/startup).
     */
    static JobConfig validated(Options options, int ranks) {
        if (options.validated() == null) {
            return null;
        }
        try {
            byte[] bytes = java.nio.file.Files.readAllBytes(Path.of(options.validated()));
            JobConfig job = bytes.length == 0 ? null : Launch.decode(bytes).job();
            return job != null && job.ranks() == ranks ? job : null;
        } catch (java.io.IOException | IllegalStateException e) {
            return null;
        }
    }

    /** Rank 0 validates; everybody receives the same verdict. */
    private static Launch agree(Comm comm, Options options) {
        byte[] payload = null;
        if (comm.rank() == 0) {
            Launch launch;
            try {
                JobConfig job = validated(options, comm.size());
                if (job == null) {
                    job = Workloads.read(Path.of(options.config()), options.sets(), options.logLevel(), options.out(),
                            comm.size(), options.resume());
                    ConfigReader.checkReport(options.report());
                }
                launch = new Launch(job, System.currentTimeMillis(), null);
            } catch (UserError e) {
                launch = new Launch(null, 0, e.getMessage());
            }
            payload = launch.encode();
        }
        return Launch.decode(comm.broadcast(payload, 0));
    }
}
