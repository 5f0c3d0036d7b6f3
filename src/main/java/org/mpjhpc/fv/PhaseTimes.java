package org.mpjhpc.fv;

/** Where one rank's time went, by phase, in nanoseconds. */
final class PhaseTimes {
    static final int COMPUTE = 0;
    static final int HALO = 1;
    static final int REDUCE = 2;
    static final int IO = 3;
    static final String[] NAMES = {"compute", "halo", "reduce", "io"};

    final long[] nanos = new long[NAMES.length];

    void add(int phase, long n) {
        nanos[phase] += n;
    }
}
