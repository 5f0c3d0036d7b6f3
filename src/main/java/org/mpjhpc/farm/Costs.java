package org.mpjhpc.farm;

/** Rough run-time estimates, in nanoseconds, for ordering tasks; 0 when unknown. */
final class Costs {
    private Costs() {
    }

    static double estimate(TaskKind kind) {
        if (kind instanceof TaskKind.Sleep s) {
            return s.ms() * 1e6;
        }
        if (kind instanceof TaskKind.Spin s) {
            return s.ms() * 1e6;
        }
        if (kind instanceof TaskKind.Cpu c) {
            return c.ms() * 1e6;
        }
        if (kind instanceof TaskKind.Fib f) {
            return 2.5 * Math.pow(1.618, f.n()); // about 2.5 ns per call on this class of machine
        }
        return 0;
    }
}
