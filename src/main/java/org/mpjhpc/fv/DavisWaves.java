package org.mpjhpc.fv;

/**
 * What HLL and HLLC share: Davis's estimates of the slowest and fastest waves, and the
 * supersonic cases where the flux is one side's physical flux. Subclasses give the flux
 * when the face lies between the two waves.
 */
abstract class DavisWaves implements RiemannSolver {
    @Override
    public final void flux(double gamma, double rl, double unl, double utl, double pl,
            double rr, double unr, double utr, double pr, double[] out) {
        double cl = Eos.soundSpeed(gamma, rl, pl);
        double cr = Eos.soundSpeed(gamma, rr, pr);
        double sl = Math.min(unl - cl, unr - cr);
        double sr = Math.max(unl + cl, unr + cr);
        double el = Eos.energy(gamma, rl, unl, utl, pl);
        double er = Eos.energy(gamma, rr, unr, utr, pr);
        if (sl >= 0.0) {
            Hllc.physical(rl, unl, utl, pl, el, out);
        } else if (sr <= 0.0) {
            Hllc.physical(rr, unr, utr, pr, er, out);
        } else {
            between(rl, unl, utl, pl, el, rr, unr, utr, pr, er, sl, sr, out);
        }
    }

    /** The flux when sl < 0 < sr. */
    abstract void between(double rl, double unl, double utl, double pl, double el,
            double rr, double unr, double utr, double pr, double er, double sl, double sr, double[] out);
}
