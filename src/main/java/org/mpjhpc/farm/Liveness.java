package org.mpjhpc.farm;

import java.util.ArrayList;
import java.util.List;

/**
 * The master's view of each worker's heartbeat. Any message from a worker counts as a
 * sign of life. Silence longer than two heartbeat intervals makes a worker SUSPECT;
 * silence longer than the timeout makes it DEAD. Pure logic over a given clock.
 */
final class Liveness {
    enum State { ALIVE, SUSPECT, DEAD }

    private final long intervalNanos;
    private final long timeoutNanos;
    private final long[] lastSeen;
    private final State[] state;

    Liveness(int workers, long intervalMs, long timeoutMs, long nowNanos) {
        this.intervalNanos = intervalMs * 1_000_000L;
        this.timeoutNanos = timeoutMs * 1_000_000L;
        this.lastSeen = new long[workers];
        this.state = new State[workers];
        for (int w = 0; w < workers; w++) {
            lastSeen[w] = nowNanos;
            state[w] = State.ALIVE;
        }
    }

    /** A message came from the worker. Returns true if it had been suspect. */
    boolean heard(int worker, long nowNanos) {
        lastSeen[worker] = nowNanos;
        boolean wasSuspect = state[worker] == State.SUSPECT;
        if (state[worker] != State.DEAD) {
            state[worker] = State.ALIVE;
        }
        return wasSuspect;
    }

    /** Moves silent workers to SUSPECT or DEAD; returns the workers that just died. */
    List<Integer> check(long nowNanos, List<Integer> newlySuspect) {
        List<Integer> died = new ArrayList<>();
        for (int w = 0; w < state.length; w++) {
            long silent = nowNanos - lastSeen[w];
            if (state[w] != State.DEAD && silent > timeoutNanos) {
                state[w] = State.DEAD;
                died.add(w);
            } else if (state[w] == State.ALIVE && silent > 2 * intervalNanos) {
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
