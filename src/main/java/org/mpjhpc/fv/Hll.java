package org.mpjhpc.fv;

/** The HLL solver (Harten, Lax, van Leer) with Davis wave-speed estimates: two waves, one mean state. */
final class Hll implements RiemannSolver {
    @Override
    public void flux(double gamma, double rl, double unl, double utl, double pl,
            double rr, double unr, double utr, double pr, double[] out) {
        double cl = Eos.soundSpeed(gamma, rl, pl);
        double cr = Eos.soundSpeed(gamma, rr, pr);
        double sl = Math.min(unl - cl, unr - cr);
        double sr = Math.max(unl + cl, unr + cr);
        double el = Eos.energy(gamma, rl, unl, utl, pl);
        double er = Eos.energy(gamma, rr, unr, utr, pr);
        if (sl >= 0.0) {
            Hllc.physical(rl, unl, utl, pl, el, out);
            return;
        }
        if (sr <= 0.0) {
            Hllc.physical(rr, unr, utr, pr, er, out);
            return;
        }
        double inv = 1.0 / (sr - sl);
        double ml = rl * unl;
        double mr = rr * unr;
        out[0] = (sr * ml - sl * mr + sl * sr * (rr - rl)) * inv;
        out[1] = (sr * (ml * unl + pl) - sl * (mr * unr + pr) + sl * sr * (mr - ml)) * inv;
        out[2] = (sr * ml * utl - sl * mr * utr + sl * sr * (rr * utr - rl * utl)) * inv;
        out[3] = (sr * unl * (el + pl) - sl * unr * (er + pr) + sl * sr * (er - el)) * inv;
    }
}
