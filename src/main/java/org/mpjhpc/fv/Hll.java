package org.mpjhpc.fv;

/** The HLL solver (Harten, Lax, van Leer): two waves, one mean state between them. */
final class Hll extends DavisWaves {
    @Override
    void between(double rl, double unl, double utl, double pl, double el,
            double rr, double unr, double utr, double pr, double er, double sl, double sr, double[] out) {
        double inv = 1.0 / (sr - sl);
        double ml = rl * unl;
        double mr = rr * unr;
        out[0] = (sr * ml - sl * mr + sl * sr * (rr - rl)) * inv;
        out[1] = (sr * (ml * unl + pl) - sl * (mr * unr + pr) + sl * sr * (mr - ml)) * inv;
        out[2] = (sr * ml * utl - sl * mr * utr + sl * sr * (rr * utr - rl * utl)) * inv;
        out[3] = (sr * unl * (el + pl) - sl * unr * (er + pr) + sl * sr * (er - el)) * inv;
    }
}
