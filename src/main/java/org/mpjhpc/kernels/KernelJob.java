package org.mpjhpc.kernels;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mpjhpc.comm.Comm;
import org.mpjhpc.config.JobConfig;
import org.mpjhpc.output.Json;
import org.mpjhpc.output.JsonObject;
import org.mpjhpc.output.Timing;
import org.mpjhpc.output.Verdict;

/**
 * {@code job: kernel}, the course's MPI examples on every rank: the kernel runs, its phases
 * are timed on each rank and reduced with MAX to rank 0, which checks the result against its
 * closed form or serial reference and prints the VERIFY line and the timing table.
 */
public final class KernelJob {
    private KernelJob() {
    }

    /** Runs the kernel on this rank; returns the exit code (the launcher makes rank 0's everyone's). */
    public static int run(Comm comm, JobConfig job, long epochMs, String report) {
        KernelConfig c = job.settings(KernelConfig.class);
        comm.allReduce(new int[1], Comm.Op.SUM); // every rank leaves its start-up here
        long t0 = System.nanoTime();
        Outcome o = switch (c.kernel()) {
            case "sum_of_squares" -> SumOfSquares.run(comm, c);
            case "scatter_mean" -> ScatterMean.run(comm, c);
            case "ring_prefix" -> RingPrefix.run(comm, c);
            case "micro" -> Micro.run(comm, c, job.outDir());
            default -> MatMul.run(comm, c);
        };
        double wall = (System.nanoTime() - t0) / 1e9;
        List<String> names = new ArrayList<>(o.phases.keySet());
        double[] mine = new double[names.size() + 1];
        for (int i = 0; i < names.size(); i++) {
            mine[i] = o.phases.get(names.get(i));
        }
        mine[names.size()] = wall;
        double[] max = comm.reduce(mine, Comm.Op.MAX, 0); // every rank ran the same phases
        return comm.rank() == 0 ? finish(c, job, o, names, max, report) : 0;
    }

    private static int finish(KernelConfig c, JobConfig job, Outcome o, List<String> names, double[] max,
            String report) {
        Verdict verdict = new Verdict();
        for (Outcome.Check k : o.checks) {
            verdict.check(k.ok(), k.what());
        }
        verdict.check(!o.checks.isEmpty(), "the kernel checked its result");
        double wall = max[names.size()];
        Timing timing = new Timing(c.kernel().equals("matmul") ? "row" : "value", units(c)).scope("maximum over ranks");
        for (int i = 0; i < names.size(); i++) {
            timing.phase(names.get(i), max[i]);
        }
        timing.wall(wall);
        JsonObject json = new JsonObject().put("kernel", c.kernel()).put("ranks", c.ranks()).put("n", c.n())
                .put("seed", c.seed());
        for (Map.Entry<String, Object> f : o.figures.entrySet()) {
            json.putValue(f.getKey(), f.getValue());
        }
        timing.writeTo(json.putObject("timing"));
        verdict.writeTo(json);
        Json.write(json, Path.of(job.outDir(), "report.json"), report);
        System.out.printf(Locale.ROOT, "%n== kernel %s on %d rank(s)%s, n = %d ==%n", c.kernel(), c.ranks(),
                Json.oversubscribed(c.ranks()), c.n());
        o.figures.forEach((k, v) -> System.out.println(k + ": " + v));
        System.out.print(timing.table());
        System.out.println(verdict.line());
        System.out.flush();
        return verdict.exitCode();
    }

    private static double units(KernelConfig c) {
        return c.kernel().equals("matmul") ? c.n() : (double) c.ranks() * c.n();
    }
}
