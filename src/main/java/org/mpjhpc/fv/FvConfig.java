package org.mpjhpc.fv;

import org.mpjhpc.config.Settings;

/**
 * The validated {@code fv:} section of a job: the problem, the grid, the scheme and how
 * the run is split and reported.
 *
 * @param workers           compute ranks (the job runs on 1 master + workers)
 * @param order             1 (piecewise constant, forward Euler) or 2 (MUSCL + SSP-RK2)
 * @param boundaries        left, right, bottom, top
 * @param nonblocking       halo exchange with Isend/Irecv overlapped with the interior update
 * @param diagnosticsEvery  steps between conservation totals (Reduce to the master)
 * @param checkpointEvery   steps between checkpoints written by the master (0: none)
 * @param vtkEvery          steps between VTK snapshots (0: the final state only)
 * @param restart           resume from the checkpoint in the output folder
 */
public record FvConfig(String problem, int nx, int ny, double gamma, double cfl, double tEnd, int maxSteps,
        int order, String riemann, String limiter, String[] boundaries, boolean nonblocking, int workers,
        int diagnosticsEvery, long heartbeatMs, int checkpointEvery, int vtkEvery, boolean restart) implements Settings {

    Problem problemKind() {
        return Problem.valueOf(problem.toUpperCase(java.util.Locale.ROOT));
    }

    Boundary side(Boundary.Side side) {
        return Boundary.valueOf(boundaries[side.ordinal()].toUpperCase(java.util.Locale.ROOT));
    }

    double dx() {
        return problemKind().width / nx;
    }

    double dy() {
        return problemKind().height / ny;
    }

    FluxDivergence scheme() {
        RiemannSolver solver = riemann.equals("hll") ? new Hll() : new Hllc();
        Limiter lim = order == 1 ? null : Limiter.valueOf(limiter.toUpperCase(java.util.Locale.ROOT));
        return new FluxDivergence(gamma, solver, lim);
    }
}
