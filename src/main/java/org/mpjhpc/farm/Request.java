package org.mpjhpc.farm;

import java.io.Serializable;

/**
 * One entry of a job's timeline: do {@code action} {@code times} times, waiting
 * {@code sleepMs} after each (the seed emulator's request semantics).
 */
public record Request(int times, long sleepMs, Action action) implements Serializable {
    /** Pinned to no worker: the master's round-robin decides. */
    public static final int ANY_WORKER = -1;
}
