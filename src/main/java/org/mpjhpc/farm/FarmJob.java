package org.mpjhpc.farm;

import java.io.IOException;
import org.mpjhpc.comm.Comm;
import org.mpjhpc.comm.RankLost;
import org.mpjhpc.config.JobConfig;
import org.mpjhpc.log.Log;
import org.mpjhpc.output.Shutdown;

/**
 * A task-farm job on every rank: rank 0 runs the {@link Master}, the others a
 * {@link Worker}; then the workers' counters are summed to rank 0 by {@code Reduce}, rank 0
 * verifies and reports, and the exit status is broadcast so every rank ends alike.
 */
public final class FarmJob {
    /** Counters each rank contributes to the Reduce, in this order. */
    private static final int COMPLETED = 0;
    private static final int FAILED = 1;
    private static final int BUSY_NANOS = 2;
    private static final int FIELDS = 3;
    /** Beyond the grace period, the time to stop the workers and write the journal and report. */
    private static final long SAVE_MS = 30_000;
    /** The exit code of a job the watchdog ended ({@code watchdog_s}). */
    static final int HUNG_EXIT_CODE = 5;

    private FarmJob() {
    }

    /**
     * Runs the job on this rank.
     *
     * @param report an extra path for the JSON report, or null
     * @return the exit code every rank agrees on
     */
    public static int run(Comm comm, JobConfig job, long epochMs, String report)
            throws InterruptedException, IOException {
        FarmRun run = null;
        long[] mine = new long[comm.size() * FIELDS];
        // The resource table reaches every worker by Bcast before any work starts.
        ResourceTable resources = new ResourceTable();
        FarmConfig config = job.settings(FarmConfig.class);
        Shutdown.saveWithin(config.durability().shutdownGraceMs() + SAVE_MS);
        config.resources().forEach(r -> resources.declare(r.name(), r.type(), r.value()));
        JournalReplay replay = null;
        if (comm.rank() == 0 && config.durability().resume()) {
            replay = FarmJournal.read(FarmJournal.file(job.outDir()));
            replay.resources().forEach(resources::restore); // the values its tasks last wrote
        }
        byte[] table = comm.broadcast(comm.rank() == 0 ? Protocol.table(resources.snapshot()) : null, 0);
        if (comm.rank() == 0) {
            Journal journal = FarmJournal.open(config, job.outDir(), replay);
            Master master = new Master(comm, config, epochMs, resources, job.outDir(), journal, replay);
            comm.lifeline().noteOnLoss(() -> saved(job.outDir(), master.book()));
            run = master.run();
            if (run.end() == FarmRun.End.LOST) {
                finish(job, run, null, comm.size(), report); // no Reduce: a rank is gone
                throw comm.lifeline().lost().withNote(saved(job, run));
            }
        } else {
            Worker.Totals totals = new Worker(comm, config, epochMs, table).run();
            int at = comm.rank() * FIELDS;
            mine[at + COMPLETED] = totals.completed();
            mine[at + FAILED] = totals.failed();
            mine[at + BUSY_NANOS] = totals.busyNanos();
        }
        long[] all = comm.reduce(mine, Comm.Op.SUM, 0);
        int code = 0;
        if (comm.rank() == 0) {
            code = finish(job, run, all, comm.size(), report);
        }
        byte[] agreed = comm.broadcast(new byte[] {(byte) code}, 0);
        return agreed[0];
    }

    /** @param all the workers' counters summed by Reduce, or null when a lost rank prevented it */
    private static int finish(JobConfig job, FarmRun run, long[] all, int ranks, String report) {
        int workers = ranks - 1;
        WorkerCounts counts = new WorkerCounts(new long[workers], new long[workers], new long[workers]);
        for (int w = 0; all != null && w < workers; w++) {
            int at = (w + 1) * FIELDS;
            counts.completed()[w] = all[at + COMPLETED];
            counts.failed()[w] = all[at + FAILED];
            counts.busyNanos()[w] = all[at + BUSY_NANOS];
        }
        Verification verification = Verification.of(run, all == null ? null : counts.completed());
        boolean ok = verification.passed() && run.end() == FarmRun.End.COMPLETE;
        int code = switch (run.end()) {
            case INTERRUPTED -> Shutdown.EXIT_CODE;
            case HUNG -> HUNG_EXIT_CODE;
            case LOST -> RankLost.EXIT_CODE;
            default -> ok ? 0 : 1;
        };
        try {
            FarmReport.write(job, run, counts, verification, ranks, code, report);
        } catch (java.io.UncheckedIOException e) {
            Log.error("the report could not be written: " + e.getCause().getMessage());
        }
        run.book().discard();
        boolean resumable = run.end() == FarmRun.End.INTERRUPTED || run.end() == FarmRun.End.HUNG
                || run.end() == FarmRun.End.LOST || run.end() == FarmRun.End.STORAGE;
        if (resumable) {
            closeJournal(run.journal());
        } else {
            run.journal().append(JournalCodec.end());
            closeJournal(run.journal());
        }
        if (run.end() == FarmRun.End.INTERRUPTED || run.end() == FarmRun.End.HUNG) {
            Log.warn((run.interrupted() ? "stopped by a signal: " : "stopped by the watchdog: ") + saved(job, run));
        }
        System.out.print(FarmSummary.table(job, run, counts, verification, ranks));
        System.out.flush();
        if (run.end() == FarmRun.End.STORAGE) {
            Log.error("job stopped: its output folder " + job.outDir() + " cannot be written; the journal keeps the"
                    + " results written before; make room and run the job again with --resume to go on");
        } else if (!ok && !resumable) {
            Log.error("job failed: " + (run.abandoned() ? "work was left undone" : "verification failed"));
        }
        return code;
    }

    /** What a run that ended early leaves for {@code --resume}. */
    private static String saved(JobConfig job, FarmRun run) {
        return saved(job.outDir(), run.book());
    }

    private static String saved(String outDir, TaskBook book) {
        return book.finished() + " of " + book.size() + " queued task(s) are recorded in " + FarmJournal.file(outDir)
                + "; run the job again with --resume to go on";
    }

    /** Forces the journal out; after a whole run it ends with END, so a later run starts afresh. */
    private static void closeJournal(Journal journal) {
        try {
            journal.close();
        } catch (IOException e) {
            Log.error("the journal could not be completed: " + e.getMessage());
        }
    }

    /** The workers' counters as summed by Reduce, indexed by worker id. */
    record WorkerCounts(long[] completed, long[] failed, long[] busyNanos) {
        long maxBusyNanos() {
            long max = 0;
            for (long b : busyNanos) {
                max = Math.max(max, b);
            }
            return max;
        }
    }
}
