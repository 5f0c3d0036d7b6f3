package org.mpjhpc.fv;

/** Fills a block's owned cells with a problem's state at time t (cell-centre values). */
final class Setup {
    private Setup() {
    }

    /** @param x0 @param y0 the global index of the block's first cell */
    static void fill(FvConfig config, Field u, int x0, int y0, double t) {
        Problem problem = config.problem();
        double gamma = config.gamma();
        double dx = config.dx();
        double dy = config.dy();
        double[] w = new double[4];
        for (int j = 0; j < u.ny; j++) {
            for (int i = 0; i < u.nx; i++) {
                problem.state(gamma, (x0 + i + 0.5) * dx, (y0 + j + 0.5) * dy, t, w);
                int c = u.at(i, j);
                u.q[Field.RHO][c] = w[0];
                u.q[Field.MX][c] = w[0] * w[1];
                u.q[Field.MY][c] = w[0] * w[2];
                u.q[Field.E][c] = Eos.energy(gamma, w[0], w[1], w[2], w[3]);
            }
        }
    }
}
