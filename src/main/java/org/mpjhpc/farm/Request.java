package org.mpjhpc.farm;

import java.io.Serializable;

/**
 * One entry of a job's request list: submit {@code task} {@code times} times, waiting
 * {@code sleepMs} after each submission (the seed emulator's request semantics).
 *
 * @param worker the worker the task is pinned to, or -1 for the master queue
 */
public record Request(int times, long sleepMs, int worker, TaskKind task) implements Serializable {
    /** Pinned to no worker: the master's round-robin decides. */
    public static final int ANY_WORKER = -1;
}
