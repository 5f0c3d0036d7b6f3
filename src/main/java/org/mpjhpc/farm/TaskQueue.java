package org.mpjhpc.farm;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.PriorityQueue;
import java.util.Queue;

/**
 * The master queue. Tasks given back after a failure go to the head, in order, before any
 * fresh task. Fresh tasks are served in submission order, or, with {@code longest_first},
 * by their estimated cost, longest first (the LPT rule: it keeps a long task from being
 * the one that starts last); tasks of unknown cost keep submission order among themselves.
 */
final class TaskQueue {
    private final Deque<TaskSpec> front = new ArrayDeque<>();
    private final Queue<TaskSpec> fresh;

    TaskQueue(boolean longestFirst) {
        fresh = longestFirst
                ? new PriorityQueue<>(Comparator.comparingDouble((TaskSpec t) -> -Costs.estimate(t.kind()))
                        .thenComparingInt(TaskSpec::id))
                : new ArrayDeque<>();
    }

    void addLast(TaskSpec task) {
        fresh.add(task);
    }

    void addFirst(TaskSpec task) {
        front.addFirst(task);
    }

    TaskSpec peekFirst() {
        TaskSpec t = front.peekFirst();
        return t != null ? t : fresh.peek();
    }

    TaskSpec pollFirst() {
        TaskSpec t = front.pollFirst();
        return t != null ? t : fresh.poll();
    }

    /** Removes the task with this id (given back tasks wait at the front); false when none waits. */
    boolean removeId(int id) {
        return front.removeIf(t -> t.id() == id) || fresh.removeIf(t -> t.id() == id);
    }

    boolean isEmpty() {
        return front.isEmpty() && fresh.isEmpty();
    }

    int size() {
        return front.size() + fresh.size();
    }
}
