package org.mpjhpc.fv;

import java.util.ArrayList;
import java.util.List;

/**
 * The end-of-run check against known answers: the exact Riemann solution for Sod, the
 * advected initial state for the vortex, and conservation wherever every side is periodic.
 */
record FvVerify(boolean passed, List<String> checks, double l1) {

    static FvVerify of(FvConfig c, double[][] field, FvMaster.Row first, FvMaster.Row last, boolean finished) {
        List<String> checks = new ArrayList<>();
        boolean ok = true;
        checks.add("ok: " + (finished ? "reached t = " + last.time()
                : "stopped by max_steps at step " + last.step() + ", t = " + last.time()));
        double l1 = Double.NaN;
        Problem p = c.problemKind();
        if (p == Problem.SOD_X || p == Problem.SOD_Y) {
            l1 = sodError(c, field, last.time());
            boolean good = l1 < 3.0 / (p == Problem.SOD_X ? c.nx() : c.ny());
            ok &= good;
            checks.add((good ? "ok" : "FAIL") + ": L1 density error against the exact Riemann solution " + l1);
        } else if (p == Problem.ISENTROPIC_VORTEX) {
            l1 = vortexError(c, field, last.time());
            double h = 10.0 / Math.min(c.nx(), c.ny());
            boolean good = l1 < h * h;
            ok &= good;
            checks.add((good ? "ok" : "FAIL") + ": L1 density error against the advected vortex " + l1);
        }
        if (allPeriodic(c)) {
            double worst = 0;
            for (int v = 0; v < Field.VARS; v++) {
                double scale = Math.max(1.0, Math.abs(first.totals()[v]));
                worst = Math.max(worst, Math.abs(last.totals()[v] - first.totals()[v]) / scale);
            }
            boolean good = worst <= 1e-12;
            ok &= good;
            checks.add((good ? "ok" : "FAIL") + ": totals conserved to " + worst + " relative (periodic box)");
        }
        return new FvVerify(ok, checks, l1);
    }

    private static boolean allPeriodic(FvConfig c) {
        for (Boundary.Side s : Boundary.Side.values()) {
            if (c.side(s) != Boundary.PERIODIC) {
                return false;
            }
        }
        return true;
    }

    private static double sodError(FvConfig c, double[][] field, double t) {
        ExactRiemann exact = new ExactRiemann(c.gamma(), 1.0, 0.0, 1.0, 0.125, 0.0, 0.1);
        boolean alongX = c.problemKind() == Problem.SOD_X;
        double sum = 0;
        for (int j = 0; j < c.ny(); j++) {
            for (int i = 0; i < c.nx(); i++) {
                double s = alongX ? (i + 0.5) * c.dx() : (j + 0.5) * c.dy();
                sum += Math.abs(field[0][j * c.nx() + i] - exact.sample((s - 0.5) / t)[0]);
            }
        }
        return sum / ((double) c.nx() * c.ny());
    }

    private static double vortexError(FvConfig c, double[][] field, double t) {
        double[] w = new double[4];
        double sum = 0;
        for (int j = 0; j < c.ny(); j++) {
            for (int i = 0; i < c.nx(); i++) {
                Problem.ISENTROPIC_VORTEX.state(c.gamma(), (i + 0.5) * c.dx(), (j + 0.5) * c.dy(), t, w);
                sum += Math.abs(field[0][j * c.nx() + i] - w[0]);
            }
        }
        return sum / ((double) c.nx() * c.ny());
    }
}
