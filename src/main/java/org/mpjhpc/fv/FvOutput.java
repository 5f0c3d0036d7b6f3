package org.mpjhpc.fv;

import org.mpjhpc.output.JsonObject;
import java.nio.file.Path;
import java.util.Locale;
import org.mpjhpc.config.JobConfig;
import org.mpjhpc.log.Log;
import org.mpjhpc.output.AtomicWrite;
import org.mpjhpc.output.Json;
import org.mpjhpc.output.Shutdown;
import org.mpjhpc.output.Timing;

/**
 * What the master writes at the end of a finite-volume run (others read these files; the
 * names are part of the product): summary.json, lineout_x.csv, lineout_y.csv,
 * diagnostics.csv, final.vtk and density.png, then the timing table and the verdict.
 */
final class FvOutput {
    private static final String[] TOTALS = {"mass", "momentum_x", "momentum_y", "energy"};

    private FvOutput() {
    }

    /** Writes everything, prints the table; returns the exit code. */
    /**
     * @param stopped a stop signal ended the run early: the output is the state reached, the
     *                checkpoint (if enabled) lets {@code --resume} go on, and the exit code is 4
     */
    static int finish(JobConfig job, FvMaster master, RankTimes max, double wallSeconds, int ranks, String report,
            boolean stopped) {
        FvConfig c = job.settings(FvConfig.class);
        long io = System.nanoTime();
        FvMaster.Row first = master.rows.get(0);
        FvMaster.Row last = master.rows.get(master.rows.size() - 1);
        boolean finished = last.time() >= c.tEnd() * (1 - 1e-12);
        FvVerify verify = FvVerify.of(c, master.field, first, last, finished);
        String checksum = Checksum.of(master.field);
        Path out = Path.of(job.outDir());
        Lineouts.write(c, master.field, out);
        AtomicWrite.text(out.resolve("diagnostics.csv"), diagnostics(master));
        Vtk.write(c, master.field, out.resolve("final.vtk"));
        DensityImage.write(c, master.field, out.resolve("density.png"));
        double ioSeconds = (System.nanoTime() - io) / 1e9;
        Timing timing = timing(max, ioSeconds, wallSeconds);
        JsonObject summary = summary(c, max, first, last, checksum, verify, ranks, timing);
        boolean interrupted = stopped && !finished && last.step() < c.maxSteps();
        summary.put("status", interrupted ? "interrupted" : verify.verdict().passed() ? "ok" : "failed");
        Json.write(summary, out.resolve("summary.json"), report);
        Log.info("output written to " + out);
        System.out.print(table(c, timing, summary, checksum, verify));
        System.out.flush();
        if (interrupted) {
            Log.warn("stopped by a signal at step " + last.step() + ", t = " + last.time() + (c.checkpointEvery() > 0
                    ? "; a checkpoint of that step is in " + out + ": run again with --resume to go on"
                    : " (checkpoint_every is 0: no checkpoint to go on from)"));
            return Shutdown.EXIT_CODE;
        }
        return verify.verdict().exitCode();
    }

    private static JsonObject summary(FvConfig c, RankTimes max, FvMaster.Row first, FvMaster.Row last,
            String checksum, FvVerify verify, int ranks, Timing timing) {
        JsonObject s = new JsonObject();
        s.put("problem", FvConfig.key(c.problem()));
        s.put("nx", c.nx());
        s.put("ny", c.ny());
        s.put("ranks", ranks - 1);
        s.put("halo_mode", FvConfig.key(c.halo()));
        s.put("order", c.order());
        s.put("riemann", FvConfig.key(c.riemann()));
        s.put("time", last.time());
        s.put("steps", last.step());
        s.put("checksum", checksum);
        JsonObject totals = s.putObject("totals");
        JsonObject start = totals.putObject("start");
        JsonObject end = totals.putObject("end");
        for (int v = 0; v < Field.VARS; v++) {
            start.put(TOTALS[v], first.totals()[v]);
            end.put(TOTALS[v], last.totals()[v]);
        }
        JsonObject kernels = timing.writeTo(s.putObject("timing")).putObject("kernels");
        for (int k = 0; k < PhaseTimes.KERNELS; k++) {
            kernels.put(PhaseTimes.NAMES[k], max.phase(k));
        }
        int ran = max.steps();
        s.put("cell_updates_per_s", cellUpdates(c, ran) / max.loop());
        s.put("first_steps_s", max.firstSteps());
        s.put("cell_updates_per_s_after_warmup", ran > FvWorker.WARM_UP_STEPS
                ? cellUpdates(c, ran - FvWorker.WARM_UP_STEPS) / max.steady() : null);
        s.put("l1_error", Double.isNaN(verify.l1()) ? null : verify.l1());
        verify.verdict().writeTo(s);
        return s;
    }

    private static double cellUpdates(FvConfig c, int steps) {
        return (double) c.nx() * c.ny() * steps;
    }

    private static String diagnostics(FvMaster master) {
        StringBuilder csv = new StringBuilder("step,time,dt,mass,momentum_x,momentum_y,energy\n");
        for (FvMaster.Row r : master.rows) {
            csv.append(String.format(Locale.ROOT, "%d,%.17g,%.17g,%.17g,%.17g,%.17g,%.17g%n", r.step(), r.time(),
                    r.dt(), r.totals()[0], r.totals()[1], r.totals()[2], r.totals()[3]));
        }
        return csv.toString();
    }

    /** The CloverLeaf-style profile: seconds, share of the time loop and time per step of each kernel and phase. */
    static Timing timing(RankTimes max, double ioSeconds, double wallSeconds) {
        Timing t = new Timing("step", max.steps());
        for (int k = 0; k < PhaseTimes.KERNELS; k++) {
            t.phase(PhaseTimes.NAMES[k], max.phase(k));
        }
        t.part("compute", max.compute());
        t.phase("halo", max.phase(PhaseTimes.HALO)).phase("reduce", max.phase(PhaseTimes.REDUCE));
        t.phase("io", max.phase(PhaseTimes.IO) + ioSeconds);
        return t.span("loop", max.loop()).wall(wallSeconds)
                .first("first " + FvWorker.WARM_UP_STEPS + " steps (warm-up)", max.firstSteps());
    }

    private static String table(FvConfig c, Timing timing, JsonObject s, String checksum, FvVerify verify) {
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "%n== finite volume '%s' %d x %d, %d compute rank(s)%s, %s halo ==%n",
                FvConfig.key(c.problem()), c.nx(), c.ny(), c.workers(), oversubscribed(c.workers() + 1),
                FvConfig.key(c.halo())));
        t.append(String.format(Locale.ROOT, "t = %.6g after %d steps; checksum %s%n", s.asDouble("time"),
                (int) s.asDouble("steps"), checksum));
        t.append(timing.table());
        t.append(String.format(Locale.ROOT, "%.3g cell updates/s over the loop; after the warm-up %.3g%n",
                s.asDouble("cell_updates_per_s"),
                s.asDouble("cell_updates_per_s_after_warmup")));
        t.append(verify.verdict().line()).append('\n');
        return t.toString();
    }

    static String oversubscribed(int ranks) {
        return Json.oversubscribed(ranks);
    }
}
