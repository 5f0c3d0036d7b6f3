package org.mpjhpc.farm;

import java.util.ArrayList;
import java.util.List;

/**
 * The master's view of each worker's heartbeat. Heartbeats and results count as signs of
 * life: both come only from a worker whose executor lives. Silence longer than two
 * heartbeat intervals makes a worker SUSPECT, once it has been heard since it started (a
 * starting JVM loads and compiles for longer than that: every run warned of every worker);
 * silence longer than the timeout makes it DEAD (before it is first heard, the timeout plus
 * {@link #STARTUP_GRACE_MS}), and it stays dead until it rejoins
 * ({@link #watch}). Workers that are not working (standby, stopped) are OFF: not watched.
 * A worker waiting in a collective cannot speak: it is held ({@link #hold}) and not checked
 * until the collective ends ({@link #resume}). Pure logic over a given clock.
 */
final class Liveness {
    enum State { ALIVE, SUSPECT, DEAD, OFF }

    /**
     * Extra time a worker gets to be heard the first time after it (re)starts. Measured: on
     * two loaded cores with six ranks, the first heartbeats came 1.0-1.1 s after the master
     * began to watch, so a 1 s timeout would have declared every worker dead at start.
     */
    static final long STARTUP_GRACE_MS = 2000;

    private final long intervalNanos;
    private final long timeoutNanos;
    private final WorkerSlot[] slots;

    /** A watch over slots of its own (for tests of the rule alone). */
    Liveness(int workers, int watched, long intervalMs, long timeoutMs, long nowNanos) {
        this(fresh(workers), watched, intervalMs, timeoutMs, nowNanos);
    }

    /** @param watched how many workers (the first ones) are watched from the start */
    Liveness(WorkerSlot[] slots, int watched, long intervalMs, long timeoutMs, long nowNanos) {
        this.slots = slots;
        this.intervalNanos = intervalMs * 1_000_000L;
        this.timeoutNanos = timeoutMs * 1_000_000L;
        for (int w = 0; w < slots.length; w++) {
            slots[w].lastSeen = nowNanos;
            slots[w].pulse = w < watched ? State.ALIVE : State.OFF;
        }
    }

    private static WorkerSlot[] fresh(int workers) {
        WorkerSlot[] slots = new WorkerSlot[workers];
        for (int w = 0; w < workers; w++) {
            slots[w] = new WorkerSlot(Scheduler.State.STANDBY, 0);
        }
        return slots;
    }

    /** Starts (or restarts) watching a worker that has just joined. */
    void watch(int worker, long nowNanos) {
        slots[worker].lastSeen = nowNanos;
        slots[worker].pulse = State.ALIVE;
        slots[worker].heardSinceWatch = false;
    }

    /** Stops watching a worker that no longer works. */
    void off(int worker) {
        slots[worker].pulse = State.OFF;
    }

    /** A message came from the worker. Returns true if it had been suspect. */
    boolean heard(int worker, long nowNanos) {
        slots[worker].lastSeen = nowNanos;
        slots[worker].heardSinceWatch = true;
        boolean wasSuspect = slots[worker].pulse == State.SUSPECT;
        if (wasSuspect) {
            slots[worker].pulse = State.ALIVE;
        }
        return wasSuspect;
    }

    /** The worker waits in a collective that has not started yet: its silence does not count. */
    void hold(int worker) {
        slots[worker].inCollective = true;
    }

    /** The collective is over: held workers are counted as heard now. */
    void resume(long nowNanos) {
        for (int w = 0; w < slots.length; w++) {
            if (slots[w].inCollective) {
                slots[w].inCollective = false;
                slots[w].lastSeen = nowNanos;
            }
        }
    }

    /** Moves silent workers to SUSPECT or DEAD; returns the workers that just died. */
    List<Integer> check(long nowNanos, List<Integer> newlySuspect) {
        List<Integer> died = new ArrayList<>();
        for (int w = 0; w < slots.length; w++) {
            if (slots[w].inCollective) {
                continue;
            }
            long silent = nowNanos - slots[w].lastSeen;
            long allowed = slots[w].heardSinceWatch ? timeoutNanos : timeoutNanos + STARTUP_GRACE_MS * 1_000_000L;
            if ((slots[w].pulse == State.ALIVE || slots[w].pulse == State.SUSPECT) && silent > allowed) {
                slots[w].pulse = State.DEAD;
                died.add(w);
            } else if (slots[w].pulse == State.ALIVE && slots[w].heardSinceWatch && silent > 2 * intervalNanos) {
                slots[w].pulse = State.SUSPECT;
                newlySuspect.add(w);
            }
        }
        return died;
    }

    State state(int worker) {
        return slots[worker].pulse;
    }

    /** Milliseconds since the worker was last heard. */
    long silentMs(int worker, long nowNanos) {
        return (nowNanos - slots[worker].lastSeen) / 1_000_000L;
    }
}
