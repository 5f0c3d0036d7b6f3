package org.mpjhpc.fv;

import java.util.Locale;
import org.mpjhpc.config.Settings;

/**
 * The validated {@code fv:} section of a job: the problem, the grid, the scheme and how
 * the run is split and reported. Every choice is an enum; {@link #key} gives the name a
 * config, a report or a checkpoint uses for it.
 *
 * @param workers           compute ranks (the job runs on 1 master + workers)
 * @param order             1 (piecewise constant, forward Euler) or 2 (MUSCL + SSP-RK2)
 * @param limiter           the slope limiter of order 2 (kept, unused, for order 1)
 * @param boundaries        left, right, bottom, top
 * @param halo              how the halo exchange travels
 * @param diagnosticsEvery  steps between conservation totals (Reduce to the master)
 * @param checkpointEvery   steps between checkpoints written by the master (0: none)
 * @param vtkEvery          steps between VTK snapshots (0: the final state only)
 * @param restart           resume from the checkpoint in the output folder
 */
public record FvConfig(Problem problem, int nx, int ny, double gamma, double cfl, double tEnd, int maxSteps,
        int order, Riemann riemann, Limiter limiter, Boundary[] boundaries, Halo halo, int workers,
        int diagnosticsEvery, long heartbeatMs, int checkpointEvery, int vtkEvery, boolean restart) implements Settings {

    /** The same run, restarting from the checkpoint in the output folder. */
    FvConfig restarting() {
        return new FvConfig(problem, nx, ny, gamma, cfl, tEnd, maxSteps, order, riemann, limiter, boundaries, halo,
                workers, diagnosticsEvery, heartbeatMs, checkpointEvery, vtkEvery, true);
    }

    /** The approximate Riemann solvers a config may name. */
    enum Riemann {
        HLLC, HLL;

        RiemannSolver solver() {
            return this == HLL ? new Hll() : new Hllc();
        }
    }

    /**
     * The halo exchange: {@code Sendrecv}, or {@code Irecv}/{@code Isend} overlapped with the
     * interior; OVERLAPPED is NONBLOCKING with the time step's MIN reduction also overlapped,
     * with the first stage's fluxes (they do not need the time step; only the update does).
     */
    enum Halo { BLOCKING, NONBLOCKING, OVERLAPPED }

    /** A choice as configs, reports and checkpoints spell it: {@code sod_x}, {@code van_leer}. */
    static String key(Enum<?> choice) {
        return choice.name().toLowerCase(Locale.ROOT);
    }

    Boundary side(Boundary.Side side) {
        return boundaries[side.ordinal()];
    }

    boolean nonblocking() {
        return halo != Halo.BLOCKING;
    }

    boolean overlapped() {
        return halo == Halo.OVERLAPPED;
    }

    double dx() {
        return problem.width / nx;
    }

    double dy() {
        return problem.height / ny;
    }

    FluxDivergence scheme() {
        return new FluxDivergence(gamma, riemann.solver(), order == 1 ? null : limiter);
    }
}
