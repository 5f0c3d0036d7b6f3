package org.mpjhpc.fv;

/**
 * The finite-volume residual: for each cell of a range, minus the divergence of the
 * numerical fluxes through its four faces, from MUSCL-reconstructed primitive states and
 * a Riemann solver. Dimension by dimension, so no corner ghosts are needed.
 *
 * <p>Each face flux is a pure function of the four cells across it, so a cell's residual
 * is the same bits whichever block or range computes it: the result does not depend on
 * the decomposition.
 */
final class FluxDivergence {
    private final double gamma;
    private final RiemannSolver riemann;
    private final Limiter limiter;
    private final double[] face = new double[4];
    private double[] fx = new double[0];
    private double[][] gBottom = new double[4][0];
    private double[][] gTop = new double[4][0];

    /** @param limiter the slope limiter, or null for first order (piecewise constant) */
    FluxDivergence(double gamma, RiemannSolver riemann, Limiter limiter) {
        this.gamma = gamma;
        this.riemann = riemann;
        this.limiter = limiter;
    }

    /** Ghost layers the stencil reads. */
    int ghosts() {
        return limiter == null ? 1 : 2;
    }

    /** dU = -div F over cells i in [i0, i1), j in [j0, j1), from the primitive field {@code w}. */
    void compute(Field w, double dx, double dy, Field du, int i0, int i1, int j0, int j1) {
        int n = i1 - i0;
        if (fx.length < 4 * (n + 1)) {
            fx = new double[4 * (n + 1)];
            gBottom = new double[4][n];
            gTop = new double[4][n];
        }
        double idx = 1.0 / dx;
        double idy = 1.0 / dy;
        yFaces(w, j0, i0, i1, gBottom);
        for (int j = j0; j < j1; j++) {
            yFaces(w, j + 1, i0, i1, gTop);
            for (int f = i0; f <= i1; f++) {
                faceFlux(w, w.at(f - 1, j), 1, 1, 2, face);
                int k = 4 * (f - i0);
                fx[k] = face[0];
                fx[k + 1] = face[1];
                fx[k + 2] = face[2];
                fx[k + 3] = face[3];
            }
            for (int i = i0; i < i1; i++) {
                int c = du.at(i, j);
                int k = 4 * (i - i0);
                int x = i - i0;
                du.q[0][c] = -((fx[k + 4] - fx[k]) * idx + (gTop[0][x] - gBottom[0][x]) * idy);
                du.q[1][c] = -((fx[k + 5] - fx[k + 1]) * idx + (gTop[2][x] - gBottom[2][x]) * idy);
                du.q[2][c] = -((fx[k + 6] - fx[k + 2]) * idx + (gTop[1][x] - gBottom[1][x]) * idy);
                du.q[3][c] = -((fx[k + 7] - fx[k + 3]) * idx + (gTop[3][x] - gBottom[3][x]) * idy);
            }
            double[][] t = gBottom;
            gBottom = gTop;
            gTop = t;
        }
    }

    /** Fluxes through the faces between rows j-1 and j, for columns [i0, i1), in the y frame. */
    private void yFaces(Field w, int j, int i0, int i1, double[][] out) {
        for (int i = i0; i < i1; i++) {
            faceFlux(w, w.at(i, j - 1), w.stride, 2, 1, face);
            int x = i - i0;
            out[0][x] = face[0];
            out[1][x] = face[1];
            out[2][x] = face[2];
            out[3][x] = face[3];
        }
    }

    /**
     * The flux through the face between cell {@code a} and the next one along
     * {@code step}, with {@code normal} and {@code tangent} the velocity components. The
     * states live in local variables, not arrays, so the JIT keeps them in registers.
     */
    private void faceFlux(Field w, int a, int step, int normal, int tangent, double[] out) {
        int b = a + step;
        double[] rho = w.q[0];
        double[] un = w.q[normal];
        double[] ut = w.q[tangent];
        double[] p = w.q[3];
        double ra = rho[a];
        double rb = rho[b];
        double na = un[a];
        double nb = un[b];
        double ta = ut[a];
        double tb = ut[b];
        double pa = p[a];
        double pb = p[b];
        if (limiter == null) {
            riemann.flux(gamma, ra, na, ta, pa, rb, nb, tb, pb, out);
            return;
        }
        Limiter lim = limiter;
        int a0 = a - step;
        int b1 = b + step;
        double rl = ra + 0.5 * lim.slope(ra - rho[a0], rb - ra);
        double rr = rb - 0.5 * lim.slope(rb - ra, rho[b1] - rb);
        double nl = na + 0.5 * lim.slope(na - un[a0], nb - na);
        double nr = nb - 0.5 * lim.slope(nb - na, un[b1] - nb);
        double tl = ta + 0.5 * lim.slope(ta - ut[a0], tb - ta);
        double tr = tb - 0.5 * lim.slope(tb - ta, ut[b1] - tb);
        double pl = pa + 0.5 * lim.slope(pa - p[a0], pb - pa);
        double pr = pb - 0.5 * lim.slope(pb - pa, p[b1] - pb);
        if (rl <= 0 || pl <= 0 || rr <= 0 || pr <= 0) {
            // A reconstruction that loses positivity falls back to first order here.
            riemann.flux(gamma, ra, na, ta, pa, rb, nb, tb, pb, out);
        } else {
            riemann.flux(gamma, rl, nl, tl, pl, rr, nr, tr, pr, out);
        }
    }
}
