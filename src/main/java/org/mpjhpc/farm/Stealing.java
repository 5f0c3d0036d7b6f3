package org.mpjhpc.farm;

import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;

/**
 * Work stealing, the scheduler's part: when the master queue is empty, an idle worker takes
 * the last task of the worker with the longest backlog, at once from a backlog still held
 * here, or by asking the victim to give back the last task of its queue. Pure logic over
 * the scheduler's worker slots.
 */
final class Stealing {
    /** One task moved to an idle worker: the report's event and its counter come from the same record. */
    record Steal(int thief, int victim, int taskId) {
    }

    private final WorkerSlot[] slots;
    private final TaskQueue queue;
    /** (worker, task): true when the task must not go to that worker (it died running it). */
    private final BiPredicate<Integer, TaskSpec> avoids;
    /** Steals made since {@link #takeSteals}. */
    private final List<Steal> steals = new ArrayList<>();
    /** victim -> thief, for steal requests in flight. */
    private final Map<Integer, Integer> asking = new LinkedHashMap<>();

    Stealing(WorkerSlot[] slots, TaskQueue queue, BiPredicate<Integer, TaskSpec> avoids) {
        this.slots = slots;
        this.queue = queue;
        this.avoids = avoids;
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
        for (int thief = 0; thief < slots.length; thief++) {
            if (!slots[thief].idle() || asking.containsValue(thief)) {
                continue;
            }
            int victim = richest(thief, threads);
            if (victim < 0) {
                return asks;
            }
            Deque<TaskSpec> spare = slots[victim].pinned;
            if (!spare.isEmpty()) {
                if (avoids.test(thief, spare.peekLast())) {
                    continue;
                }
                moveTo(thief, victim, spare.pollLast());
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
        for (int w = 0; w < slots.length; w++) {
            boolean mayAsk = !asking.containsKey(w) && !avoids.test(thief, slots[w].lastHeld());
            int queuedThere = mayAsk ? Math.max(0, slots[w].held.size() - threads) : 0;
            // A backlog held here for a worker that has room is its own next work, not spare.
            int waitingHere = slots[w].hasRoom() ? 0 : slots[w].pinned.size();
            int backlog = waitingHere + queuedThere;
            if (backlog > bestBacklog) {
                best = w;
                bestBacklog = backlog;
            }
        }
        return best;
    }

    /** The victim answered a steal request: {@code taskId} is what it gave back, or -1. */
    void stolen(int victim, int taskId) {
        Integer thief = asking.remove(victim);
        TaskSpec task = taskId < 0 ? null : slots[victim].held.remove(taskId);
        if (task == null) {
            return;
        }
        if (thief != null && slots[thief].state == Scheduler.State.ACTIVE && !avoids.test(thief, task)) {
            moveTo(thief, victim, task);
        } else {
            queue.addFirst(task);
        }
    }

    private void moveTo(int thief, int victim, TaskSpec task) {
        slots[thief].pinned.addLast(task);
        slots[thief].stolen++;
        steals.add(new Steal(thief, victim, task.id()));
    }

    /** A worker that left asks nobody for work any more. */
    void forget(int worker) {
        asking.values().remove(worker);
    }

    /** The steals made since the last call, oldest first. */
    List<Steal> takeSteals() {
        List<Steal> out = List.copyOf(steals);
        steals.clear();
        return out;
    }
}
