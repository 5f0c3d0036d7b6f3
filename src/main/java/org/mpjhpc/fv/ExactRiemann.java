package org.mpjhpc.fv;

/**
 * The exact solution of the 1D Riemann problem for an ideal gas (Toro, chapter 4), used to
 * validate the solver: the star pressure by Newton iteration, then the self-similar
 * solution sampled at x / t.
 */
final class ExactRiemann {
    private final double gamma;
    private final double rl;
    private final double ul;
    private final double pl;
    private final double rr;
    private final double ur;
    private final double pr;
    private final double cl;
    private final double cr;
    final double pStar;
    final double uStar;

    ExactRiemann(double gamma, double rl, double ul, double pl, double rr, double ur, double pr) {
        this.gamma = gamma;
        this.rl = rl;
        this.ul = ul;
        this.pl = pl;
        this.rr = rr;
        this.ur = ur;
        this.pr = pr;
        this.cl = Math.sqrt(gamma * pl / rl);
        this.cr = Math.sqrt(gamma * pr / rr);
        double p = Math.max(1e-8, 0.5 * (pl + pr));
        for (int it = 0; it < 100; it++) {
            double f = f(p, rl, pl, cl) + f(p, rr, pr, cr) + (ur - ul);
            double df = df(p, rl, pl, cl) + df(p, rr, pr, cr);
            double next = Math.max(1e-10, p - f / df);
            boolean done = Math.abs(next - p) < 1e-14 * (next + p);
            p = next;
            if (done) {
                break;
            }
        }
        pStar = p;
        uStar = 0.5 * (ul + ur) + 0.5 * (f(p, rr, pr, cr) - f(p, rl, pl, cl));
    }

    private double f(double p, double rk, double pk, double ck) {
        if (p > pk) {
            double a = 2.0 / ((gamma + 1.0) * rk);
            double b = (gamma - 1.0) / (gamma + 1.0) * pk;
            return (p - pk) * Math.sqrt(a / (p + b));
        }
        return 2.0 * ck / (gamma - 1.0) * (Math.pow(p / pk, (gamma - 1.0) / (2.0 * gamma)) - 1.0);
    }

    private double df(double p, double rk, double pk, double ck) {
        if (p > pk) {
            double a = 2.0 / ((gamma + 1.0) * rk);
            double b = (gamma - 1.0) / (gamma + 1.0) * pk;
            return Math.sqrt(a / (b + p)) * (1.0 - (p - pk) / (2.0 * (b + p)));
        }
        return 1.0 / (rk * ck) * Math.pow(p / pk, -(gamma + 1.0) / (2.0 * gamma));
    }

    /** (rho, u, p) at speed s = x / t. */
    double[] sample(double s) {
        double g = gamma;
        if (s <= uStar) {
            if (pStar > pl) {
                double shock = ul - cl * Math.sqrt((g + 1) / (2 * g) * pStar / pl + (g - 1) / (2 * g));
                if (s <= shock) {
                    return new double[] {rl, ul, pl};
                }
                double r = rl * (pStar / pl + (g - 1) / (g + 1)) / ((g - 1) / (g + 1) * pStar / pl + 1);
                return new double[] {r, uStar, pStar};
            }
            double head = ul - cl;
            double cStar = cl * Math.pow(pStar / pl, (g - 1) / (2 * g));
            if (s <= head) {
                return new double[] {rl, ul, pl};
            }
            if (s >= uStar - cStar) {
                return new double[] {rl * Math.pow(pStar / pl, 1 / g), uStar, pStar};
            }
            double c = 2 / (g + 1) * (cl + (g - 1) / 2 * (ul - s));
            double u = 2 / (g + 1) * (cl + (g - 1) / 2 * ul + s);
            double r = rl * Math.pow(c / cl, 2 / (g - 1));
            return new double[] {r, u, pl * Math.pow(c / cl, 2 * g / (g - 1))};
        }
        if (pStar > pr) {
            double shock = ur + cr * Math.sqrt((g + 1) / (2 * g) * pStar / pr + (g - 1) / (2 * g));
            if (s >= shock) {
                return new double[] {rr, ur, pr};
            }
            double r = rr * (pStar / pr + (g - 1) / (g + 1)) / ((g - 1) / (g + 1) * pStar / pr + 1);
            return new double[] {r, uStar, pStar};
        }
        double head = ur + cr;
        double cStar = cr * Math.pow(pStar / pr, (g - 1) / (2 * g));
        if (s >= head) {
            return new double[] {rr, ur, pr};
        }
        if (s <= uStar + cStar) {
            return new double[] {rr * Math.pow(pStar / pr, 1 / g), uStar, pStar};
        }
        double c = 2 / (g + 1) * (cr - (g - 1) / 2 * (ur - s));
        double u = 2 / (g + 1) * (-cr + (g - 1) / 2 * ur + s);
        double r = rr * Math.pow(c / cr, 2 / (g - 1));
        return new double[] {r, u, pr * Math.pow(c / cr, 2 * g / (g - 1))};
    }
}
