package org.mpjhpc.fv;

/** The CFL condition: the largest stable time step over a block's cells. */
final class TimeStep {
    private TimeStep() {
    }

    /** cfl / max((|u| + c) / dx + (|v| + c) / dy) over the owned cells of the primitive field. */
    static double cfl(double gamma, double cfl, Field w, double dx, double dy) {
        double fastest = 0.0;
        for (int j = 0; j < w.ny; j++) {
            for (int i = 0; i < w.nx; i++) {
                int c = w.at(i, j);
                double a = Eos.soundSpeed(gamma, w.q[0][c], w.q[3][c]);
                double s = (Math.abs(w.q[1][c]) + a) / dx + (Math.abs(w.q[2][c]) + a) / dy;
                fastest = Math.max(fastest, s);
            }
        }
        return fastest == 0.0 ? Double.MAX_VALUE : cfl / fastest;
    }
}
