package org.mpjhpc.farm;

import java.util.ArrayList;
import java.util.List;
import org.mpjhpc.log.Log;

/**
 * The workers' comings and goings, as the master carries them out: adding a standby rank,
 * stopping a worker, declaring a silent one dead and restarting it, and its rejoining. A
 * worker that leaves gives its tasks back (in order, to the head of the queue) and its
 * locks; a task whose runs killed its worker {@code max_attempts} times is given up.
 */
final class Lifecycle {
    private final Scheduler scheduler;
    private final Liveness liveness;
    private final TaskBook book;
    private final ResourceTable resources;
    private final EventLog events;
    private final Outbox outbox;
    private final long epochMs;

    Lifecycle(Scheduler scheduler, Liveness liveness, TaskBook book, ResourceTable resources, EventLog events,
            Outbox outbox, long epochMs) {
        this.scheduler = scheduler;
        this.liveness = liveness;
        this.book = book;
        this.resources = resources;
        this.events = events;
        this.outbox = outbox;
        this.epochMs = epochMs;
    }

    /** Activates a standby rank; returns its worker id, or -1 when none is left. */
    int add(int capacity) {
        int worker = scheduler.activate(capacity);
        if (worker < 0) {
            Log.warn("add_worker: no standby rank is left (start the job with more farm.standby)");
            return -1;
        }
        liveness.watch(worker, System.nanoTime());
        outbox.send(worker, FarmTag.ACTIVATE, Protocol.EMPTY);
        events.add("added", worker, "capacity " + capacity);
        Log.info("worker " + worker + " (rank " + (worker + 1) + ") added with capacity " + capacity);
        return worker;
    }

    /** Deactivates a worker; false when it was not active. */
    boolean stop(int worker) {
        if (scheduler.state(worker) != Scheduler.State.ACTIVE) {
            Log.warn("stop_worker: worker " + worker + " is " + scheduler.state(worker) + ", not active");
            return false;
        }
        List<TaskSpec> back = scheduler.deactivate(worker);
        back.forEach(book::requeued);
        liveness.off(worker);
        releaseLocks(worker);
        outbox.send(worker, FarmTag.DEACTIVATE, Protocol.EMPTY);
        events.add("stopped", worker, back.size() + " task(s) requeued");
        Log.info("worker " + worker + " stopped; " + back.size() + " task(s) back to the head of the queue");
        return true;
    }

    /** READY: a restarted worker rejoins; an added one has its executor up (a phase boundary waits for it). */
    void rejoined(int worker, long now) {
        if (scheduler.state(worker) == Scheduler.State.RESTARTING) {
            scheduler.ready(worker);
            liveness.watch(worker, now);
            events.add("ready", worker, "rejoined with capacity " + scheduler.capacity(worker));
            Log.info("worker " + worker + " rejoined with capacity " + scheduler.capacity(worker));
        } else if (scheduler.state(worker) == Scheduler.State.ACTIVE) {
            scheduler.ready(worker);
        }
    }

    /** Failure recovery: a silent worker is declared dead, its work requeued, and restarted. */
    void watch(long nowNanos) {
        List<Integer> suspect = new ArrayList<>();
        for (int worker : liveness.check(nowNanos, suspect)) {
            List<TaskSpec> back = scheduler.fail(worker);
            back.forEach(book::requeued);
            back = giveUpPoison(back, worker);
            events.add("dead", worker, "silent " + liveness.silentMs(worker, nowNanos) + " ms");
            events.add("requeued", worker, back.size() + " task(s)");
            Log.error("worker " + worker + " silent for " + liveness.silentMs(worker, nowNanos)
                    + " ms: declared dead, " + back.size() + " task(s) back to the head of the queue; restarting it");
            releaseLocks(worker);
            scheduler.slots()[worker].restarts++;
            outbox.send(worker, FarmTag.RESTART, Protocol.EMPTY);
        }
        for (int worker : suspect) {
            Log.warn("worker " + worker + " silent for " + liveness.silentMs(worker, nowNanos) + " ms: suspect");
        }
    }

    /**
     * A task whose runs ended in its worker's death {@code max_attempts} times is not run
     * again: it ends failed, saying so, and the job goes on. Returns the tasks requeued.
     */
    private List<TaskSpec> giveUpPoison(List<TaskSpec> back, int worker) {
        List<TaskSpec> requeued = new ArrayList<>();
        for (TaskSpec t : back) {
            int runs = t.attempt() - 1; // takeBack raised it for the run that died
            if (runs < book.maxAttempts(t.id()) || book.isFinished(t.id())) {
                requeued.add(t);
                continue;
            }
            scheduler.withdraw(t);
            String why = "gave up after " + runs + " attempt(s): the worker running it died each time (last: worker "
                    + worker + ")";
            book.giveUp(t.id(), runs, worker, why, System.currentTimeMillis() - epochMs);
            events.add("gave_up", worker, "task " + t.id() + " after " + runs + " attempt(s)");
            Log.error("task " + t.id() + ": " + why);
        }
        return requeued;
    }

    /** A worker that is lost or stopped holds no lock any more. */
    private void releaseLocks(int worker) {
        List<String> released = new ArrayList<>();
        outbox.grant(resources.releaseAll(worker, released));
        if (!released.isEmpty()) {
            events.add("released", worker, String.join(", ", released));
            Log.warn("locks held by worker " + worker + " released: " + released);
        }
    }
}
