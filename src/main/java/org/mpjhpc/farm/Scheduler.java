package org.mpjhpc.farm;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each task goes: the master queue, round-robin over the live workers, skipping a
 * worker whose capacity (tasks it holds, queued or running) is reached. Pure logic, no
 * MPI, so it is tested alone.
 *
 * <p>Seed test 1: capacities 3, 4, 5 and 11 long tasks give 0,1,2,0,1,2,0,1,2; worker 0 is
 * then full, so the 10th goes to worker 1 and the 11th to worker 2: 3, 4, 4.
 */
final class Scheduler {
    private final int[] capacity;
    private final boolean[] alive;
    private final long[] assigned;
    private final List<Map<Integer, TaskSpec>> held = new ArrayList<>();
    private final List<Deque<TaskSpec>> pinned = new ArrayList<>();
    private final Deque<TaskSpec> queue = new ArrayDeque<>();
    private int next;

    Scheduler(List<Integer> capacities) {
        int n = capacities.size();
        capacity = new int[n];
        alive = new boolean[n];
        assigned = new long[n];
        for (int w = 0; w < n; w++) {
            capacity[w] = capacities.get(w);
            alive[w] = true;
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

    /** Adds a task to one worker's own queue; it waits there until the worker has room. */
    void submitTo(int worker, TaskSpec task) {
        pinned.get(worker).addLast(task);
    }

    /**
     * Hands out every task that fits: first each worker's pinned tasks, then the master
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
            int w = nextWithRoom();
            if (w < 0) {
                break;
            }
            give(w, queue.pollFirst(), batches);
            next = (w + 1) % capacity.length;
        }
        return batches;
    }

    private int nextWithRoom() {
        for (int i = 0; i < capacity.length; i++) {
            int w = (next + i) % capacity.length;
            if (hasRoom(w)) {
                return w;
            }
        }
        return -1;
    }

    private boolean hasRoom(int w) {
        return alive[w] && held.get(w).size() < capacity[w];
    }

    private void give(int w, TaskSpec task, Map<Integer, List<TaskSpec>> batches) {
        held.get(w).put(task.id(), task);
        assigned[w]++;
        batches.computeIfAbsent(w, k -> new ArrayList<>()).add(task);
    }

    /**
     * A worker reported a task finished. Returns false when the worker did not hold that
     * task (a late duplicate after a requeue), so the caller can drop it.
     */
    boolean complete(int worker, int taskId) {
        return held.get(worker).remove(taskId) != null;
    }

    /**
     * A worker is lost: it takes no more work, and every task it held (running, queued,
     * or pinned to it) goes back to the head of the master queue, in its original order,
     * with its attempt number raised.
     */
    List<TaskSpec> fail(int worker) {
        alive[worker] = false;
        List<TaskSpec> back = new ArrayList<>(held.get(worker).values());
        back.addAll(pinned.get(worker));
        held.get(worker).clear();
        pinned.get(worker).clear();
        for (int i = back.size() - 1; i >= 0; i--) {
            TaskSpec t = back.get(i);
            queue.addFirst(new TaskSpec(t.id(), t.attempt() + 1, t.kind()));
        }
        return back;
    }

    boolean alive(int worker) {
        return alive[worker];
    }

    /** True when any worker can still take work. */
    boolean anyAlive() {
        for (boolean a : alive) {
            if (a) {
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
}
