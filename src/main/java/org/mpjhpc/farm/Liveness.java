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
    private final long[] lastSeen;
    private final State[] state;
    private final boolean[] held;
    private final boolean[] heardSinceWatch;

    /** @param watched how many workers (the first ones) are watched from the start */
    Liveness(int workers, int watched, long intervalMs, long timeoutMs, long nowNanos) {
        this.intervalNanos = intervalMs * 1_000_000L;
        this.timeoutNanos = timeoutMs * 1_000_000L;
        this.lastSeen = new long[workers];
        this.state = new State[workers];
        this.held = new boolean[workers];
        this.heardSinceWatch = new boolean[workers];
        for (int w = 0; w < workers; w++) {
            lastSeen[w] = nowNanos;
            state[w] = w < watched ? State.ALIVE : State.OFF;
        }
    }

    /** Starts (or restarts) watching a worker that has just joined. */
    void watch(int worker, long nowNanos) {
        lastSeen[worker] = nowNanos;
        state[worker] = State.ALIVE;
        heardSinceWatch[worker] = false;
    }

    /** Stops watching a worker that no longer works. */
    void off(int worker) {
        state[worker] = State.OFF;
    }

    /** A message came from the worker. Returns true if it had been suspect. */
    boolean heard(int worker, long nowNanos) {
        lastSeen[worker] = nowNanos;
        heardSinceWatch[worker] = true;
        boolean wasSuspect = state[worker] == State.SUSPECT;
        if (wasSuspect) {
            state[worker] = State.ALIVE;
        }
        return wasSuspect;
    }

    /** The worker waits in a collective that has not started yet: its silence does not count. */
    void hold(int worker) {
        held[worker] = true;
    }

    /** The collective is over: held workers are counted as heard now. */
    void resume(long nowNanos) {
        for (int w = 0; w < held.length; w++) {
            if (held[w]) {
                held[w] = false;
                lastSeen[w] = nowNanos;
            }
        }
    }

    /** Moves silent workers to SUSPECT or DEAD; returns the workers that just died. */
    List<Integer> check(long nowNanos, List<Integer> newlySuspect) {
        List<Integer> died = new ArrayList<>();
        for (int w = 0; w < state.length; w++) {
            if (held[w]) {
                continue;
            }
            long silent = nowNanos - lastSeen[w];
            long allowed = heardSinceWatch[w] ? timeoutNanos : timeoutNanos + STARTUP_GRACE_MS * 1_000_000L;
            if ((state[w] == State.ALIVE || state[w] == State.SUSPECT) && silent > allowed) {
                state[w] = State.DEAD;
                died.add(w);
            } else if (state[w] == State.ALIVE && heardSinceWatch[w] && silent > 2 * intervalNanos) {
                state[w] = State.SUSPECT;
                newlySuspect.add(w);
            }
        }
        return died;
    }

    State state(int worker) {
        return state[worker];
    }

    /** Milliseconds since the worker was last heard. */
    long silentMs(int worker, long nowNanos) {
        return (nowNanos - lastSeen[worker]) / 1_000_000L;
    }
}
