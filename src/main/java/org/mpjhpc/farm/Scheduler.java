package org.mpjhpc.farm;

import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where each task goes. Pure logic, no MPI, so it is tested alone.
 *
 * <ul>
 * <li>Round-robin over the active workers, skipping one whose capacity (tasks it holds,
 * queued or running) is reached. Seed test 1: capacities 3, 4, 5 and 11 long tasks give
 * 0,1,2,0,1,2,0,1,2; worker 0 is then full, so the 10th goes to 1 and the 11th to 2.</li>
 * <li>Work stealing: an idle worker takes the last task of the worker with the longest
 * backlog: at once from a backlog still held here, or by asking the victim to give back
 * the last task of its queue (the answer comes through {@link #stolen}).</li>
 * <li>Failures and elasticity: a lost or stopped worker's tasks go back to the head of
 * the master queue in their order, with the attempt raised for those that may have run.
 * A task lost with a failed worker is not given to that worker again while another one can
 * take it: a task that brings its worker down would otherwise kill the same worker after
 * its restart, again and again.</li>
 * </ul>
 */
final class Scheduler {
    /** A worker's place in the farm. */
    enum State { STANDBY, ACTIVE, RESTARTING, STOPPED }

    private final WorkerSlot[] slots;
    private final TaskQueue queue;
    private final Stealing stealing;
    /** task id -> workers that failed while holding it. */
    private final Map<Integer, Set<Integer>> lostOn = new HashMap<>();
    private int next;

    Scheduler(List<Integer> capacities, int standby) {
        this(capacities, standby, false);
    }

    /**
     * @param capacities   the initially active workers
     * @param standby      workers that wait to be added
     * @param longestFirst serve fresh tasks longest first (by estimated cost) instead of in order
     */
    Scheduler(List<Integer> capacities, int standby, boolean longestFirst) {
        queue = new TaskQueue(longestFirst);
        slots = new WorkerSlot[capacities.size() + standby];
        for (int w = 0; w < slots.length; w++) {
            boolean active = w < capacities.size();
            slots[w] = new WorkerSlot(active ? State.ACTIVE : State.STANDBY, active ? capacities.get(w) : 0);
        }
        stealing = new Stealing(slots, queue, this::avoids);
    }

    /** The workers' slots, shared with the liveness watch. */
    WorkerSlot[] slots() {
        return slots;
    }

    long restarts(int worker) {
        return slots[worker].restarts;
    }

    int workers() {
        return slots.length;
    }

    /** Adds a task at the tail of the master queue. */
    void submit(TaskSpec task) {
        queue.addLast(task);
    }

    /** Adds a task to one worker's own backlog; it waits there until the worker has room. */
    void submitTo(int worker, TaskSpec task) {
        slots[worker].pinned.addLast(task);
    }

    /**
     * Hands out every task that fits: first each worker's own backlog, then the master
     * queue in round-robin order. Returns the new tasks per worker, in dispatch order.
     */
    Map<Integer, List<TaskSpec>> assign() {
        Map<Integer, List<TaskSpec>> batches = new LinkedHashMap<>();
        for (int w = 0; w < slots.length; w++) {
            Deque<TaskSpec> own = slots[w].pinned;
            while (!own.isEmpty() && slots[w].hasRoom()) {
                give(w, own.pollFirst(), batches);
            }
        }
        while (!queue.isEmpty()) {
            int w = nextWithRoom(queue.peekFirst());
            if (w < 0) {
                break;
            }
            give(w, queue.pollFirst(), batches);
            next = (w + 1) % slots.length;
        }
        return batches;
    }

    private int nextWithRoom(TaskSpec task) {
        for (int i = 0; i < slots.length; i++) {
            int w = (next + i) % slots.length;
            if (slots[w].hasRoom() && !avoids(w, task)) {
                return w;
            }
        }
        return -1;
    }

    /**
     * True when {@code worker} failed while holding the task and another worker, active or
     * restarting, has not: the task then waits for that one.
     */
    boolean avoids(int worker, TaskSpec task) {
        Set<Integer> lost = task == null ? null : lostOn.get(task.id());
        if (lost == null || !lost.contains(worker)) {
            return false;
        }
        for (int w = 0; w < slots.length; w++) {
            if (slots[w].working() && !lost.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private void give(int w, TaskSpec task, Map<Integer, List<TaskSpec>> batches) {
        slots[w].held.put(task.id(), task);
        slots[w].assigned++;
        batches.computeIfAbsent(w, k -> new ArrayList<>()).add(task);
    }

    /**
     * A worker reported a run of a task. Returns true when that run is the one the worker
     * holds (id and attempt); false for a late run of an earlier attempt or of a task
     * taken away from it, which frees nothing.
     */
    boolean complete(int worker, int taskId, int attempt) {
        TaskSpec task = slots[worker].held.get(taskId);
        if (task == null || task.attempt() != attempt) {
            return false;
        }
        slots[worker].held.remove(taskId);
        lostOn.remove(taskId);
        return true;
    }

    /** A worker is lost: it takes no work until {@link #ready}; its tasks go back to the queue. */
    List<TaskSpec> fail(int worker) {
        WorkerSlot slot = slots[worker];
        slot.failures++;
        slot.state = State.RESTARTING;
        slot.joining = true;
        for (int id : slot.held.keySet()) {
            lostOn.computeIfAbsent(id, k -> new HashSet<>()).add(worker);
        }
        return takeBack(worker);
    }

    /** Takes a task back out of the master queue (it is given up); false when it was not there. */
    boolean withdraw(TaskSpec task) {
        return queue.removeId(task.id());
    }

    /** A restarted worker rejoined with its capacity. */
    void ready(int worker) {
        slots[worker].joining = false;
        if (slots[worker].state == State.RESTARTING) {
            slots[worker].state = State.ACTIVE;
        }
    }

    /** Activates a standby (else a stopped) worker; returns its id, or -1 when none is left. */
    int activate(int capacityOfNew) {
        for (State wanted : new State[] {State.STANDBY, State.STOPPED}) {
            for (int w = 0; w < slots.length; w++) {
                if (slots[w].state == wanted) {
                    slots[w].state = State.ACTIVE;
                    slots[w].capacity = capacityOfNew;
                    slots[w].joining = true;
                    return w;
                }
            }
        }
        return -1;
    }

    /** Deactivates a worker; its tasks go back to the queue. */
    List<TaskSpec> deactivate(int worker) {
        slots[worker].state = State.STOPPED;
        slots[worker].joining = false;
        return takeBack(worker);
    }

    /**
     * Everything a worker held or had waiting goes back to the head of the master queue,
     * in order. Tasks it held may have started, so their attempt is raised.
     */
    private List<TaskSpec> takeBack(int worker) {
        WorkerSlot slot = slots[worker];
        List<TaskSpec> back = new ArrayList<>();
        for (TaskSpec t : slot.held.values()) {
            back.add(t.retry());
        }
        back.addAll(slot.pinned);
        slot.held.clear();
        slot.pinned.clear();
        stealing.forget(worker);
        for (int i = back.size() - 1; i >= 0; i--) {
            queue.addFirst(back.get(i));
        }
        return back;
    }

    /** See {@link Stealing#steal}. */
    Map<Integer, Integer> steal(int threads) {
        return stealing.steal(threads);
    }

    /** See {@link Stealing#stolen}. */
    void stolen(int victim, int taskId) {
        stealing.stolen(victim, taskId);
    }

    /** The steals made since the last call, oldest first. */
    List<Stealing.Steal> takeSteals() {
        return stealing.takeSteals();
    }

    State state(int worker) {
        return slots[worker].state;
    }

    /** True when any worker can take work now or after its restart. */
    boolean anyWorking() {
        for (WorkerSlot slot : slots) {
            if (slot.working()) {
                return true;
            }
        }
        return false;
    }

    int capacity(int worker) {
        return slots[worker].capacity;
    }

    /** The tasks a worker holds, running or queued there. */
    java.util.Collection<TaskSpec> heldTasks(int worker) {
        return java.util.List.copyOf(slots[worker].held.values());
    }

    int held(int worker) {
        return slots[worker].held.size();
    }

    long assigned(int worker) {
        return slots[worker].assigned;
    }

    long stolen(int worker) {
        return slots[worker].stolen;
    }

    long failures(int worker) {
        return slots[worker].failures;
    }

    int queued() {
        int n = queue.size();
        for (WorkerSlot slot : slots) {
            n += slot.pinned.size();
        }
        return n;
    }

    /** True when some worker holds a task (running or in its queue). */
    boolean holding() {
        for (WorkerSlot slot : slots) {
            if (!slot.held.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /** True when no task waits anywhere and no worker holds one. */
    boolean drained() {
        if (queued() > 0) {
            return false;
        }
        for (WorkerSlot slot : slots) {
            if (!slot.held.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Drained, and every worker told to (re)start has said READY. A collective (the phase's
     * Bcast) may start only then: a worker still sending READY would not join it, and the
     * master, inside the Bcast, would not receive READY (measured: a hang 1 in ~40 runs of
     * seed test 3 under load, where a worker restarts just before a phase).
     */
    boolean settled() {
        if (!drained()) {
            return false;
        }
        for (WorkerSlot slot : slots) {
            if (slot.joining) {
                return false;
            }
        }
        return true;
    }
}
