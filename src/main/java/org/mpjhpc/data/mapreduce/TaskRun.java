package org.mpjhpc.data.mapreduce;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one task attempt in a thread of its own, so that a task that never returns can be
 * abandoned (after {@code timeoutMs}) while the worker goes on serving the master and the
 * shuffle. Whatever the task throws, an {@link Error} included, becomes its failure.
 */
final class TaskRun {
    private TaskRun() {
    }

    /** The outcome of one attempt: a value, or why there is none. */
    record Outcome<T>(T value, String error) {
        boolean ok() {
            return error == null;
        }
    }

    static <T> Outcome<T> run(String name, Callable<T> task, long timeoutMs) {
        FutureTask<T> future = new FutureTask<>(task);
        Thread t = new Thread(future, name);
        t.setDaemon(true); // an abandoned attempt must not keep the JVM alive
        t.start();
        try {
            return new Outcome<>(timeoutMs > 0 ? future.get(timeoutMs, TimeUnit.MILLISECONDS) : future.get(), null);
        } catch (TimeoutException e) {
            future.cancel(true);
            return new Outcome<>(null, "timed out after " + timeoutMs + " ms (task_timeout_s); abandoned");
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
}
