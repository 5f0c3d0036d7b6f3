package org.mpjhpc.fv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class KernelsTest {
    private static final double GAMMA = 1.4;

    @Test
    void riemannSolversReturnThePhysicalFluxForEqualStates() {
        double[] expected = new double[4];
        Hllc.physical(1.2, 0.3, -0.4, 2.0, Eos.energy(GAMMA, 1.2, 0.3, -0.4, 2.0), expected);
        for (RiemannSolver solver : new RiemannSolver[] {new Hllc(), new Hll()}) {
            double[] out = new double[4];
            solver.flux(GAMMA, 1.2, 0.3, -0.4, 2.0, 1.2, 0.3, -0.4, 2.0, out);
            assertArrayEquals(expected, out, 1e-14);
        }
    }

    @Test
    void hllcKeepsAStationaryContactExactlyAndHllSmearsIt() {
        double[] hllc = new double[4];
        new Hllc().flux(GAMMA, 1.0, 0.0, 0.0, 1.0, 0.125, 0.0, 0.0, 1.0, hllc);
        assertEquals(0.0, hllc[0], 1e-15, "no mass crosses a resting contact");
        assertEquals(1.0, hllc[1], 1e-15, "only the pressure pushes");
        double[] hll = new double[4];
        new Hll().flux(GAMMA, 1.0, 0.0, 0.0, 1.0, 0.125, 0.0, 0.0, 1.0, hll);
        assertTrue(hll[0] > 1e-3, "HLL diffuses the contact");
    }

    @Test
    void limitersAreTvdAndSymmetric() {
        for (Limiter l : Limiter.values()) {
            assertEquals(0.0, l.slope(1.0, -2.0));
            assertEquals(0.0, l.slope(0.0, 3.0));
            assertEquals(1.0, l.slope(1.0, 1.0), 1e-15);
            assertEquals(l.slope(1.0, 3.0), l.slope(3.0, 1.0), 1e-15);
            assertEquals(-l.slope(1.0, 3.0), l.slope(-1.0, -3.0), 1e-15);
            assertTrue(l.slope(1.0, 3.0) <= 2.0 * 1.0, "never steeper than twice the smaller slope");
        }
        assertEquals(1.0, Limiter.MINMOD.slope(1.0, 3.0));
        assertEquals(1.5, Limiter.VAN_LEER.slope(1.0, 3.0), 1e-15);
    }

    @Test
    void exactRiemannSolverGivesSodsKnownStarState() {
        ExactRiemann sod = new ExactRiemann(GAMMA, 1.0, 0.0, 1.0, 0.125, 0.0, 0.1);
        assertEquals(0.30313, sod.pStar, 1e-5);
        assertEquals(0.92745, sod.uStar, 1e-5);
        assertArrayEquals(new double[] {1.0, 0.0, 1.0}, sod.sample(-2.0), 0);
        assertArrayEquals(new double[] {0.125, 0.0, 0.1}, sod.sample(2.0), 0);
        assertEquals(0.42632, sod.sample(0.5)[0], 1e-5, "left of the contact");
        assertEquals(0.26557, sod.sample(1.2)[0], 1e-5, "between contact and shock");
    }

    @Test
    void decompositionIsBalancedAndCoversEveryCell() {
        assertArrayEquals(new int[] {2, 2}, Decomposition.dims(4, 1024, 1024));
        assertArrayEquals(new int[] {4, 1}, Decomposition.dims(4, 400, 4));
        assertArrayEquals(new int[] {1, 3}, Decomposition.dims(3, 4, 300));
        assertArrayEquals(new int[] {3, 2}, Decomposition.dims(6, 300, 200));
        assertArrayEquals(new int[] {1, 2}, Decomposition.dims(2, 3, 4), "blocks of at least two cells a side");
        assertNull(Decomposition.dims(4, 3, 1), "no factorisation leaves every block two cells a side");
        assertNull(Decomposition.dims(1, 1, 8));
        for (int parts = 1; parts <= 7; parts++) {
            int covered = 0;
            for (int c = 0; c < parts; c++) {
                assertEquals(covered, Decomposition.start(101, parts, c));
                covered += Decomposition.size(101, parts, c);
            }
            assertEquals(101, covered);
        }
    }
}
