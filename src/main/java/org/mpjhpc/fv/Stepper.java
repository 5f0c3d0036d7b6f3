package org.mpjhpc.fv;

/**
 * One block's time integration, the hydro loop of the method: time step (CFL, global
 * minimum), then per Runge-Kutta stage: halo exchange started, interior fluxes while the
 * messages travel, halo finished, boundary strips, update. First order is one forward
 * Euler stage; second order is SSP-RK2 (Heun): U1 = U + dt L(U), U = (U + U1 + dt L(U1)) / 2.
 * With {@code halo: overlapped} the time step's reduction travels while the first stage's
 * residual is computed: L(U) does not depend on dt, only the update does.
 */
final class Stepper {
    private final double gamma;
    private final double cfl;
    private final int stages;
    private final double dx;
    private final double dy;
    private final FluxDivergence fluxes;
    private final HaloExchange halo;
    private final GlobalMin globalMin;
    private final boolean overlap;
    private final Field u;
    private final Field stage;
    private final Field w;
    private final Field du;
    final PhaseTimes times = new PhaseTimes();

    /** The time step's minimum over all compute ranks, begun and then ended. */
    interface GlobalMin {
        /** Starts the reduction of this rank's time step (it may complete at once). */
        void begin(double local);

        /** The minimum over all compute ranks. */
        double end();

        /** One rank alone: its own time step. */
        static GlobalMin alone() {
            double[] kept = new double[1];
            return new GlobalMin() {
                @Override
                public void begin(double local) {
                    kept[0] = local;
                }

                @Override
                public double end() {
                    return kept[0];
                }
            };
        }
    }

    /** @param globalMin the minimum of a value over all compute ranks (Allreduce MIN) */
    Stepper(FvConfig config, Field u, HaloExchange halo, GlobalMin globalMin) {
        this.gamma = config.gamma();
        this.cfl = config.cfl();
        this.stages = config.order() == 1 ? 1 : 2;
        this.dx = config.dx();
        this.dy = config.dy();
        this.fluxes = config.scheme();
        this.halo = halo;
        this.globalMin = globalMin;
        this.overlap = config.overlapped();
        this.u = u;
        this.stage = u.like();
        this.w = u.like();
        this.du = u.like();
    }

    /** Advances by one step, at most to {@code tEnd}; returns the step taken. */
    double step(double t, double tEnd) {
        long t0 = System.nanoTime();
        Eos.primitives(gamma, u, w, 0, u.nx, 0, u.ny);
        double local = TimeStep.cfl(gamma, cfl, w, dx, dy);
        long t1 = System.nanoTime();
        globalMin.begin(local);
        times.add(PhaseTimes.TIMESTEP, t1 - t0);
        times.add(PhaseTimes.REDUCE, System.nanoTime() - t1);
        if (overlap) {
            residual(u); // while the time step's messages travel
        }
        long t2 = System.nanoTime();
        double dt = Math.min(globalMin.end(), tEnd - t);
        times.add(PhaseTimes.REDUCE, System.nanoTime() - t2);
        if (!overlap) {
            residual(u);
        }
        combine(stage, u, null, dt);
        if (stages == 2) {
            residual(stage);
            combine(u, u, stage, dt);
        } else {
            u.copyFrom(stage);
        }
        return dt;
    }

    /** du = L(v): the residual with the halo exchange overlapped with the interior. */
    private void residual(Field v) {
        long t0 = System.nanoTime();
        halo.begin(v);
        long t1 = System.nanoTime();
        Eos.primitives(gamma, v, w, 0, v.nx, 0, v.ny);
        long e1 = System.nanoTime();
        int g = fluxes.ghosts();
        boolean split = v.nx > 2 * g && v.ny > 2 * g;
        if (split) {
            fluxes.compute(w, dx, dy, du, g, v.nx - g, g, v.ny - g);
        }
        long t2 = System.nanoTime();
        halo.finish(v);
        long t3 = System.nanoTime();
        ghostPrimitives(v);
        long e2 = System.nanoTime();
        if (split) {
            fluxes.compute(w, dx, dy, du, 0, v.nx, 0, g);
            fluxes.compute(w, dx, dy, du, 0, v.nx, v.ny - g, v.ny);
            fluxes.compute(w, dx, dy, du, 0, g, g, v.ny - g);
            fluxes.compute(w, dx, dy, du, v.nx - g, v.nx, g, v.ny - g);
        } else {
            fluxes.compute(w, dx, dy, du, 0, v.nx, 0, v.ny);
        }
        long t4 = System.nanoTime();
        times.add(PhaseTimes.HALO, (t1 - t0) + (t3 - t2));
        times.add(PhaseTimes.EOS, (e1 - t1) + (e2 - t3));
        times.add(PhaseTimes.FLUXES, (t2 - e1) + (t4 - e2));
    }

    private void ghostPrimitives(Field v) {
        int g = v.ng;
        Eos.primitives(gamma, v, w, -g, 0, 0, v.ny);
        Eos.primitives(gamma, v, w, v.nx, v.nx + g, 0, v.ny);
        Eos.primitives(gamma, v, w, 0, v.nx, -g, 0);
        Eos.primitives(gamma, v, w, 0, v.nx, v.ny, v.ny + g);
    }

    /** target = base + dt du (first stage), or (base + extra + dt du) / 2 (second). */
    private void combine(Field target, Field base, Field extra, double dt) {
        long t0 = System.nanoTime();
        for (int var = 0; var < Field.VARS; var++) {
            double[] b = base.q[var];
            double[] d = du.q[var];
            double[] out = target.q[var];
            double[] x = extra == null ? null : extra.q[var];
            for (int j = 0; j < u.ny; j++) {
                int c = u.at(0, j);
                for (int end = c + u.nx; c < end; c++) {
                    out[c] = x == null ? b[c] + dt * d[c] : 0.5 * (b[c] + (x[c] + dt * d[c]));
                }
            }
        }
        times.add(PhaseTimes.UPDATE, System.nanoTime() - t0);
    }
}
