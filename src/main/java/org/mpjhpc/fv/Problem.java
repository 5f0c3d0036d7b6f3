package org.mpjhpc.fv;

import java.util.Locale;

/**
 * The built-in initial conditions, each with its domain, final time and natural boundary
 * conditions (left, right, bottom, top). Initial values use StrictMath, so every rank and
 * every host computes the same bits.
 */
enum Problem {
    /** Sod's shock tube along x: (1, 0, 1) | (0.125, 0, 0.1) at x = 0.5, t = 0.2. */
    SOD_X(1, 1, 0.2, Boundary.TRANSMISSIVE, Boundary.TRANSMISSIVE, Boundary.PERIODIC, Boundary.PERIODIC),
    /** The same tube along y. */
    SOD_Y(1, 1, 0.2, Boundary.PERIODIC, Boundary.PERIODIC, Boundary.TRANSMISSIVE, Boundary.TRANSMISSIVE),
    /** Lax and Liu's 2D Riemann problem, configuration 3 (four shocks), t = 0.8. */
    RIEMANN_2D(1, 1, 0.8, Boundary.TRANSMISSIVE, Boundary.TRANSMISSIVE, Boundary.TRANSMISSIVE, Boundary.TRANSMISSIVE),
    /** A Kelvin-Helmholtz shear layer in a periodic box, t = 1.5. */
    KELVIN_HELMHOLTZ(1, 1, 1.5, Boundary.PERIODIC, Boundary.PERIODIC, Boundary.PERIODIC, Boundary.PERIODIC),
    /** The isentropic vortex (strength 5) advected diagonally through a periodic 10 x 10 box. */
    ISENTROPIC_VORTEX(10, 10, 1.0, Boundary.PERIODIC, Boundary.PERIODIC, Boundary.PERIODIC, Boundary.PERIODIC);

    final double width;
    final double height;
    final double tEnd;
    final Boundary[] sides;

    Problem(double width, double height, double tEnd, Boundary... sides) {
        this.width = width;
        this.height = height;
        this.tEnd = tEnd;
        this.sides = sides;
    }

    /** The name used in job files. */
    String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Primitive state (rho, u, v, p) at point (x, y) and time t (exact for the vortex). */
    void state(double gamma, double x, double y, double t, double[] w) {
        switch (this) {
            case SOD_X -> sod(x, w, false);
            case SOD_Y -> sod(y, w, true);
            case RIEMANN_2D -> riemann2d(x, y, w);
            case KELVIN_HELMHOLTZ -> shear(x, y, w);
            case ISENTROPIC_VORTEX -> vortex(gamma, x, y, t, w);
        }
    }

    private static void sod(double s, double[] w, boolean alongY) {
        boolean left = s < 0.5;
        w[0] = left ? 1.0 : 0.125;
        w[1] = 0.0;
        w[2] = 0.0;
        w[3] = left ? 1.0 : 0.1;
    }

    private static void riemann2d(double x, double y, double[] w) {
        boolean east = x >= 0.8;
        boolean north = y >= 0.8;
        if (east && north) {
            set(w, 1.5, 0, 0, 1.5);
        } else if (north) {
            set(w, 0.5323, 1.206, 0, 0.3);
        } else if (east) {
            set(w, 0.5323, 0, 1.206, 0.3);
        } else {
            set(w, 0.138, 1.206, 1.206, 0.029);
        }
    }

    private static void shear(double x, double y, double[] w) {
        boolean inside = Math.abs(y - 0.5) < 0.25;
        double sigma = 0.05 / StrictMath.sqrt(2);
        double bump = StrictMath.exp(-(y - 0.25) * (y - 0.25) / (2 * sigma * sigma))
                + StrictMath.exp(-(y - 0.75) * (y - 0.75) / (2 * sigma * sigma));
        set(w, inside ? 2.0 : 1.0, inside ? 0.5 : -0.5, 0.1 * StrictMath.sin(4 * Math.PI * x) * bump, 2.5);
    }

    /** The vortex centred at (5, 5) + t (1, 1), wrapped into the periodic box. */
    private static void vortex(double gamma, double x, double y, double t, double[] w) {
        double beta = 5.0;
        double dx = wrap(x - 5.0 - t);
        double dy = wrap(y - 5.0 - t);
        double r2 = dx * dx + dy * dy;
        double e = StrictMath.exp(0.5 * (1.0 - r2));
        double temperature = 1.0 - (gamma - 1.0) * beta * beta / (8.0 * gamma * Math.PI * Math.PI) * e * e;
        double rho = StrictMath.pow(temperature, 1.0 / (gamma - 1.0));
        set(w, rho, 1.0 - beta / (2 * Math.PI) * e * dy, 1.0 + beta / (2 * Math.PI) * e * dx, rho * temperature);
    }

    private static double wrap(double d) {
        double r = d - 10.0 * StrictMath.floor((d + 5.0) / 10.0);
        return r;
    }

    private static void set(double[] w, double rho, double u, double v, double p) {
        w[0] = rho;
        w[1] = u;
        w[2] = v;
        w[3] = p;
    }
}
