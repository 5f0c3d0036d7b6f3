package org.mpjhpc.farm;

import java.util.Locale;
import org.mpjhpc.config.JobConfig;
import org.mpjhpc.output.Timing;

/** The human summary printed at the end of a farm run: workers, counters, timing, verdict. */
final class FarmSummary {
    private FarmSummary() {
    }

    static String table(JobConfig job, FarmRun run, FarmJob.WorkerCounts counts, Verification v, int ranks) {
        StringBuilder out = new StringBuilder();
        Scheduler s = run.scheduler();
        TaskBook book = run.book();
        line(out, "%n== task farm '%s' on %d rank(s): 1 master + %d worker(s)%s ==", job.name(), ranks,
                ranks - 1, oversubscribed(ranks));
        line(out, "%6s %5s %8s %8s %9s %6s %9s %6s %8s %8s %-10s", "worker", "rank", "capacity", "assigned",
                "completed", "failed", "busy_ms", "stolen", "failures", "restarts", "state");
        for (int w = 0; w < s.workers(); w++) {
            line(out, "%6d %5d %8d %8d %9d %6d %9d %6d %8d %8d %-10s", w, w + 1, s.capacity(w), s.assigned(w),
                    counts.completed()[w], counts.failed()[w], counts.busyNanos()[w] / 1_000_000L, s.stolen(w),
                    s.failures(w), s.restarts(w), s.state(w).name().toLowerCase(Locale.ROOT));
        }
        long retried = book.retried();
        line(out, "tasks: %d submitted, %d done, %d failed, %d run again after a failure, %d duplicate result(s)"
                + " dropped", book.size(), book.finished() - book.failed(), book.failed(), retried,
                book.duplicates());
        timing(out, run, counts);
        line(out, "%s", v.line());
        return out.toString();
    }

    private static void timing(StringBuilder out, FarmRun run, FarmJob.WorkerCounts counts) {
        MasterTimes t = run.times();
        Timing timing = FarmReport.timing(run);
        out.append(timing.table());
        double perSecond = run.book().finished() == 0 ? 0 : 1e6 / timing.microsPerUnit();
        line(out, "%.0f tasks/s over the loop; master CPU %.1f%% of its wall clock", perSecond,
                100 * FarmReport.share(t.cpu, t.end - t.start));
        long[] busy = counts.busyNanos();
        int busiest = 0;
        for (int w = 1; w < busy.length; w++) {
            busiest = busy[w] > busy[busiest] ? w : busiest;
        }
        if (busy.length > 0) {
            line(out, "max over workers: busy %.3f s (worker %d), %.0f%% of the loop", busy[busiest] / 1e9,
                    busiest, 100 * FarmReport.share(busy[busiest], t.loopNanos()));
        }
    }

    /** More ranks than cores share the CPU: the figures say so. */
    static String oversubscribed(int ranks) {
        int cores = Runtime.getRuntime().availableProcessors();
        return ranks > cores ? ", oversubscribed: " + ranks + " ranks on " + cores + " cores" : "";
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
