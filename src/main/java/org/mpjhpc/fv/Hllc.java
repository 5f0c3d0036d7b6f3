package org.mpjhpc.fv;

/**
 * The HLLC solver (Toro, Spruce and Speares): HLL with the contact wave restored, so
 * contact discontinuities and shear layers stay sharp.
 */
final class Hllc extends DavisWaves {
    @Override
    void between(double rl, double unl, double utl, double pl, double el,
            double rr, double unr, double utr, double pr, double er, double sl, double sr, double[] out) {
        double ml = rl * (sl - unl);
        double mr = rr * (sr - unr);
        double star = (pr - pl + unl * ml - unr * mr) / (ml - mr);
        if (star >= 0.0) {
            side(rl, unl, utl, pl, el, sl, star, out);
        } else {
            side(rr, unr, utr, pr, er, sr, star, out);
        }
    }

    /** F_K + S_K (U*_K - U_K) for the side K whose star region the face lies in. */
    private static void side(double r, double un, double ut, double p, double e, double s, double star, double[] out) {
        physical(r, un, ut, p, e, out);
        double m = r * (s - un);
        double factor = m / (s - star);
        double dStar0 = factor - r;
        double dStar1 = factor * star - r * un;
        double dStar2 = factor * ut - r * ut;
        double dStar3 = factor * (e / r + (star - un) * (star + p / m)) - e;
        out[0] += s * dStar0;
        out[1] += s * dStar1;
        out[2] += s * dStar2;
        out[3] += s * dStar3;
    }

    /** The exact Euler flux of one state, in the face frame. */
    static void physical(double r, double un, double ut, double p, double e, double[] out) {
        double m = r * un;
        out[0] = m;
        out[1] = m * un + p;
        out[2] = m * ut;
        out[3] = un * (e + p);
    }
}
