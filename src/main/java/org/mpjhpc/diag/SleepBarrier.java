package org.mpjhpc.diag;

import org.mpjhpc.output.JsonArray;
import org.mpjhpc.output.JsonObject;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Locale;
import org.mpjhpc.comm.Comm;
import org.mpjhpc.config.JobConfig;
import org.mpjhpc.config.Section;
import org.mpjhpc.config.Settings;
import org.mpjhpc.output.Json;
import org.mpjhpc.output.Timing;
import org.mpjhpc.output.Verdict;

/**
 * {@code job: sleep-barrier}, a diagnostic: each round, worker w sleeps (w + 1) x ms, then
 * every rank meets at a barrier (a sum Reduce to rank 0, then a Bcast from it). It tells
 * what a collective costs beyond the slowest rank's sleep, and whether the master burns
 * CPU while it waits (its CPU time in the rounds against their wall time).
 */
public final class SleepBarrier {
    /** The validated {@code sleep-barrier:} section. */
    record Config(int workers, int rounds, long ms) implements Settings {
    }

    private SleepBarrier() {
    }

    /** Reads {@code sleep-barrier:}; {@code workers} defaults to what -np gives. */
    public static Settings read(Section s, int np, String outDir, boolean resume) {
        Config c = new Config(s.intIn("workers", np > 1 ? np - 1 : 2, 1, 4096), s.intIn("rounds", 5, 1, 10_000),
                s.longIn("ms", 20, 0, 60_000));
        s.finish();
        return c;
    }

    /** Runs the rounds on this rank; returns the exit code every rank agrees on. */
    public static int run(Comm comm, JobConfig job, long epochMs, String report) throws InterruptedException {
        Config c = job.settings(Config.class);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] waitNs = new long[c.rounds()];
        long[] arrived = new long[c.rounds()];
        barrier(comm, 0); // every rank leaves its start-up here: the rounds start together
        long cpu0 = threads.getCurrentThreadCpuTime();
        for (int r = 0; r < c.rounds(); r++) {
            long t0 = System.nanoTime();
            if (comm.rank() > 0) {
                Thread.sleep(comm.rank() * c.ms());
            }
            arrived[r] = barrier(comm, r);
            waitNs[r] = System.nanoTime() - t0;
        }
        long cpuNs = threads.getCurrentThreadCpuTime() - cpu0;
        return comm.rank() == 0 ? verify(c, job, waitNs, arrived, cpuNs, report) : 0; // the launcher agrees on it
    }

    /** A sum Reduce of the workers then a Bcast; returns how many workers arrived (at the master). */
    private static long barrier(Comm comm, int round) {
        long[] sum = comm.reduce(new long[] {comm.rank() > 0 ? 1 : 0}, Comm.Op.SUM, 0);
        comm.broadcast(new byte[] {(byte) round}, 0);
        return sum == null ? 0 : sum[0];
    }

    /** Master: the report, the table and the VERIFY line; returns 0 or 1. */
    private static int verify(Config c, JobConfig job, long[] waitNs, long[] arrived, long cpuNs, String report) {
        double slowestMs = c.workers() * (double) c.ms();
        boolean allArrived = true;
        boolean waited = true;
        double total = 0;
        JsonObject json = new JsonObject();
        JsonArray rounds = json.putArray("rounds");
        for (int r = 0; r < waitNs.length; r++) {
            double ms = waitNs[r] / 1e6;
            allArrived &= arrived[r] == c.workers();
            // A barrier that returns before the slowest rank is no barrier; the ranks leave the
            // previous one a little apart, hence 90 %.
            waited &= ms >= 0.9 * slowestMs;
            total += ms;
            rounds.addObject().put("round", r).put("arrived", arrived[r]).put("wait_ms", ms)
                    .put("overhead_ms", ms - slowestMs);
        }
        Verdict verdict = new Verdict();
        verdict.check(allArrived, "every worker reached all " + c.rounds() + " barrier(s)");
        verdict.check(waited, "no barrier returned before 90% of the slowest worker's " + slowestMs + " ms sleep");
        double later = waitNs.length > 1 ? (total - waitNs[0] / 1e6) / (waitNs.length - 1) : total;
        json.put("workers", c.workers()).put("ms", c.ms()).put("slowest_sleep_ms", slowestMs)
                .put("first_round_ms", waitNs[0] / 1e6).put("later_round_ms", later)
                .put("master_cpu_ms", cpuNs / 1e6).put("master_cpu_share", cpuNs / 1e6 / total);
        Timing timing = new Timing("round", c.rounds()).scope("rank 0").phase("rounds", total / 1e3)
                .first("first round", waitNs[0] / 1e9);
        timing.writeTo(json.putObject("timing"));
        verdict.writeTo(json);
        Json.write(json, Path.of(job.outDir(), "report.json"), report);
        System.out.printf(Locale.ROOT, "%n== sleep-barrier: %d round(s) on 1 master + %d worker(s)%s ==%n"
                + "slowest sleep %.1f ms | first round %.2f ms | later rounds %.2f ms each (overhead %.2f ms)"
                + " | master CPU %.1f ms = %.0f%% of the rounds' wall time%n", c.rounds(), c.workers(),
                Json.oversubscribed(c.workers() + 1), slowestMs, waitNs[0] / 1e6, later, later - slowestMs,
                cpuNs / 1e6, 100 * cpuNs / 1e6 / total);
        System.out.print(timing.table());
        System.out.println(verdict.line());
        System.out.flush();
        return verdict.exitCode();
    }
}
