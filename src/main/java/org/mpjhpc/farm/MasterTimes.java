package org.mpjhpc.farm;

/** Where the master's time went, for the timing table. All values in nanoseconds. */
final class MasterTimes {
    long dispatch;
    long receive;
    long idle;
    long firstResultAt = -1;
    long start;
    long loopEnd;
    long end;
    long cpu;

    void add(long dispatchNanos, long receiveNanos) {
        dispatch += dispatchNanos;
        receive += receiveNanos;
    }

    void idle(long nanos) {
        idle += nanos;
    }

    void firstResult(long now) {
        if (firstResultAt < 0) {
            firstResultAt = now;
        }
    }

    void finish(long start, long loopEnd, long end, long cpuNanos) {
        this.start = start;
        this.loopEnd = loopEnd;
        this.end = end;
        this.cpu = cpuNanos;
    }

    /** The event loop's wall time: from the first release to the last result. */
    long loopNanos() {
        return loopEnd - start;
    }

    /** From the loop's start to the first result: the first-step overhead. */
    long firstResultNanos() {
        return firstResultAt < 0 ? -1 : firstResultAt - start;
    }
}
