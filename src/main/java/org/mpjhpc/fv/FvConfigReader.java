package org.mpjhpc.fv;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.mpjhpc.config.Section;
import org.mpjhpc.config.UserError;
import org.mpjhpc.log.Quote;

/** Reads and validates the {@code fv:} section of a job file. */
public final class FvConfigReader {
    private static final List<String> PROBLEMS = Arrays.stream(Problem.values()).map(Problem::id).toList();

    private FvConfigReader() {
    }

    /** Cells of a grid, at most: the field's arrays index cells with an int, and rank 0 holds them all. */
    static final long MAX_CELLS = 1L << 27;

    /**
     * Reads {@code fv:}. A restart needs a whole checkpoint of this job's problem, grid,
     * gamma and boundaries in {@code outDir}, checked here, before any rank starts.
     *
     * {@code --resume} restarts from the checkpoint when there is one, and starts afresh
     * (saying so) when there is none yet, so a batch script may always pass it.
     *
     * @param np the MPI ranks of the run, or 0 when not known yet
     */
    public static FvConfig read(Section fv, int np, String outDir, boolean resume) {
        FvConfig config = readSection(fv, np);
        if (resume && !config.restart()) {
            if (java.nio.file.Files.exists(Checkpoint.file(outDir))) {
                config = config.restarting();
            } else {
                org.mpjhpc.log.Log.warn("--resume: no checkpoint in " + outDir + " yet; starting from the beginning");
            }
        }
        if (config.restart()) {
            Checkpoint.check(Checkpoint.file(outDir), config);
        }
        return config;
    }

    private static FvConfig readSection(Section fv, int np) {
        Problem kind = problem(fv);
        int nx = fv.intIn("nx", 100, 1, 1 << 16);
        int ny = fv.intIn("ny", 100, 1, 1 << 16);
        if ((long) nx * ny > MAX_CELLS) {
            throw fv.error("ny", nx + " x " + ny + " = " + (long) nx * ny + " cells; at most " + MAX_CELLS
                    + " (2^27: the master gathers the whole field, 32 bytes a cell)");
        }
        double gamma = fv.doubleValue("gamma", 1.4);
        if (!(gamma > 1.0 && gamma < 10.0)) {
            throw fv.error("gamma", "must be between 1 and 10, got " + gamma);
        }
        double cfl = fv.doubleValue("cfl", 0.4);
        if (!(cfl > 0 && cfl <= 1.0)) {
            throw fv.error("cfl", "must be in (0, 1], got " + cfl);
        }
        double tEnd = fv.doubleValue("t_end", kind.tEnd);
        if (!(tEnd > 0)) {
            throw fv.error("t_end", "must be positive, got " + tEnd);
        }
        int maxSteps = fv.intIn("max_steps", 1_000_000, 1, Integer.MAX_VALUE);
        Section scheme = fv.optionalSection("scheme");
        int order = scheme.intIn("order", 2, 1, 2);
        FvConfig.Riemann riemann = choice(FvConfig.Riemann.class, scheme.oneOf("riemann", "hllc", "hllc", "hll"));
        Limiter limiter = choice(Limiter.class, scheme.oneOf("limiter", "van_leer", "minmod", "van_leer"));
        scheme.finish();
        Boundary[] sides = boundaries(fv.optionalSection("boundary"), kind);
        FvConfig.Halo halo = choice(FvConfig.Halo.class, fv.oneOf("halo", "nonblocking", "blocking", "nonblocking",
                "overlapped"));
        int workers = workers(fv, np, nx, ny);
        int diag = fv.intIn("diagnostics_every", 10, 1, Integer.MAX_VALUE);
        long heartbeat = fv.longIn("heartbeat_ms", 1000, 1, 3_600_000);
        int checkpoint = fv.intIn("checkpoint_every", 0, 0, Integer.MAX_VALUE);
        int vtk = fv.intIn("vtk_every", 0, 0, Integer.MAX_VALUE);
        boolean restart = fv.bool("restart", false);
        fv.finish();
        return new FvConfig(kind, nx, ny, gamma, cfl, tEnd, maxSteps, order, riemann, limiter, sides, halo, workers,
                diag, heartbeat, checkpoint, vtk, restart);
    }

    private static Problem problem(Section fv) {
        String problem = fv.string("problem");
        if (!PROBLEMS.contains(problem)) {
            throw fv.error("problem", "unknown problem " + Quote.of(problem) + " (known: " + String.join(", ", PROBLEMS)
                    + ")");
        }
        return Problem.valueOf(problem.toUpperCase(Locale.ROOT));
    }

    /** The compute ranks: each block needs room for the halo. */
    private static int workers(Section fv, int np, int nx, int ny) {
        int workers = fv.intIn("workers", np > 1 ? np - 1 : 1, 1, 4096);
        if (Decomposition.dims(workers, nx, ny) == null) {
            throw fv.error("workers", "a " + nx + " x " + ny + " grid cannot be cut into " + workers + " block(s) of at"
                    + " least " + Decomposition.MIN_CELLS + " x " + Decomposition.MIN_CELLS + " cells (the halo is "
                    + Decomposition.MIN_CELLS + " cells deep): use fewer workers or more cells");
        }
        return workers;
    }

    /** The enum constant a config's (already checked) lowercase name stands for. */
    private static <E extends Enum<E>> E choice(Class<E> type, String name) {
        return Enum.valueOf(type, name.toUpperCase(Locale.ROOT));
    }

    private static Boundary[] boundaries(Section b, Problem kind) {
        String[] names = {"left", "right", "bottom", "top"};
        Boundary[] sides = new Boundary[4];
        for (int s = 0; s < 4; s++) {
            sides[s] = choice(Boundary.class, b.oneOf(names[s], FvConfig.key(kind.sides[s]), "periodic", "transmissive",
                    "reflective"));
        }
        b.finish();
        if ((sides[0] == Boundary.PERIODIC) != (sides[1] == Boundary.PERIODIC)
                || (sides[2] == Boundary.PERIODIC) != (sides[3] == Boundary.PERIODIC)) {
            throw new UserError(b.origin() + ": " + b.path() + ": periodic boundaries come in pairs (left with right,"
                    + " bottom with top)");
        }
        return sides;
    }
}
