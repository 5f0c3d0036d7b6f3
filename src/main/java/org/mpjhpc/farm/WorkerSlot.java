package org.mpjhpc.farm;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One worker as the master sees it, in one place: for the {@link Scheduler}, its place in
 * the farm, its capacity, the tasks it holds (sent, queued or running there, in the order
 * given) and the tasks waiting here for it, and its counters; for {@link Liveness}, when it
 * was last heard and whether it is alive, suspect, dead or not watched. Pure state: the
 * scheduler and the liveness watch share the same slots.
 */
final class WorkerSlot {
    Scheduler.State state;
    int capacity;
    /** Told to (re)start and not yet READY: such a worker may be blocked sending READY. */
    boolean joining;
    final Map<Integer, TaskSpec> held = new LinkedHashMap<>();
    final Deque<TaskSpec> pinned = new ArrayDeque<>();
    long assigned;
    long stolen;
    long failures;
    /** Restarts after being declared dead. */
    long restarts;

    long lastSeen;
    Liveness.State pulse = Liveness.State.OFF;
    /** Waiting in a collective that has not started: its silence does not count. */
    boolean inCollective;
    boolean heardSinceWatch;

    WorkerSlot(Scheduler.State state, int capacity) {
        this.state = state;
        this.capacity = capacity;
    }

    /** Active, and holding fewer tasks than its capacity. */
    boolean hasRoom() {
        return state == Scheduler.State.ACTIVE && held.size() < capacity;
    }

    /** Takes work now or will after its restart. */
    boolean working() {
        return state == Scheduler.State.ACTIVE || state == Scheduler.State.RESTARTING;
    }

    /** Active with nothing held and nothing waiting: a thief. */
    boolean idle() {
        return state == Scheduler.State.ACTIVE && held.isEmpty() && pinned.isEmpty();
    }

    /** The last task it was given, which is the last in its queue; null if none. */
    TaskSpec lastHeld() {
        TaskSpec last = null;
        for (TaskSpec t : held.values()) {
            last = t;
        }
        return last;
    }
}
