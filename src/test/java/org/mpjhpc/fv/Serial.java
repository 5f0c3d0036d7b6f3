package org.mpjhpc.fv;

/** Runs a problem on one block, without MPI, for the kernel tests. */
final class Serial {
    private Serial() {
    }

    static FvConfig config(String problem, int nx, int ny, int order, String riemann, String limiter) {
        Problem p = Problem.valueOf(problem.toUpperCase(java.util.Locale.ROOT));
        return new FvConfig(p, nx, ny, 1.4, 0.4, p.tEnd, 1_000_000, order,
                FvConfig.Riemann.valueOf(riemann.toUpperCase(java.util.Locale.ROOT)),
                Limiter.valueOf(limiter.toUpperCase(java.util.Locale.ROOT)), p.sides.clone(), FvConfig.Halo.BLOCKING, 1,
                10, 1000, 0, 0, false);
    }

    static Field run(FvConfig c, double tEnd) {
        Field u = new Field(c.nx(), c.ny(), 2);
        Setup.fill(c, u, 0, 0, 0);
        int[] neighbours = new int[4];
        Boundary[] physical = new Boundary[4];
        for (Boundary.Side s : Boundary.Side.values()) {
            physical[s.ordinal()] = c.side(s);
            neighbours[s.ordinal()] = c.side(s) == Boundary.PERIODIC ? HaloExchange.SELF : HaloExchange.NONE;
        }
        Stepper stepper = new Stepper(c, u, new HaloExchange(u, neighbours, physical, null, FvConfig.Halo.BLOCKING),
                Stepper.GlobalMin.alone());
        double t = 0;
        while (t < tEnd) {
            t += stepper.step(t, tEnd);
        }
        return u;
    }

    static double total(Field u, int var) {
        double sum = 0;
        for (int j = 0; j < u.ny; j++) {
            for (int i = 0; i < u.nx; i++) {
                sum += u.q[var][u.at(i, j)];
            }
        }
        return sum;
    }
}
