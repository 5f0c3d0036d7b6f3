package org.mpjhpc.data.mapreduce;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one task attempt in a thread of its own, so that a task that hangs can be abandoned
 * while the worker goes on serving the master and the shuffle. The task beats
 * ({@link #beat}) as it gets on: a map task for each buffer it reads, a reduce task for each
 * key it writes; an attempt silent for {@code timeoutMs} is hung, as Hadoop's task timeout
 * counts time without progress, so a long task that gets on is never cut. Whatever the task
 * throws, an {@link Error} included, becomes its failure.
 */
final class TaskRun {
    /** How often the watchdog looks at the beats: at most this late to notice a silence. */
    private static final long LOOK_MS = 250;

    private TaskRun() {
    }

    /** The outcome of one attempt: a value, or why there is none. */
    record Outcome<T>(T value, String error) {
        boolean ok() {
            return error == null;
        }
    }

    /** An attempt's thread, with its beats. */
    private static final class Executor extends Thread {
        volatile long beats;

        Executor(Runnable body, String name) {
            super(body, name);
        }
    }

    /** Progress of the attempt running on this thread (nothing on any other thread). */
    static void beat() {
        if (Thread.currentThread() instanceof Executor e) {
            e.beats++; // one writer: the executor itself
        }
    }

    static <T> Outcome<T> run(String name, Callable<T> task, long timeoutMs) {
        FutureTask<T> future = new FutureTask<>(task);
        Executor t = new Executor(future, name);
        t.setDaemon(true); // an abandoned attempt must not keep the JVM alive
        t.start();
        try {
            return new Outcome<>(timeoutMs > 0 ? watch(t, future, timeoutMs) : future.get(), null);
        } catch (TimeoutException e) {
            future.cancel(true);
            return new Outcome<>(null, "no progress for " + timeoutMs + " ms (task_timeout_s); abandoned");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return new Outcome<>(null, cause.getClass().getName() + (cause.getMessage() == null ? "" : ": "
                    + cause.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            return new Outcome<>(null, "interrupted");
        }
    }

    /** The task's value, waiting as long as it beats at least once every {@code timeoutMs}. */
    private static <T> T watch(Executor t, FutureTask<T> future, long timeoutMs)
            throws TimeoutException, ExecutionException, InterruptedException {
        long seen = t.beats;
        long quietSince = System.nanoTime();
        while (true) {
            try {
                return future.get(Math.min(LOOK_MS, timeoutMs), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                long now = System.nanoTime();
                if (t.beats != seen) {
                    seen = t.beats;
                    quietSince = now;
                } else if (now - quietSince >= timeoutMs * 1_000_000L) {
                    throw e;
                }
            }
        }
    }
}
