package org.mpjhpc.comm;

import java.util.concurrent.locks.LockSupport;

/**
 * Capped exponential backoff for polling loops: each idle round waits twice as long as
 * the one before, up to a cap, and any activity resets it. An idle rank therefore costs
 * almost no CPU (on a 2-core machine a spinning master would halve the workers' speed)
 * while a busy one reacts within microseconds.
 */
public final class Backoff {
    private final long minNanos;
    private final long maxNanos;
    private long current;

    /** @param minNanos the first wait; @param maxNanos the longest wait */
    public Backoff(long minNanos, long maxNanos) {
        this.minNanos = minNanos;
        this.maxNanos = maxNanos;
        this.current = minNanos;
    }

    /** The wait the next idle round will use. */
    public long nextNanos() {
        return current;
    }

    /** Records an idle round and returns how long to wait now. */
    public long advance() {
        long wait = current;
        current = Math.min(maxNanos, current * 2);
        return wait;
    }

    /** Waits for one idle round. */
    public void idle() {
        LockSupport.parkNanos(advance());
    }

    /** Something happened: poll eagerly again. */
    public void reset() {
        current = minNanos;
    }
}
