package org.mpjhpc.fv;

/**
 * An approximate Riemann solver: the numerical flux across a face from the left and right
 * primitive states, written in the face's frame (normal velocity first). The flux is
 * (mass, normal momentum, tangential momentum, energy).
 */
interface RiemannSolver {
    void flux(double gamma, double rl, double unl, double utl, double pl,
            double rr, double unr, double utr, double pr, double[] out);
}
