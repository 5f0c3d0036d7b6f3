package org.mpjhpc.farm;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A worker's executing side: a fixed set of threads taking tasks from one queue. Unlike a
 * {@code ThreadPoolExecutor} it does not replace a thread that dies, so a task that kills
 * its executor ({@link ExecutorDeath}) or a {@code kill} fault leaves it really dead: the
 * worker stops sending heartbeats and the master's recovery has something real to find.
 */
final class TaskExecutor {
    /** Thrown by a task to kill the thread running it (the seed's {@code exit()} inside a task). */
    static final class ExecutorDeath extends Error {
        ExecutorDeath(String message) {
            super(message);
        }
    }

    private final LinkedBlockingDeque<TaskSpec> queue = new LinkedBlockingDeque<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean killed;

    /**
     * Starts {@code count} threads that run each task with {@code run} and pass its outcome
     * to {@code done}. Outcomes of an executor that was killed are dropped: a task cut short
     * by the kill did not fail on its own, and the master has already requeued it.
     */
    TaskExecutor(String name, int count, Function<TaskSpec, Outcome> run, Consumer<Outcome> done) {
        for (int i = 0; i < count; i++) {
            Thread t = new Thread(() -> serve(run, done), name + "-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    private void serve(Function<TaskSpec, Outcome> run, Consumer<Outcome> done) {
        try {
            while (!killed) {
                Outcome outcome = run.apply(queue.takeFirst());
                if (!killed) {
                    done.accept(outcome);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void submit(TaskSpec task) {
        queue.addLast(task);
    }

    /** Takes back the last task still waiting in the queue, or null when none waits. */
    TaskSpec stealLast() {
        return queue.pollLast();
    }

    /** True while every thread is alive and nobody killed it. */
    boolean healthy() {
        if (killed) {
            return false;
        }
        for (Thread t : threads) {
            if (!t.isAlive()) {
                return false;
            }
        }
        return true;
    }

    /** Kills it: waiting tasks are dropped, running ones are interrupted and their threads end. */
    void kill() {
        killed = true;
        queue.clear();
        threads.forEach(Thread::interrupt);
    }
}
