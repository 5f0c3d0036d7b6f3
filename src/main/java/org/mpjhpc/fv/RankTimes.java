package org.mpjhpc.fv;

import org.mpjhpc.comm.Comm;

/**
 * Where one compute rank's time went, in seconds, or the maximum of each figure over the
 * ranks: the phases of {@link PhaseTimes} (kernels, halo, reduce, io), the steps it ran,
 * the time loop's wall time, and the loop's time without its first
 * {@link FvWorker#WARM_UP_STEPS} steps (JIT warm-up).
 */
record RankTimes(double[] phases, int steps, double loop, double steady) {
    /** The master's share: it runs no steps. */
    static final RankTimes NONE = new RankTimes(new double[PhaseTimes.NAMES.length], 0, 0, 0);

    double phase(int p) {
        return phases[p];
    }

    /** The kernels' total: pure computation, no messages. */
    double compute() {
        return PhaseTimes.compute(phases);
    }

    /** The warm-up steps' time: the first-step overhead. */
    double firstSteps() {
        return loop - steady;
    }

    /** Each figure's maximum over the ranks, at {@code root} (null elsewhere). */
    RankTimes max(Comm world, int root) {
        double[] all = world.reduce(pack(), Comm.Op.MAX, root);
        return all == null ? null : unpack(all);
    }

    private double[] pack() {
        int n = phases.length;
        double[] out = java.util.Arrays.copyOf(phases, n + 3);
        out[n] = steps;
        out[n + 1] = loop;
        out[n + 2] = steady;
        return out;
    }

    private static RankTimes unpack(double[] a) {
        int n = a.length - 3;
        return new RankTimes(java.util.Arrays.copyOf(a, n), (int) a[n], a[n + 1], a[n + 2]);
    }
}
