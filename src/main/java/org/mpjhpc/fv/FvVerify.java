package org.mpjhpc.fv;

import org.mpjhpc.output.Verdict;

/**
 * The end-of-run check against known answers: the exact Riemann solution for Sod, the
 * advected initial state for the vortex, and conservation wherever every side is periodic.
 */
record FvVerify(Verdict verdict, double l1) {

    static FvVerify of(FvConfig c, double[][] field, FvMaster.Row first, FvMaster.Row last, boolean finished) {
        Verdict v = new Verdict();
        v.check(true, finished ? "reached t = " + last.time()
                : "stopped by max_steps at step " + last.step() + ", t = " + last.time());
        double l1 = Double.NaN;
        Problem p = c.problem();
        if (p == Problem.SOD_X || p == Problem.SOD_Y) {
            l1 = sodError(c, field, last.time());
            v.check(l1 < 3.0 / (p == Problem.SOD_X ? c.nx() : c.ny()),
                    "L1 density error against the exact Riemann solution " + l1);
        } else if (p == Problem.ISENTROPIC_VORTEX) {
            l1 = vortexError(c, field, last.time());
            double h = 10.0 / Math.min(c.nx(), c.ny());
            v.check(l1 < h * h, "L1 density error against the advected vortex " + l1);
        }
        if (allPeriodic(c)) {
            double worst = 0;
            for (int k = 0; k < Field.VARS; k++) {
                double scale = Math.max(1.0, Math.abs(first.totals()[k]));
                worst = Math.max(worst, Math.abs(last.totals()[k] - first.totals()[k]) / scale);
            }
            v.check(worst <= 1e-12, "totals conserved to " + worst + " relative (periodic box)");
        }
        return new FvVerify(v, l1);
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
        boolean alongX = c.problem() == Problem.SOD_X;
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
