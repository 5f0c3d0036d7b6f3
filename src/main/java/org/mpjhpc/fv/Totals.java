package org.mpjhpc.fv;

/** The conserved totals of a block: sums of rho, rho u, rho v and E times the cell area. */
final class Totals {
    private Totals() {
    }

    static double[] of(Field u, double cellArea) {
        double[] sums = new double[Field.VARS];
        for (int v = 0; v < Field.VARS; v++) {
            double s = 0;
            for (int j = 0; j < u.ny; j++) {
                for (int i = 0; i < u.nx; i++) {
                    s += u.q[v][u.at(i, j)];
                }
            }
            sums[v] = s * cellArea;
        }
        return sums;
    }
}
