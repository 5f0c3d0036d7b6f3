package org.mpjhpc.farm;

import java.util.ArrayDeque;
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

    private final int[] capacity;
    private final State[] state;
    private final long[] assigned;
    private final long[] stolen;
    private final long[] failures;
    /** Told to (re)start and not yet READY: such a worker may be blocked sending READY. */
    private final boolean[] joining;
    private final List<Map<Integer, TaskSpec>> held = new ArrayList<>();
    private final List<Deque<TaskSpec>> pinned = new ArrayList<>();
    private final TaskQueue queue;
    /** One task moved to an idle worker: the report's event and its counter come from the same record. */
    record Steal(int thief, int victim, int taskId) {
    }

    /** Steals made since {@link #takeSteals}. */
    private final List<Steal> steals = new ArrayList<>();

    /** victim -> thief, for steal requests in flight. */
    private final Map<Integer, Integer> asking = new LinkedHashMap<>();
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
        int n = capacities.size() + standby;
        capacity = new int[n];
        state = new State[n];
        assigned = new long[n];
        stolen = new long[n];
        failures = new long[n];
        joining = new boolean[n];
        for (int w = 0; w < n; w++) {
            boolean active = w < capacities.size();
            capacity[w] = active ? capacities.get(w) : 0;
            state[w] = active ? State.ACTIVE : State.STANDBY;
            held.add(new LinkedHashMap<>());
            pinned.add(new ArrayDeque<>());
        }
    }

    int workers() {
        return capacity.length;
    }

    /** Adds a task at the tail of the master queue. */
    void submit(TaskSpec task) {
        queue.addLast(task);
    }

    /** Adds a task to one worker's own backlog; it waits there until the worker has room. */
    void submitTo(int worker, TaskSpec task) {
        pinned.get(worker).addLast(task);
    }

    /**
     * Hands out every task that fits: first each worker's own backlog, then the master
     * queue in round-robin order. Returns the new tasks per worker, in dispatch order.
     */
    Map<Integer, List<TaskSpec>> assign() {
        Map<Integer, List<TaskSpec>> batches = new LinkedHashMap<>();
        for (int w = 0; w < capacity.length; w++) {
            Deque<TaskSpec> own = pinned.get(w);
            while (!own.isEmpty() && hasRoom(w)) {
                give(w, own.pollFirst(), batches);
            }
        }
        while (!queue.isEmpty()) {
            int w = nextWithRoom(queue.peekFirst());
            if (w < 0) {
                break;
            }
            give(w, queue.pollFirst(), batches);
            next = (w + 1) % capacity.length;
        }
        return batches;
    }

    private int nextWithRoom(TaskSpec task) {
        for (int i = 0; i < capacity.length; i++) {
            int w = (next + i) % capacity.length;
            if (hasRoom(w) && !avoids(w, task)) {
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
        for (int w = 0; w < capacity.length; w++) {
            if ((state[w] == State.ACTIVE || state[w] == State.RESTARTING) && !lost.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private boolean hasRoom(int w) {
        return state[w] == State.ACTIVE && held.get(w).size() < capacity[w];
    }

    private void give(int w, TaskSpec task, Map<Integer, List<TaskSpec>> batches) {
        held.get(w).put(task.id(), task);
        assigned[w]++;
        batches.computeIfAbsent(w, k -> new ArrayList<>()).add(task);
    }

    /**
     * A worker reported a run of a task. Returns true when that run is the one the worker
     * holds (id and attempt); false for a late run of an earlier attempt or of a task
     * taken away from it, which frees nothing.
     */
    boolean complete(int worker, int taskId, int attempt) {
        TaskSpec task = held.get(worker).get(taskId);
        if (task == null || task.attempt() != attempt) {
            return false;
        }
        held.get(worker).remove(taskId);
        lostOn.remove(taskId);
        return true;
    }

    /** A worker is lost: it takes no work until {@link #ready}; its tasks go back to the queue. */
    List<TaskSpec> fail(int worker) {
        failures[worker]++;
        state[worker] = State.RESTARTING;
        joining[worker] = true;
        for (int id : held.get(worker).keySet()) {
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
        joining[worker] = false;
        if (state[worker] == State.RESTARTING) {
            state[worker] = State.ACTIVE;
        }
    }

    /** Activates a standby (else a stopped) worker; returns its id, or -1 when none is left. */
    int activate(int capacityOfNew) {
        for (State wanted : new State[] {State.STANDBY, State.STOPPED}) {
            for (int w = 0; w < capacity.length; w++) {
                if (state[w] == wanted) {
                    state[w] = State.ACTIVE;
                    capacity[w] = capacityOfNew;
                    joining[w] = true;
                    return w;
                }
            }
        }
        return -1;
    }

    /** Deactivates a worker; its tasks go back to the queue. */
    List<TaskSpec> deactivate(int worker) {
        state[worker] = State.STOPPED;
        joining[worker] = false;
        return takeBack(worker);
    }

    /**
     * Everything a worker held or had waiting goes back to the head of the master queue,
     * in order. Tasks it held may have started, so their attempt is raised.
     */
    private List<TaskSpec> takeBack(int worker) {
        List<TaskSpec> back = new ArrayList<>();
        for (TaskSpec t : held.get(worker).values()) {
            back.add(new TaskSpec(t.id(), t.attempt() + 1, t.kind()));
        }
        back.addAll(pinned.get(worker));
        held.get(worker).clear();
        pinned.get(worker).clear();
        asking.values().remove(worker);
        for (int i = back.size() - 1; i >= 0; i--) {
            queue.addFirst(back.get(i));
        }
        return back;
    }

    /**
     * Lets idle workers steal, when the master queue is empty. A backlog still held here
     * moves at once; otherwise the returned map says which victim to ask for which thief.
     *
     * @param threads tasks a worker runs at once: only tasks beyond those are queued
     */
    Map<Integer, Integer> steal(int threads) {
        Map<Integer, Integer> asks = new LinkedHashMap<>();
        if (!queue.isEmpty()) {
            return asks;
        }
        for (int thief = 0; thief < capacity.length; thief++) {
            if (state[thief] != State.ACTIVE || !held.get(thief).isEmpty() || !pinned.get(thief).isEmpty()
                    || asking.containsValue(thief)) {
                continue;
            }
            int victim = richest(thief, threads);
            if (victim < 0) {
                return asks;
            }
            if (!pinned.get(victim).isEmpty()) {
                if (avoids(thief, pinned.get(victim).peekLast())) {
                    continue;
                }
                TaskSpec task = pinned.get(victim).pollLast();
                pinned.get(thief).addLast(task);
                stolen[thief]++;
                steals.add(new Steal(thief, victim, task.id()));
            } else {
                asking.put(victim, thief);
                asks.put(victim, thief);
            }
        }
        return asks;
    }

    /**
     * The worker with the longest backlog beyond what it runs, not already asked and whose
     * last task (the one it would give) the thief may take; -1 if none.
     */
    private int richest(int thief, int threads) {
        int best = -1;
        int bestBacklog = 0;
        for (int w = 0; w < capacity.length; w++) {
            boolean mayAsk = !asking.containsKey(w) && !avoids(thief, last(held.get(w)));
            int queuedThere = mayAsk ? Math.max(0, held.get(w).size() - threads) : 0;
            // A backlog held here for a worker that has room is its own next work, not spare.
            int waitingHere = hasRoom(w) ? 0 : pinned.get(w).size();
            int backlog = waitingHere + queuedThere;
            if (backlog > bestBacklog) {
                best = w;
                bestBacklog = backlog;
            }
        }
        return best;
    }

    /** The last task a worker was given, which is the last in its queue; null if none. */
    private static TaskSpec last(Map<Integer, TaskSpec> tasks) {
        TaskSpec last = null;
        for (TaskSpec t : tasks.values()) {
            last = t;
        }
        return last;
    }

    /** The victim answered a steal request: {@code taskId} is what it gave back, or -1. */
    void stolen(int victim, int taskId) {
        Integer thief = asking.remove(victim);
        TaskSpec task = taskId < 0 ? null : held.get(victim).remove(taskId);
        if (task == null) {
            return;
        }
        if (thief != null && state[thief] == State.ACTIVE && !avoids(thief, task)) {
            pinned.get(thief).addLast(task);
            stolen[thief]++;
            steals.add(new Steal(thief, victim, task.id()));
        } else {
            queue.addFirst(task);
        }
    }

    /** The steals made since the last call, oldest first. */
    List<Steal> takeSteals() {
        List<Steal> out = List.copyOf(steals);
        steals.clear();
        return out;
    }

    State state(int worker) {
        return state[worker];
    }

    /** True when any worker can take work now or after its restart. */
    boolean anyWorking() {
        for (State s : state) {
            if (s == State.ACTIVE || s == State.RESTARTING) {
                return true;
            }
        }
        return false;
    }

    int capacity(int worker) {
        return capacity[worker];
    }

    int held(int worker) {
        return held.get(worker).size();
    }

    long assigned(int worker) {
        return assigned[worker];
    }

    long stolen(int worker) {
        return stolen[worker];
    }

    long failures(int worker) {
        return failures[worker];
    }

    int queued() {
        int n = queue.size();
        for (Deque<TaskSpec> own : pinned) {
            n += own.size();
        }
        return n;
    }

    /** True when no task waits anywhere and no worker holds one. */
    boolean drained() {
        if (queued() > 0) {
            return false;
        }
        for (Map<Integer, TaskSpec> h : held) {
            if (!h.isEmpty()) {
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
        for (boolean j : joining) {
            if (j) {
                return false;
            }
        }
        return true;
    }
}
