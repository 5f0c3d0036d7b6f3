package org.mpjhpc.fv;

/**
 * The ideal-gas equation of state: conversions between conserved variables (rho, rho u,
 * rho v, E) and primitive ones (rho, u, v, p).
 */
final class Eos {
    private Eos() {
    }

    static double pressure(double gamma, double rho, double mx, double my, double e) {
        return (gamma - 1.0) * (e - 0.5 * (mx * mx + my * my) / rho);
    }

    static double energy(double gamma, double rho, double u, double v, double p) {
        return p / (gamma - 1.0) + 0.5 * rho * (u * u + v * v);
    }

    static double soundSpeed(double gamma, double rho, double p) {
        return Math.sqrt(gamma * p / rho);
    }

    /** Primitive values of cells i in [i0, i1), j in [j0, j1) of {@code u}, into {@code w}. */
    static void primitives(double gamma, Field u, Field w, int i0, int i1, int j0, int j1) {
        double[] rho = u.q[Field.RHO];
        double[] mx = u.q[Field.MX];
        double[] my = u.q[Field.MY];
        double[] e = u.q[Field.E];
        for (int j = j0; j < j1; j++) {
            for (int i = i0; i < i1; i++) {
                int c = u.at(i, j);
                double r = rho[c];
                w.q[0][c] = r;
                w.q[1][c] = mx[c] / r;
                w.q[2][c] = my[c] / r;
                w.q[3][c] = pressure(gamma, r, mx[c], my[c], e[c]);
            }
        }
    }
}
