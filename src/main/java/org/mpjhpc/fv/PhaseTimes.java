package org.mpjhpc.fv;

/**
 * Where one rank's time went, in nanoseconds: one slot per kernel of the hydro loop (the
 * time step, the equation of state, the fluxes, the Runge-Kutta update), then the
 * communication phases and the output. {@code compute} in the summary is the kernels' sum.
 */
final class PhaseTimes {
    static final int TIMESTEP = 0;
    static final int EOS = 1;
    static final int FLUXES = 2;
    static final int UPDATE = 3;
    static final int HALO = 4;
    static final int REDUCE = 5;
    static final int IO = 6;
    static final String[] NAMES = {"timestep", "eos", "fluxes", "update", "halo", "reduce", "io"};
    /** The kernels: pure computation, no messages. */
    static final int KERNELS = 4;

    final long[] nanos = new long[NAMES.length];

    void add(int phase, long n) {
        nanos[phase] += n;
    }

    /** The kernels' total from a per-slot array in seconds. */
    static double compute(double[] seconds) {
        double sum = 0;
        for (int k = 0; k < KERNELS; k++) {
            sum += seconds[k];
        }
        return sum;
    }
}
