package org.mpjhpc.fv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The scheme on one block against known answers: Sod's exact solution, the vortex, conservation. */
class SolverTest {
    static double sodError(int nx, int order, String riemann) {
        FvConfig c = Serial.config("sod_x", nx, 2, order, riemann, "van_leer");
        Field u = Serial.run(c, 0.2);
        ExactRiemann exact = new ExactRiemann(1.4, 1.0, 0.0, 1.0, 0.125, 0.0, 0.1);
        double error = 0;
        for (int i = 0; i < nx; i++) {
            double x = (i + 0.5) / nx;
            error += Math.abs(u.q[Field.RHO][u.at(i, 0)] - exact.sample((x - 0.5) / 0.2)[0]) / nx;
        }
        return error;
    }

    @Test
    void sodErrorShrinksWithResolutionForEverySchemeVariant() {
        for (String riemann : new String[] {"hllc", "hll"}) {
            for (int order = 1; order <= 2; order++) {
                double coarse = sodError(100, order, riemann);
                double fine = sodError(200, order, riemann);
                assertTrue(fine < 0.8 * coarse, riemann + " order " + order + ": " + coarse + " -> " + fine);
                assertTrue(fine < 0.02, riemann + " order " + order + ": " + fine);
            }
        }
        assertTrue(sodError(200, 2, "hllc") < sodError(200, 1, "hllc"), "second order beats first");
    }

    static double vortexError(int n) {
        FvConfig c = Serial.config("isentropic_vortex", n, n, 2, "hllc", "van_leer");
        Field u = Serial.run(c, 1.0);
        Field exact = new Field(n, n, 2);
        Setup.fill(c, exact, 0, 0, 1.0);
        double error = 0;
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                error += Math.abs(u.q[Field.RHO][u.at(i, j)] - exact.q[Field.RHO][u.at(i, j)]);
            }
        }
        return error / (n * n);
    }

    @Test
    void isentropicVortexConvergesAtSecondOrder() {
        double e32 = vortexError(32);
        double e64 = vortexError(64);
        double e128 = vortexError(128);
        double order = Math.log(e64 / e128) / Math.log(2);
        System.out.println("vortex L1 errors " + e32 + " " + e64 + " " + e128 + ", observed order " + order);
        assertTrue(order >= 1.8, "observed order " + order + " (errors " + e32 + ", " + e64 + ", " + e128 + ")");
    }

    @Test
    void periodicRunConservesMassMomentumAndEnergy() {
        FvConfig c = Serial.config("kelvin_helmholtz", 64, 64, 2, "hllc", "van_leer");
        Field start = new Field(64, 64, 2);
        Setup.fill(c, start, 0, 0, 0);
        Field end = Serial.run(c, 0.3);
        for (int v = 0; v < Field.VARS; v++) {
            double before = Serial.total(start, v);
            double after = Serial.total(end, v);
            double scale = Math.max(1.0, Math.abs(before));
            assertEquals(before, after, 1e-12 * scale * 64 * 64, "variable " + v);
        }
    }
}
