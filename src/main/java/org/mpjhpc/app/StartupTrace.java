package org.mpjhpc.app;

import java.lang.management.ManagementFactory;

/**
 * Where a job's start-up and ending time goes, for {@code benchmarks/startup}: with
 * {@code MPJRUN_TRACE=1} rank 0 prints {@code startup-trace PHASE EPOCH_MS} at each step
 * (the launcher prints its own), and nothing otherwise.
 */
final class StartupTrace {
    private static final boolean ON = System.getenv("MPJRUN_TRACE") != null;
    private static boolean rankZero = true; // until the rank is known: Main's first marks come before MPI.Init

    private StartupTrace() {
    }

    /** The JVM's own start, then {@code phase}: the first mark of a rank. */
    static void start(String phase) {
        if (ON) {
            print("jvm", ManagementFactory.getRuntimeMXBean().getStartTime());
            mark(phase);
        }
    }

    static void rank(int rank) {
        rankZero = rank == 0;
    }

    static void mark(String phase) {
        if (ON) {
            print(phase, System.currentTimeMillis());
        }
    }

    private static void print(String phase, long epochMs) {
        if (rankZero) {
            System.err.println("startup-trace " + phase + " " + epochMs);
        }
    }
}
