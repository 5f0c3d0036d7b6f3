package org.mpjhpc.fv;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.Locale;
import org.mpjhpc.config.JobConfig;
import org.mpjhpc.log.Log;
import org.mpjhpc.output.AtomicWrite;
import org.mpjhpc.output.Json;

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
    static int finish(JobConfig job, FvMaster master, double[] max, double wallSeconds, int ranks, String report) {
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
        ObjectNode summary = summary(c, max, first, last, checksum, verify, ranks, ioSeconds);
        Json.write(summary, out.resolve("summary.json"), report);
        Log.info("output written to " + out);
        System.out.print(table(c, max, wallSeconds, ioSeconds, summary, checksum, verify));
        System.out.flush();
        return verify.verdict().exitCode();
    }

    private static ObjectNode summary(FvConfig c, double[] max, FvMaster.Row first, FvMaster.Row last,
            String checksum, FvVerify verify, int ranks, double ioSeconds) {
        ObjectNode s = Json.MAPPER.createObjectNode();
        s.put("problem", FvConfig.key(c.problem()));
        s.put("nx", c.nx());
        s.put("ny", c.ny());
        s.put("ranks", ranks - 1);
        s.put("halo_mode", c.nonblocking() ? "nonblocking" : "blocking");
        s.put("order", c.order());
        s.put("riemann", FvConfig.key(c.riemann()));
        s.put("time", last.time());
        s.put("steps", last.step());
        s.put("checksum", checksum);
        ObjectNode totals = s.putObject("totals");
        ObjectNode start = totals.putObject("start");
        ObjectNode end = totals.putObject("end");
        for (int v = 0; v < Field.VARS; v++) {
            start.put(TOTALS[v], first.totals()[v]);
            end.put(TOTALS[v], last.totals()[v]);
        }
        ObjectNode timing = s.putObject("timing");
        timing.put("compute", PhaseTimes.compute(max));
        timing.put("halo", max[PhaseTimes.HALO]);
        timing.put("reduce", max[PhaseTimes.REDUCE]);
        timing.put("io", max[PhaseTimes.IO] + ioSeconds);
        ObjectNode kernels = timing.putObject("kernels");
        for (int k = 0; k < PhaseTimes.KERNELS; k++) {
            kernels.put(PhaseTimes.NAMES[k], max[k]);
        }
        timing.put("loop", max[FvWorker.LOOP]);
        int ran = (int) max[FvWorker.STEPS];
        s.put("cell_updates_per_s", cellUpdates(c, ran) / max[FvWorker.LOOP]);
        s.put("first_steps_s", max[FvWorker.LOOP] - max[FvWorker.STEADY]);
        s.put("cell_updates_per_s_after_warmup", ran > FvWorker.WARM_UP_STEPS
                ? cellUpdates(c, ran - FvWorker.WARM_UP_STEPS) / max[FvWorker.STEADY] : null);
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

    /** The CloverLeaf-style profile: seconds and share per phase (maximum over ranks). */
    private static String table(FvConfig c, double[] max, double wall, double io, ObjectNode s, String checksum,
            FvVerify verify) {
        StringBuilder t = new StringBuilder();
        int steps = s.get("steps").asInt();
        double loop = max[FvWorker.LOOP];
        t.append(String.format(Locale.ROOT, "%n== finite volume '%s' %d x %d, %d compute rank(s)%s, %s halo ==%n",
                FvConfig.key(c.problem()), c.nx(), c.ny(), c.workers(), oversubscribed(c.workers() + 1),
                c.nonblocking() ? "nonblocking" : "blocking"));
        t.append(String.format(Locale.ROOT, "t = %.6g after %d steps; checksum %s%n", s.get("time").asDouble(), steps,
                checksum));
        t.append(String.format(Locale.ROOT, "%-12s %10s %8s %12s   (maximum over ranks)%n", "kernel/phase",
                "seconds", "share", "us/step"));
        for (int p = 0; p < PhaseTimes.NAMES.length; p++) {
            double sec = p == PhaseTimes.IO ? max[p] + io : max[p];
            t.append(row(PhaseTimes.NAMES[p], sec, loop, steps));
            if (p == PhaseTimes.KERNELS - 1) {
                t.append(row("  compute", PhaseTimes.compute(max), loop, steps));
            }
        }
        t.append(String.format(Locale.ROOT, "%-12s %10.4f          (time loop), wall %.3f s with start-up%n", "loop",
                loop, wall));
        t.append(String.format(Locale.ROOT, "%.3g cell updates/s over the loop; first %d steps %.3f s (warm-up);"
                + " after them %.3g cell updates/s%n", s.get("cell_updates_per_s").asDouble(), FvWorker.WARM_UP_STEPS,
                s.get("first_steps_s").asDouble(), s.get("cell_updates_per_s_after_warmup").asDouble()));
        t.append(verify.verdict().line()).append('\n');
        return t.toString();
    }

    private static String row(String name, double seconds, double loop, int steps) {
        return String.format(Locale.ROOT, "%-12s %10.4f %7.1f%% %12.1f%n", name, seconds, 100 * seconds / loop,
                steps == 0 ? 0 : 1e6 * seconds / steps);
    }

    static String oversubscribed(int ranks) {
        return Json.oversubscribed(ranks);
    }
}
